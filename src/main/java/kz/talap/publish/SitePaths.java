package kz.talap.publish;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where each page lives in the site. File and folder names are made only from codes the compiler validated
 * ({@code [A-Z0-9_]}, at most 64 characters); the check is repeated here so that no other text can become a path.
 *
 * <pre>
 * index.html                      choose a language
 * site.css                        copied from the templates folder
 * {lang}/index.html               the services in one language
 * {lang}/{service}/{subtype}.html one sub-type, e.g. en/trp/trp-work.html
 * {lang}/{service}/index.html     a service without sub-types, e.g. en/prp/index.html
 * </pre>
 */
final class SitePaths {
  private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,64}");

  private SitePaths() {}

  /** A code as a file or folder name: lower case, '-' for '_' (one-to-one, so distinct codes never collide). */
  static String slug(String code) {
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("'" + code + "' is not a valid code and cannot become a file name");
    }
    return code.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The page of a service, or of one of its sub-types, relative to a language folder. */
  static String page(String service, Optional<String> subtype) {
    return slug(service) + "/" + subtype.map(SitePaths::slug).orElse("index") + ".html";
  }

  /** The way back from a file at {@code path} (relative to the site root) to the site root: "", "../", "../../". */
  static String up(String path) {
    long depth = path.chars().filter(c -> c == '/').count();
    return "../".repeat((int) depth);
  }
}

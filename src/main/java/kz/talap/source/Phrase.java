package kz.talap.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message to a person, kept as a stable key and its arguments so it can be said in Kazakh, Russian or English
 * ({@code phrases_xx.properties} next to this class). An argument is text, a number, or another phrase said in the
 * same language, or a map from language code to the text in that language.
 */
public record Phrase(String key, Map<String, Object> args) {
  /** The languages every phrase is written in, by their codes. */
  public static final List<String> LANGUAGES = List.of("kk", "ru", "en");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  public Phrase {
    args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }

  /** The phrase {@code key} with arguments given as name, value, name, value… */
  public static Phrase of(String key, Object... namesAndValues) {
    Map<String, Object> args = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      args.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return new Phrase(key, args);
  }

  /** A message that exists in English only (not yet in the bundles): said the same in every language. */
  public static Phrase plain(String text) {
    return of("plain", "text", text);
  }

  /** The phrase said in the language {@code kk}, {@code ru} or {@code en} (any other code: English). */
  public String in(String language) {
    String template = Bundles.template(language, key);
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Object value = args.get(matcher.group(1));
      String said = value instanceof Phrase phrase ? phrase.in(language)
          // A text the catalogue holds in each language (such as a fact's label), by language code.
          : value instanceof Map<?, ?> texts ? String.valueOf(texts.containsKey(language) ? texts.get(language)
              : texts.get("en"))
          : String.valueOf(value);
      matcher.appendReplacement(out, Matcher.quoteReplacement(said));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** The phrase in English. */
  @Override
  public String toString() {
    return in("en");
  }

  /** The message bundles, read once. */
  static final class Bundles {
    static final Map<String, Properties> BY_LANGUAGE = load();

    private static Map<String, Properties> load() {
      Map<String, Properties> bundles = new LinkedHashMap<>();
      for (String language : LANGUAGES) {
        String name = "phrases_" + language + ".properties";
        try (InputStream in = Phrase.class.getResourceAsStream(name)) {
          if (in == null) {
            throw new IllegalStateException("missing resource " + name);
          }
          Properties properties = new Properties();
          properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
          bundles.put(language, properties);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return Map.copyOf(bundles);
    }

    static String template(String language, String key) {
      Properties bundle = BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get("en"));
      String template = bundle.getProperty(key);
      if (template == null) {
        // A key missing from a bundle is a programming error that PhraseTest catches; never show an empty message.
        template = BY_LANGUAGE.get("en").getProperty(key, key);
      }
      return template;
    }
  }
}

package kz.talap.server;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.talap.check.Checker;
import kz.talap.json.SubmissionJson;
import kz.talap.model.Catalogue;
import kz.talap.source.Diagnostic;

/**
 * One compiled catalogue as the server serves it: immutable once built, swapped whole when the workbooks change, so
 * a request keeps the release it started with. The checker and submission reader are not thread-safe; each request
 * thread gets its own, made once per thread and release.
 *
 * @param hash SHA-256 of the workbooks' bytes, in file-name order: the content hash every response names
 * @param id the approved release folder served ({@code talap release}); empty for the working copy (preview)
 */
record Release(Catalogue catalogue, String hash, Instant compiledAt, List<Diagnostic> warnings, Optional<String> id,
    Tools tools) {

  Release {
    warnings = List.copyOf(warnings);
  }

  static Release of(Catalogue catalogue, String hash, Instant compiledAt, List<Diagnostic> warnings,
      Optional<String> id) {
    return new Release(catalogue, hash, compiledAt, warnings, id, new Tools(catalogue));
  }

  /** Whether this is the working copy, served as a preview rather than an approved release. */
  boolean preview() {
    return id.isEmpty();
  }

  /** The release id, or {@code preview-<hash>} for the working copy: the {@code Talap-Release} header. */
  String label() {
    return id.orElse("preview-" + hash);
  }

  String version() {
    return catalogue.version();
  }

  /** The first 12 hex digits of the hash, for pages. */
  String shortHash() {
    return hash.substring(0, 12);
  }

  Checker checker() {
    return tools.checker.get();
  }

  SubmissionJson.Reader reader() {
    return tools.reader.get();
  }

  /** Per-thread checkers and readers of one catalogue. */
  static final class Tools {
    private final ThreadLocal<Checker> checker;
    private final ThreadLocal<SubmissionJson.Reader> reader;

    Tools(Catalogue catalogue) {
      checker = ThreadLocal.withInitial(() -> new Checker(catalogue));
      reader = ThreadLocal.withInitial(() -> SubmissionJson.reader(catalogue));
    }
  }
}

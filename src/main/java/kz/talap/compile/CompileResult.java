package kz.talap.compile;

import java.util.List;
import java.util.Optional;
import kz.talap.model.Catalogue;
import kz.talap.source.Diagnostic;

/** The compiled catalogue (absent when there are errors) and every diagnostic, sorted by location. */
public record CompileResult(Optional<Catalogue> catalogue, List<Diagnostic> diagnostics) {
  public CompileResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasFatal() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.FATAL);
  }

  public long errors() {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  public long warnings() {
    return diagnostics.size() - errors();
  }
}

package kz.talap.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects diagnostics from a phase; never stops at the first. */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();
  /** Kept as they are added: phases ask for the count after every row. */
  private int errors;

  public void add(Diagnostic diagnostic) {
    items.add(diagnostic);
    if (diagnostic.isError()) {
      errors++;
    }
  }

  public void error(String code, CellRef where, String message) {
    add(Diagnostic.error(code, where, message));
  }

  public void warning(String code, CellRef where, String message) {
    add(Diagnostic.warning(code, where, message));
  }

  public void addAll(Collection<Diagnostic> more) {
    more.forEach(this::add);
  }

  /** The number of errors so far; a phase compares counts to tell whether a row was clean. */
  public int errorCount() {
    return errors;
  }

  public boolean hasErrors() {
    return errors > 0;
  }

  /** All diagnostics, sorted by location, without duplicates. */
  public List<Diagnostic> sorted() {
    return items.stream().distinct().sorted().toList();
  }
}

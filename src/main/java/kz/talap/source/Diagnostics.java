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

  public void error(String code, CellRef where, Phrase phrase) {
    add(Diagnostic.error(code, where, phrase));
  }

  public void warning(String code, CellRef where, Phrase phrase) {
    add(Diagnostic.warning(code, where, phrase));
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

  /** At most this many diagnostics are kept for one cell; a hostile cell must not flood the output. */
  public static final int MAX_PER_CELL = 10;

  /**
   * All diagnostics, sorted by location, without duplicates; a cell with more than {@value #MAX_PER_CELL} keeps its
   * first ones and a last line saying how many more there were.
   */
  public List<Diagnostic> sorted() {
    List<Diagnostic> sorted = items.stream().distinct().sorted().toList();
    List<Diagnostic> kept = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      CellRef where = sorted.get(i).where();
      int end = i;
      while (end < sorted.size() && sorted.get(end).where().equals(where)) {
        end++;
      }
      // Only cells are capped: a sheet or a file has a bounded number of problems of its own.
      boolean cell = where.row() != CellRef.NONE;
      kept.addAll(sorted.subList(i, cell ? Math.min(end, i + MAX_PER_CELL) : end));
      if (cell && end - i > MAX_PER_CELL) {
        Diagnostic last = sorted.get(end - 1);
        kept.add(new Diagnostic(last.severity(), last.code(), where, Phrase.of("diagnostic.more-here", "n",
            end - i - MAX_PER_CELL)));
      }
      i = end;
    }
    return List.copyOf(kept);
  }
}

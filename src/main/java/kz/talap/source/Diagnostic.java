package kz.talap.source;

import java.util.Comparator;

/**
 * One problem found in the input: its severity, a stable code, where it is and what is wrong.
 *
 * <p>Printed compiler-style: {@code residence.xlsx: Requirements!E14: error: unknown document code 'PASSPRT'}.
 */
public record Diagnostic(Severity severity, String code, CellRef where, String message)
    implements Comparable<Diagnostic> {

  /** How bad a diagnostic is. */
  public enum Severity {
    /** The input cannot be read at all (missing file, not a workbook): a usage/IO error. */
    FATAL,
    /** The catalogue is wrong and cannot be used. */
    ERROR,
    /** Worth fixing; the catalogue can still be used. */
    WARNING;

    String label() {
      return this == WARNING ? "warning" : "error";
    }
  }

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::where)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::message);

  public static Diagnostic error(String code, CellRef where, String message) {
    return new Diagnostic(Severity.ERROR, code, where, message);
  }

  public static Diagnostic warning(String code, CellRef where, String message) {
    return new Diagnostic(Severity.WARNING, code, where, message);
  }

  public static Diagnostic fatal(String code, CellRef where, String message) {
    return new Diagnostic(Severity.FATAL, code, where, message);
  }

  public boolean isError() {
    return severity != Severity.WARNING;
  }

  @Override
  public int compareTo(Diagnostic other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return where + ": " + severity.label() + ": " + message;
  }
}

package kz.talap.source;

import java.util.Comparator;

/**
 * One problem found in the input: its severity, a stable code, where it is and what is wrong (a phrase that can be
 * said in kk, ru or en).
 *
 * <p>Printed compiler-style: {@code residence.xlsx: Requirements!E14: error: unknown document code 'PASSPRT'}.
 */
public record Diagnostic(Severity severity, String code, CellRef where, Phrase phrase)
    implements Comparable<Diagnostic> {

  /** A diagnostic whose message is English only. */
  public Diagnostic(Severity severity, String code, CellRef where, String message) {
    this(severity, code, where, Phrase.plain(message));
  }

  /** What is wrong, in English. */
  public String message() {
    return phrase.in("en");
  }

  /** What is wrong, in the language {@code kk}, {@code ru} or {@code en}. */
  public String message(String language) {
    return phrase.in(language);
  }

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

    /** "error" or "warning" in the language {@code kk}, {@code ru} or {@code en}. */
    public String label(String language) {
      return Phrase.of(this == WARNING ? "diagnostic.warning" : "diagnostic.error").in(language);
    }
  }

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::where)
          .thenComparing(Diagnostic::severity)
          .thenComparing(d -> d.message());

  public static Diagnostic error(String code, CellRef where, String message) {
    return new Diagnostic(Severity.ERROR, code, where, message);
  }

  public static Diagnostic warning(String code, CellRef where, String message) {
    return new Diagnostic(Severity.WARNING, code, where, message);
  }

  public static Diagnostic fatal(String code, CellRef where, String message) {
    return new Diagnostic(Severity.FATAL, code, where, message);
  }

  public static Diagnostic error(String code, CellRef where, Phrase phrase) {
    return new Diagnostic(Severity.ERROR, code, where, phrase);
  }

  public static Diagnostic warning(String code, CellRef where, Phrase phrase) {
    return new Diagnostic(Severity.WARNING, code, where, phrase);
  }

  public static Diagnostic fatal(String code, CellRef where, Phrase phrase) {
    return new Diagnostic(Severity.FATAL, code, where, phrase);
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
    return where + ": " + severity.label() + ": " + message();
  }

  /** The diagnostic as printed, in the language {@code kk}, {@code ru} or {@code en}. */
  public String toString(String language) {
    return where + ": " + severity.label(language) + ": " + message(language);
  }
}

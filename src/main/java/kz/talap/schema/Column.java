package kz.talap.schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One column of a catalogue table: its header name, the kind of value it holds, whether it must be filled, and the
 * comment shown on its header cell.
 */
public record Column(
    String name,
    Kind kind,
    boolean required,
    String comment,
    List<String> values,
    Optional<String> references,
    Optional<String> language,
    Optional<BigDecimal> minimum,
    boolean minimumExclusive) {

  /** The kinds of values a cell may hold. */
  public enum Kind {
    /** A stable identifier of {@code [A-Z0-9_]}. */
    CODE,
    /** The code of a row in another table. */
    REFERENCE,
    /** Comma-separated codes of rows in another table. */
    REFERENCE_LIST,
    /** One of a fixed list of values. */
    ENUM,
    /** Comma-separated values from a fixed list. */
    ENUM_LIST,
    /** Applicant-facing text in one language. */
    TEXT,
    /** Free text that is not translated, such as a citation. */
    PLAIN,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    /** A date, {@code YYYY-MM-DD}. */
    DATE,
    /** A time of day, {@code HH:MM}. */
    TIME,
    /** A day of the year, {@code MM-DD}. */
    MONTH_DAY,
    /** A Google CEL condition over the declared facts. */
    CONDITION,
    /** A fact name, {@code [a-z][a-z0-9_]*}. */
    NAME,
    /** A two-letter country code (ISO 3166-1 alpha-2). */
    COUNTRY,
    /** Comma-separated values, checked by the compiler. */
    LIST
  }

  public Column {
    values = List.copyOf(values);
  }

  Column(String name, Kind kind, boolean required, String comment, List<String> values, Optional<String> references,
      Optional<String> language) {
    this(name, kind, required, comment, values, references, language, Optional.empty(), false);
  }

  /** This number column with its smallest allowed value ({@code exclusive}: the value must be greater). */
  Column withMinimum(BigDecimal minimum, boolean exclusive) {
    return new Column(name, kind, required, comment, values, references, language, Optional.of(minimum), exclusive);
  }

  /** The bound of a number column in words, as comments and docs show it: {@code >= 1}, {@code > 0}. */
  public Optional<String> bound() {
    return minimum.map(m -> (minimumExclusive ? "> " : ">= ") + m.toPlainString());
  }

  static Column of(String name, Kind kind, boolean required, String comment) {
    return new Column(name, kind, required, comment, List.of(), Optional.empty(), Optional.empty());
  }

  static Column enumOf(String name, boolean list, boolean required, String comment, List<String> values) {
    return new Column(
        name, list ? Kind.ENUM_LIST : Kind.ENUM, required, comment, values, Optional.empty(), Optional.empty());
  }

  static Column reference(String name, String table, boolean list, boolean required, String comment) {
    return new Column(
        name,
        list ? Kind.REFERENCE_LIST : Kind.REFERENCE,
        required,
        comment,
        List.of(),
        Optional.of(table),
        Optional.empty());
  }

  static Column text(String base, String language, boolean required, String comment) {
    return new Column(
        base + "_" + language, Kind.TEXT, required, comment, List.of(), Optional.empty(), Optional.of(language));
  }

  /** The name of a translated column without its language suffix ({@code name} for {@code name_kk}). */
  public String baseName() {
    return language.map(l -> name.substring(0, name.length() - l.length() - 1)).orElse(name);
  }

  /**
   * The column's type as docs/workbook-format.md and the header comments name it: {@code code}, {@code text},
   * {@code enum: IN_FORCE, PILOT, DRAFT}, {@code reference → Services}, {@code integer >= 1}, {@code date}, ….
   */
  public String typeName() {
    String base = switch (kind) {
      case REFERENCE -> "reference → " + references.orElseThrow();
      case REFERENCE_LIST -> "reference list → " + references.orElseThrow();
      case ENUM -> "enum: " + String.join(", ", values);
      case ENUM_LIST -> "enum list: " + String.join(", ", values);
      case MONTH_DAY -> "month day";
      default -> kind.name().toLowerCase(java.util.Locale.ROOT);
    };
    return bound().map(b -> base + " " + b).orElse(base);
  }
}

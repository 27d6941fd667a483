package kz.talap.schema;

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
    Optional<String> language) {

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
}

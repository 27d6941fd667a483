package kz.talap.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link Table} column by column; used only to declare the schema. */
final class TableBuilder {
  static final List<String> LANGUAGES = List.of("kk", "ru", "en");
  /** Tables without an editor-note column: settings, interface labels and scenarios (which have their own note). */
  private static final List<String> NO_EDITOR_NOTE = List.of("Catalogue", "Labels", "Tests");

  private final String name;
  private final String description;
  private final List<Column> columns = new ArrayList<>();
  private List<String> key = List.of("code");
  private final Map<String, String> example = new LinkedHashMap<>();

  TableBuilder(String name, String description) {
    this.name = name;
    this.description = description;
  }

  TableBuilder code(String comment) {
    return add(Column.of("code", Column.Kind.CODE, true, comment));
  }

  TableBuilder add(Column column) {
    columns.add(column);
    return this;
  }

  TableBuilder column(String name, Column.Kind kind, boolean required, String comment) {
    Column column = Column.of(name, kind, required, comment);
    // A count or an amount is never negative; columns with a stricter floor say so with atLeast or above.
    if (kind == Column.Kind.INTEGER || kind == Column.Kind.DECIMAL) {
      column = column.withMinimum(java.math.BigDecimal.ZERO, false);
    }
    return add(column);
  }

  /** The last column added must hold a number of at least {@code minimum}. */
  TableBuilder atLeast(long minimum) {
    return bound(java.math.BigDecimal.valueOf(minimum), false);
  }

  /** The last column added must hold a number greater than {@code minimum}. */
  TableBuilder above(long minimum) {
    return bound(java.math.BigDecimal.valueOf(minimum), true);
  }

  private TableBuilder bound(java.math.BigDecimal minimum, boolean exclusive) {
    Column last = columns.remove(columns.size() - 1);
    columns.add(last.withMinimum(minimum, exclusive));
    return this;
  }

  TableBuilder ref(String name, String table, boolean required, String comment) {
    return add(Column.reference(name, table, false, required, comment));
  }

  TableBuilder refs(String name, String table, String comment) {
    return add(Column.reference(name, table, true, false, comment));
  }

  TableBuilder choice(String name, boolean required, String comment, String... values) {
    return add(Column.enumOf(name, false, required, comment, List.of(values)));
  }

  TableBuilder choices(String name, String comment, String... values) {
    return add(Column.enumOf(name, true, false, comment, List.of(values)));
  }

  /** Adds {@code base_kk}, {@code base_ru} and {@code base_en}. */
  TableBuilder text(String base, boolean required, String comment) {
    for (String language : LANGUAGES) {
      add(Column.text(base, language, required, comment + " (" + languageName(language) + ")"));
    }
    return this;
  }

  TableBuilder citation(boolean required) {
    return column(
        "citation",
        Column.Kind.PLAIN,
        required,
        "The norm this row comes from: a code of the Norms sheet and the place in the act, e.g. "
            + "\"ORDER_992, Annex 3, item 8, sub-item 2)\"; several norms separated by \";\".");
  }

  TableBuilder validity() {
    column("valid_from", Column.Kind.DATE, false, "First day the row is in force (YYYY-MM-DD); empty = always.");
    return column("valid_to", Column.Kind.DATE, false, "Last day the row is in force (YYYY-MM-DD); empty = no end.");
  }

  TableBuilder key(String... columns) {
    this.key = List.of(columns);
    return this;
  }

  TableBuilder example(String... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      example.put(pairs[i], pairs[i + 1]);
    }
    return this;
  }

  Table build() {
    if (!NO_EDITOR_NOTE.contains(name)) {
      column("editor_note", Column.Kind.PLAIN, false,
          "Note for editors only (source, how sure we are, why a choice was made); never shown to applicants.");
    }
    return new Table(name, description, columns, key, example);
  }

  static String languageName(String language) {
    return switch (language) {
      case "kk" -> "Kazakh";
      case "ru" -> "Russian";
      default -> "English";
    };
  }
}

package kz.talap.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;

/**
 * One sheet of the catalogue workbook: its name, what it holds, its columns, the columns that form a row's key, and an
 * example row for the documentation.
 */
public record Table(
    String name, String description, List<Column> columns, List<String> key, Map<String, String> example) {

  public Table {
    columns = List.copyOf(columns);
    key = List.copyOf(key);
    example = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(example));
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** Whether rows of this table may carry {@code valid_from} / {@code valid_to}. */
  public boolean versioned() {
    return column("valid_from").isPresent();
  }
}

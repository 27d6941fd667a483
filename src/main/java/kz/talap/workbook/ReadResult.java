package kz.talap.workbook;

import java.util.List;
import java.util.stream.Stream;
import kz.talap.source.Diagnostic;

/** What reading one or more workbooks gave: the tables found and the problems met on the way. */
public record ReadResult(List<RawTable> tables, List<Diagnostic> diagnostics) {
  public ReadResult {
    tables = List.copyOf(tables);
    diagnostics = List.copyOf(diagnostics);
  }

  /** All rows of a table across every workbook, in file order. */
  public Stream<RawRow> rows(String table) {
    return tables.stream().filter(t -> t.name().equals(table)).flatMap(t -> t.rows().stream());
  }
}

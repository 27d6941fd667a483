package kz.talap.workbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.talap.schema.Column;
import kz.talap.schema.Table;
import kz.talap.source.CellRef;
import kz.talap.source.Diagnostic;
import kz.talap.source.Nearest;
import kz.talap.source.Phrase;
import kz.talap.source.Quoted;

/**
 * Turns the rows of one catalogue sheet, as they stream past, into a {@link RawTable}: row 1 names the columns, every
 * later row that is not blank becomes a {@link RawRow} with a cell for each known column.
 */
final class SheetRows implements SheetEvents.Rows {
  private final String file;
  private final String name;
  private final Table table;
  private final List<Diagnostic> diagnostics;
  private final Map<String, Integer> header = new LinkedHashMap<>();
  private boolean headerDone;
  private RowCells.Columns columns;
  private final List<RawRow> rows = new ArrayList<>();
  private int lastRow;
  private boolean sorted = true;

  SheetRows(String file, String name, Table table, List<Diagnostic> diagnostics) {
    this.file = file;
    this.name = name;
    this.table = table;
    this.diagnostics = diagnostics;
  }

  @Override
  public void row(int number, List<SheetEvents.Cell> cells) {
    if (number == 1 && !headerDone) {
      header(cells);
      return;
    }
    finishHeader();
    if (number < 2) {
      return;
    }
    Map<Integer, SheetEvents.Cell> byColumn = new HashMap<>();
    for (SheetEvents.Cell cell : cells) {
      byColumn.put(cell.column(), cell);
    }
    String[] values = new String[columns.indexes().length];
    boolean blank = true;
    for (int i = 0; i < values.length; i++) {
      int column = columns.indexes()[i];
      SheetEvents.Cell cell = byColumn.get(column);
      String value = cell == null ? "" : cell.error() == null ? cell.text().strip()
          : text(cell, CellRef.cell(file, name, number, column));
      blank &= value.isEmpty();
      values[i] = value;
    }
    if (!blank) {
      sorted &= number > lastRow;
      lastRow = Math.max(lastRow, number);
      rows.add(new RawRow(name, CellRef.cell(file, name, number, 0), new RowCells(columns, number, values)));
    }
  }

  /** The table read, rows in sheet order. */
  RawTable table() {
    finishHeader();
    if (!sorted) {
      rows.sort(Comparator.comparingInt(r -> r.where().row()));
    }
    return new RawTable(name, file, rows);
  }

  private void header(List<SheetEvents.Cell> cells) {
    Map<CellRef, String> unknown = new LinkedHashMap<>();
    for (SheetEvents.Cell cell : cells) {
      CellRef where = CellRef.cell(file, name, 1, cell.column());
      String title = text(cell, where);
      if (title.isEmpty()) {
        continue;
      }
      if (table.column(title).isEmpty()) {
        unknown.put(where, title);
      } else if (header.containsKey(title)) {
        diagnostics.add(Diagnostic.error("duplicate-column", where,
            Phrase.of("workbook.duplicate-column", "column", Quoted.inner(title))));
      } else {
        header.put(title, cell.column());
      }
    }
    // "did you mean" names only columns the sheet lacks: a column spelt right is not what a stray one meant.
    List<String> missing = table.columns().stream().map(Column::name).filter(c -> !header.containsKey(c)).toList();
    unknown.forEach((where, title) -> {
      String quoted = Quoted.inner(title);
      diagnostics.add(Diagnostic.warning("unknown-column", where, Nearest.suggestion(title, missing)
          .map(near -> Phrase.of("workbook.unknown-column-near", "column", quoted, "table", name, "near", near))
          .orElse(Phrase.of("workbook.unknown-column", "column", quoted, "table", name))));
    });
    finishHeader();
  }

  private void finishHeader() {
    if (headerDone) {
      return;
    }
    headerDone = true;
    List<String> names = List.copyOf(header.keySet());
    int[] indexes = header.values().stream().mapToInt(Integer::intValue).toArray();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      positions.put(names.get(i), i);
    }
    columns = new RowCells.Columns(file, name, names, indexes, Map.copyOf(positions));
    for (Column column : table.columns()) {
      if (column.required() && !header.containsKey(column.name())) {
        diagnostics.add(Diagnostic.error("missing-column", CellRef.cell(file, name, 1, CellRef.NONE),
            Phrase.of("workbook.missing-column", "column", column.name())));
      }
    }
  }

  private String text(SheetEvents.Cell cell, CellRef where) {
    if (cell.error() != null) {
      diagnostics.add(Diagnostic.error("cell-error", where, cell.error()));
      return "";
    }
    return cell.text().strip();
  }
}

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
    for (SheetEvents.Cell cell : cells) {
      CellRef where = CellRef.cell(file, name, 1, cell.column());
      String title = text(cell, where);
      if (title.isEmpty()) {
        continue;
      }
      if (table.column(title).isEmpty()) {
        diagnostics.add(Diagnostic.warning("unknown-column", where,
            "column '" + kz.talap.source.Quoted.inner(title) + "' is not part of table " + name + "; it is ignored"));
      } else if (header.containsKey(title)) {
        diagnostics.add(Diagnostic.error("duplicate-column", where, "column '" + kz.talap.source.Quoted.inner(title) + "' appears twice"));
      } else {
        header.put(title, cell.column());
      }
    }
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
            "required column '" + column.name() + "' is missing"));
      }
    }
  }

  private String text(SheetEvents.Cell cell, CellRef where) {
    if (cell.error() != null) {
      diagnostics.add(Diagnostic.error("cell-error", where, cell.error().startsWith("#")
          ? "the cell holds the spreadsheet error " + cell.error() : cell.error()));
      return "";
    }
    return cell.text().strip();
  }
}

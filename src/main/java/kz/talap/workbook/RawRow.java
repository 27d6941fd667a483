package kz.talap.workbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.talap.source.CellRef;

/** One data row of a sheet: the cells by column name, and the row's own location (column A). */
public record RawRow(String table, CellRef where, Map<String, RawCell> cells) {

  public RawRow {
    cells = cells instanceof RowCells ? cells : Collections.unmodifiableMap(new LinkedHashMap<>(cells));
  }

  /** The cell of a column; a column the sheet lacks reads as empty, located at the row. */
  public RawCell cell(String column) {
    RawCell cell = cells.get(column);
    return cell != null ? cell : new RawCell("", where);
  }

  public String value(String column) {
    return cell(column).value();
  }
}

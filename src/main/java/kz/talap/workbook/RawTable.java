package kz.talap.workbook;

import java.util.List;

/** The data rows of one catalogue sheet in one workbook file. */
public record RawTable(String name, String file, List<RawRow> rows) {
  public RawTable {
    rows = List.copyOf(rows);
  }
}

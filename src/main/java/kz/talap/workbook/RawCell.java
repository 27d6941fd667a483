package kz.talap.workbook;

import kz.talap.source.CellRef;

/** The text of one cell as the editor sees it, and where it is. An empty cell has an empty value. */
public record RawCell(String value, CellRef where) {

  public boolean isBlank() {
    return value.isBlank();
  }
}

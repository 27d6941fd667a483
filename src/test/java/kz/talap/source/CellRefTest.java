package kz.talap.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellRefTest {
  @Test
  void columnName_convertsZeroBasedIndexToLetters() {
    assertEquals("A", CellRef.columnName(0));
    assertEquals("Z", CellRef.columnName(25));
    assertEquals("AA", CellRef.columnName(26));
    assertEquals("AZ", CellRef.columnName(51));
    assertEquals("BA", CellRef.columnName(52));
  }

  @Test
  void toString_printsFileSheetAndCell() {
    assertEquals("residence.xlsx: Requirements!E14", CellRef.cell("residence.xlsx", "Requirements", 14, 4).toString());
    assertEquals("residence.xlsx: Requirements!1", CellRef.cell("residence.xlsx", "Requirements", 1, -1).toString());
    assertEquals("residence.xlsx: Facts", CellRef.sheet("residence.xlsx", "Facts").toString());
    assertEquals("residence.xlsx", CellRef.file("residence.xlsx").toString());
  }

  @Test
  void compareTo_ordersByFileSheetRowColumn() {
    CellRef e2 = CellRef.cell("a.xlsx", "Requirements", 2, 4);
    CellRef a10 = CellRef.cell("a.xlsx", "Requirements", 10, 0);
    assertTrue(e2.compareTo(a10) < 0, "row 2 before row 10, whatever the column");
    assertTrue(CellRef.cell("a.xlsx", "Z", 1, 0).compareTo(CellRef.cell("b.xlsx", "A", 1, 0)) < 0);
  }
}

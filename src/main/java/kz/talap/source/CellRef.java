package kz.talap.source;

import java.util.Comparator;

/**
 * A place in a workbook: a file, and optionally a sheet, row (1-based) and column (0-based), printed
 * {@code file: Sheet!C14}.
 */
public record CellRef(String file, String sheet, int row, int column) implements Comparable<CellRef> {

  /** Marks "no row" or "no column". */
  public static final int NONE = -1;

  private static final Comparator<CellRef> ORDER =
      Comparator.comparing((CellRef c) -> c.file())
          .thenComparing(c -> c.sheet())
          .thenComparingInt(CellRef::row)
          .thenComparingInt(CellRef::column);

  public CellRef {
    file = file == null ? "" : file;
    sheet = sheet == null ? "" : sheet;
  }

  public static CellRef file(String file) {
    return new CellRef(file, "", NONE, NONE);
  }

  public static CellRef sheet(String file, String sheet) {
    return new CellRef(file, sheet, NONE, NONE);
  }

  public static CellRef cell(String file, String sheet, int row, int column) {
    return new CellRef(file, sheet, row, column);
  }

  /** The spreadsheet address of the cell, such as {@code C14}, or the row number alone. */
  public String address() {
    if (row == NONE) {
      return "";
    }
    return column == NONE ? Integer.toString(row) : columnName(column) + row;
  }

  /** Converts a 0-based column index to letters: 0 is A, 26 is AA. */
  public static String columnName(int column) {
    StringBuilder name = new StringBuilder();
    int n = column;
    do {
      name.insert(0, (char) ('A' + n % 26));
      n = n / 26 - 1;
    } while (n >= 0);
    return name.toString();
  }

  @Override
  public int compareTo(CellRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    if (sheet.isEmpty()) {
      return file;
    }
    String address = address();
    return file + ": " + sheet + (address.isEmpty() ? "" : "!" + address);
  }
}

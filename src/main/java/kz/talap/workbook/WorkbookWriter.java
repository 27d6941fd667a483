package kz.talap.workbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import kz.talap.schema.Column;
import kz.talap.schema.Schema;
import kz.talap.schema.Table;
import kz.talap.source.AtomicFile;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes catalogue workbooks in the editor-friendly layout: one sheet per table, a frozen header row with a comment on
 * every header cell, and the validations of {@link WorkbookGuard}.
 */
public final class WorkbookWriter {
  private WorkbookWriter() {}

  /**
   * Writes every table of the schema, with the given rows (column name to text), to {@code target}, atomically.
   */
  public static void write(Path target, Map<String, List<Map<String, String>>> rows) throws IOException {
    AtomicFile.write(target, out -> {
      try (XSSFWorkbook workbook = new XSSFWorkbook()) {
        Styles styles = new Styles(workbook);
        for (Table table : Schema.tables()) {
          writeSheet(workbook, styles, table, rows.getOrDefault(table.name(), List.of()));
        }
        WorkbookGuard.guard(workbook, Map.of());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        workbook.write(bytes);
        out.write(StableZip.of(bytes.toByteArray()));
      }
    });
  }

  private static void writeSheet(
      XSSFWorkbook workbook, Styles styles, Table table, List<Map<String, String>> rows) {
    XSSFSheet sheet = workbook.createSheet(table.name());
    Row header = sheet.createRow(0);
    List<Column> columns = table.columns();
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      Cell cell = header.createCell(c);
      cell.setCellValue(column.name());
      cell.setCellStyle(styles.header);
      sheet.setColumnWidth(c, width(column) * 256);
    }
    sheet.createFreezePane(0, 1);
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r + 1);
      Map<String, String> values = rows.get(r);
      for (int c = 0; c < columns.size(); c++) {
        String value = values.getOrDefault(columns.get(c).name(), "");
        if (!value.isEmpty()) {
          setValue(row.createCell(c), columns.get(c), value, styles);
        }
      }
    }
  }

  private static int width(Column column) {
    return switch (column.kind()) {
      case TEXT, PLAIN -> 40;
      case CONDITION -> 34;
      case REFERENCE_LIST, ENUM_LIST, LIST, CODE, REFERENCE -> 24;
      default -> 14;
    };
  }

  private static void setValue(Cell cell, Column column, String value, Styles styles) {
    switch (column.kind()) {
      case BOOLEAN -> {
        if (value.equalsIgnoreCase("TRUE") || value.equalsIgnoreCase("FALSE")) {
          cell.setCellValue(Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT)));
          return;
        }
      }
      case INTEGER, DECIMAL -> {
        try {
          double number = new BigDecimal(value).doubleValue();
          // A number beyond a double (1E+999999999) stays text: POI would write it as the error #DIV/0!.
          if (Double.isFinite(number)) {
            cell.setCellValue(number);
            return;
          }
        } catch (NumberFormatException e) {
          // Not a number: keep the text so the compiler reports it at this cell.
        }
      }
      case DATE -> {
        try {
          cell.setCellValue(LocalDate.parse(value));
          cell.setCellStyle(styles.date);
          return;
        } catch (DateTimeParseException e) {
          // Not a date: keep the text so the compiler reports it at this cell.
        }
      }
      default -> { }
    }
    cell.setCellValue(value);
    if (column.kind() == Column.Kind.TEXT || column.kind() == Column.Kind.PLAIN) {
      cell.setCellStyle(styles.wrapped);
    }
  }

  private static final class Styles {
    final CellStyle header;
    final CellStyle date;
    final CellStyle wrapped;

    Styles(XSSFWorkbook workbook) {
      header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      date = workbook.createCellStyle();
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      wrapped = workbook.createCellStyle();
      wrapped.setWrapText(true);
    }
  }
}

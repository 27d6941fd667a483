package kz.talap.workbook;

import java.util.List;
import java.util.Map;
import kz.talap.source.Diagnostic;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The {@value WorkbookAnnotator#SHEET} sheet of an annotated copy: one row per diagnostic, linked to its cell. Hidden
 * columns keep the sheet, cell and original style of each marked cell, so that annotating the copy again (after fixing
 * some cells in it) first removes the earlier marks.
 */
final class DiagnosticSheet {
  static final List<String> HEADER = List.of("severity", "cell", "message", "sheet", "address", "style");
  private static final int SHEET_COLUMN = 3;
  private static final int ADDRESS_COLUMN = 4;
  private static final int STYLE_COLUMN = 5;

  private DiagnosticSheet() {}

  /**
   * Adds the sheet as the first one and opens the workbook on it.
   *
   * @param originalStyles the style each marked cell had, by {@code Sheet!A1}
   */
  static void add(XSSFWorkbook workbook, List<Diagnostic> diagnostics, Map<String, Short> originalStyles) {
    XSSFSheet sheet = workbook.createSheet(WorkbookAnnotator.SHEET);
    CellStyle bold = workbook.createCellStyle();
    Font font = workbook.createFont();
    font.setBold(true);
    bold.setFont(font);
    CellStyle wrapped = workbook.createCellStyle();
    wrapped.setWrapText(true);
    wrapped.setVerticalAlignment(VerticalAlignment.TOP);
    CellStyle link = workbook.createCellStyle();
    Font blue = workbook.createFont();
    blue.setUnderline(Font.U_SINGLE);
    blue.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
    link.setFont(blue);
    link.setVerticalAlignment(VerticalAlignment.TOP);
    Row header = sheet.createRow(0);
    for (int c = 0; c < HEADER.size(); c++) {
      Cell cell = header.createCell(c);
      cell.setCellValue(HEADER.get(c));
      cell.setCellStyle(bold);
    }
    for (int i = 0; i < diagnostics.size(); i++) {
      Diagnostic diagnostic = diagnostics.get(i);
      Row row = sheet.createRow(i + 1);
      Cell severity = row.createCell(0);
      severity.setCellValue(diagnostic.isError() ? "error" : "warning");
      severity.setCellStyle(wrapped);
      Cell where = row.createCell(1);
      where.setCellValue(place(diagnostic));
      if (workbook.getSheet(diagnostic.where().sheet()) != null) {
        Hyperlink hyperlink = workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        CellAddress target = WorkbookAnnotator.address(diagnostic.where());
        hyperlink.setAddress("'" + diagnostic.where().sheet().replace("'", "''") + "'!" + target.formatAsString());
        where.setHyperlink(hyperlink);
        where.setCellStyle(link);
      } else {
        where.setCellStyle(wrapped);
      }
      Cell message = row.createCell(2);
      message.setCellValue(diagnostic.message());
      message.setCellStyle(wrapped);
      String address = WorkbookAnnotator.address(diagnostic.where()).formatAsString();
      Short style = originalStyles.get(diagnostic.where().sheet() + "!" + address);
      if (style != null) {
        row.createCell(SHEET_COLUMN).setCellValue(diagnostic.where().sheet());
        row.createCell(ADDRESS_COLUMN).setCellValue(address);
        row.createCell(STYLE_COLUMN).setCellValue(style);
      }
    }
    for (int c = SHEET_COLUMN; c <= STYLE_COLUMN; c++) {
      sheet.setColumnHidden(c, true);
    }
    sheet.setColumnWidth(0, 10 * 256);
    sheet.setColumnWidth(1, 24 * 256);
    sheet.setColumnWidth(2, 100 * 256);
    sheet.createFreezePane(0, 1);
    workbook.setSheetOrder(WorkbookAnnotator.SHEET, 0);
    for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
      workbook.getSheetAt(s).setSelected(s == 0);
    }
    workbook.setActiveSheet(0);
    workbook.setFirstVisibleTab(0);
  }

  /** The cell as the editor reads it: {@code Requirements!E2}, the sheet alone, or the file for file-level ones. */
  static String place(Diagnostic diagnostic) {
    String sheet = diagnostic.where().sheet();
    String address = diagnostic.where().address();
    if (sheet.isEmpty()) {
      return diagnostic.where().file();
    }
    return address.isEmpty() ? sheet : sheet + "!" + address;
  }

  /**
   * Removes the marks of an earlier run (fills and diagnostic lines of comments on the cells it lists) and the sheet
   * itself; a workbook without the sheet is left as it is.
   */
  static void removeFrom(XSSFWorkbook workbook) {
    XSSFSheet old = workbook.getSheet(WorkbookAnnotator.SHEET);
    if (old == null) {
      return;
    }
    for (Row row : old) {
      Cell sheetName = row.getCell(SHEET_COLUMN);
      Cell address = row.getCell(ADDRESS_COLUMN);
      Cell style = row.getCell(STYLE_COLUMN);
      if (row.getRowNum() == 0 || sheetName == null || address == null || style == null
          || style.getCellType() != CellType.NUMERIC) {
        continue;
      }
      XSSFSheet sheet = workbook.getSheet(sheetName.getStringCellValue());
      if (sheet != null) {
        unmark(sheet, new CellAddress(address.getStringCellValue()), (int) style.getNumericCellValue());
      }
    }
    workbook.removeSheetAt(workbook.getSheetIndex(old));
  }

  private static void unmark(XSSFSheet sheet, CellAddress address, int style) {
    Row row = sheet.getRow(address.getRow());
    Cell cell = row == null ? null : row.getCell(address.getColumn());
    if (cell == null) {
      return;
    }
    if (style >= 0 && style < sheet.getWorkbook().getNumCellStyles()) {
      cell.setCellStyle(sheet.getWorkbook().getCellStyleAt(style));
    }
    Comment comment = cell.getCellComment();
    if (comment == null) {
      return;
    }
    String text = comment.getString().getString();
    if (!text.startsWith("error: ") && !text.startsWith("warning: ")) {
      return;
    }
    int end = text.indexOf("\n\n");
    if (end < 0) {
      cell.removeCellComment();
    } else {
      comment.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(text.substring(end + 2)));
    }
  }
}

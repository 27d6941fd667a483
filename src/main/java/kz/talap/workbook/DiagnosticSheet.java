package kz.talap.workbook;

import java.util.List;
import kz.talap.source.Diagnostic;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The {@value WorkbookAnnotator#SHEET} sheet of an annotated copy: one row per diagnostic, linked to its cell. */
final class DiagnosticSheet {
  static final List<String> HEADER = List.of("severity", "cell", "message");

  private DiagnosticSheet() {}

  /** Adds the sheet as the first one and opens the workbook on it. */
  static void add(XSSFWorkbook workbook, List<Diagnostic> diagnostics) {
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
}

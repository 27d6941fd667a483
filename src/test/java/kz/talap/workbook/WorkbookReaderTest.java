package kz.talap.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import kz.talap.source.Diagnostic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookReaderTest {
  @TempDir Path dir;

  @Test
  void read_typedCells_giveTheTextTheEditorSees() throws IOException {
    Path file = dir.resolve("p.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle time = workbook.createCellStyle();
      time.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("hh:mm"));
      Sheet sheet = workbook.createSheet("Parameters");
      Row header = sheet.createRow(0);
      String[] columns = {"code", "amount", "unit", "citation", "valid_from", "valid_to"};
      for (int c = 0; c < columns.length; c++) {
        header.createCell(c).setCellValue(columns[c]);
      }
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue("  MCI \r\n");
      row.createCell(1).setCellValue(4325.0);
      row.createCell(2).setCellValue(true);
      row.createCell(3).setCellFormula("1/0");
      row.getCell(3).setCellErrorValue(FormulaError.DIV0.getCode());
      Cell from = row.createCell(4);
      from.setCellValue(LocalDate.of(2026, 1, 1));
      from.setCellStyle(date);
      Cell to = row.createCell(5);
      to.setCellValue(LocalDateTime.of(1899, 12, 31, 17, 30));
      to.setCellStyle(time);
      Row second = sheet.createRow(6);
      second.createCell(0).setCellValue("X");
      second.createCell(1).setCellValue(0.1);
      second.createCell(5).setCellValue(LocalDateTime.of(2026, 3, 8, 9, 15));
      second.getCell(5).setCellStyle(date);
      sheet.createRow(7).createCell(9).setCellValue("outside every column");
      workbook.write(out);
    }

    ReadResult result = WorkbookReader.read(List.of(file));

    List<RawRow> rows = result.rows("Parameters").toList();
    assertEquals(2, rows.size());
    assertEquals(List.of("MCI", "4325", "TRUE", "", "2026-01-01", "17:30"),
        rows.get(0).cells().values().stream().map(RawCell::value).toList());
    assertEquals(List.of("X", "0.1", "", "", "", "2026-03-08T09:15"),
        rows.get(1).cells().values().stream().map(RawCell::value).toList());
    assertEquals("p.xlsx: Parameters!B7", rows.get(1).cell("amount").where().toString());
    assertEquals("p.xlsx: Parameters!A7", rows.get(1).where().toString());
    assertEquals(List.of("p.xlsx: Parameters!D2: error: the cell holds the spreadsheet error #DIV/0!"),
        result.diagnostics().stream().map(Diagnostic::toString).toList());
  }
}

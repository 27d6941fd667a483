package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotateCommandTest {
  private static final String AS_OF = "2026-11-21";
  private static final String RED = "FFFFC7CE";
  private static final String YELLOW = "FFFFEB9C";

  @TempDir Path dir;

  /** Two errors on one cell, one on another, and a missing translation as a warning. */
  private Path broken() throws IOException {
    return TestCatalogue.valid()
        .set("Requirements", 0, "document", "PASSPRT")
        .set("Requirements", 0, "applicant_sets", "KIDS,ADULTS")
        .set("Documents", 0, "name_ru", "")
        .write(dir.resolve("t.xlsx"));
  }

  private CliRun annotate(Path input, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("annotate", "--catalogue", input.toString(), "--as-of", AS_OF,
        "--out", out.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static XSSFWorkbook open(Path file) throws IOException {
    return new XSSFWorkbook(Files.newInputStream(file));
  }

  private static String comment(Sheet sheet, String cell) {
    Comment comment = sheet.getCellComment(new CellAddress(cell));
    return comment == null ? null : comment.getString().getString();
  }

  private static Cell cell(Sheet sheet, String address) {
    CellAddress at = new CellAddress(address);
    return sheet.getRow(at.getRow()).getCell(at.getColumn());
  }

  private static String fill(Sheet sheet, String address) {
    XSSFCellStyle style = (XSSFCellStyle) cell(sheet, address).getCellStyle();
    if (style.getFillPattern() != FillPatternType.SOLID_FOREGROUND) {
      return "none";
    }
    return style.getFillForegroundXSSFColor().getARGBHex();
  }

  /** Every commented cell below the header rows, as {@code Sheet!A1}. */
  private static TreeSet<String> commentedCells(XSSFWorkbook workbook) {
    TreeSet<String> cells = new TreeSet<>();
    for (Sheet sheet : workbook) {
      ((XSSFSheet) sheet).getCellComments().keySet().stream()
          .filter(a -> a.getRow() > 0)
          .forEach(a -> cells.add(sheet.getSheetName() + "!" + a.formatAsString()));
    }
    return cells;
  }

  private static List<String> listing(XSSFWorkbook workbook) {
    List<String> lines = new ArrayList<>();
    for (Row row : workbook.getSheet("_talap")) {
      lines.add(row.getCell(0).getStringCellValue() + " | " + row.getCell(1).getStringCellValue() + " | "
          + row.getCell(2).getStringCellValue());
    }
    return lines;
  }

  @Test
  void annotate_errors_fillAndCommentExactlyTheirCells() throws IOException {
    Path input = broken();
    byte[] before = Files.readAllBytes(input);
    Path copy = dir.resolve("out/t.xlsx");
    CliRun run = annotate(input, dir.resolve("out"), "--allow-missing-translations");
    assertEquals(1, run.exit(), run.err());
    assertEquals("Annotated 1 workbook: 3 errors, 1 warning\n  " + copy + ": 3 errors, 1 warning\n", run.out());
    assertTrue(run.err().startsWith("t.xlsx: Documents!C2: warning: missing Russian translation: name_ru is empty\n"),
        run.err());
    assertArrayEquals(before, Files.readAllBytes(input), "the original is never written");
    try (XSSFWorkbook workbook = open(copy)) {
      Sheet requirements = workbook.getSheet("Requirements");
      Sheet documents = workbook.getSheet("Documents");
      assertEquals("error: unknown document code 'PASSPRT' — did you mean 'PASSPORT'?", comment(requirements, "E2"));
      assertEquals("error: unknown category code 'ADULTS'\nerror: unknown category code 'KIDS'",
          comment(requirements, "G2"));
      assertEquals("warning: missing Russian translation: name_ru is empty", comment(documents, "C2"));
      assertEquals("talap", requirements.getCellComment(new CellAddress("E2")).getAuthor());
      assertEquals(RED, fill(requirements, "E2"));
      assertEquals(RED, fill(requirements, "G2"));
      assertEquals(YELLOW, fill(documents, "C2"));
      assertEquals("none", fill(requirements, "D2"));
      assertEquals(new TreeSet<>(List.of("Documents!C2", "Requirements!E2", "Requirements!G2")),
          commentedCells(workbook));
      assertEquals("PASSPRT", cell(requirements, "E2").getStringCellValue(), "values are not changed");
      assertEquals("The document required.\nType: reference → Documents.\nRequired.\nExample: PRP_CRIMINAL_RECORD",
          comment(requirements, "E1"),
          "header comments stay");
    }
  }

  @Test
  void annotate_listsEveryDiagnosticOnTheFirstSheetWithLinks() throws IOException {
    annotate(broken(), dir.resolve("out"), "--allow-missing-translations");
    try (XSSFWorkbook workbook = open(dir.resolve("out/t.xlsx"))) {
      assertEquals("_talap", workbook.getSheetName(0));
      assertEquals(0, workbook.getActiveSheetIndex());
      assertEquals(List.of(
          "severity | cell | message",
          "warning | Documents!C2 | missing Russian translation: name_ru is empty",
          "error | Requirements!E2 | unknown document code 'PASSPRT' — did you mean 'PASSPORT'?",
          "error | Requirements!G2 | unknown category code 'ADULTS'",
          "error | Requirements!G2 | unknown category code 'KIDS'"), listing(workbook));
      assertEquals("'Requirements'!E2",
          workbook.getSheet("_talap").getRow(2).getCell(1).getHyperlink().getAddress());
    }
  }

  @Test
  void annotate_copyCompilesToTheSameDiagnostics() throws IOException {
    Path input = broken();
    annotate(input, dir.resolve("out"), "--allow-missing-translations");
    CliRun original = CliRun.of("compile", "--catalogue", input.toString(), "--as-of", AS_OF,
        "--allow-missing-translations", "--out", dir.resolve("a.json").toString());
    CliRun copy = CliRun.of("compile", "--catalogue", dir.resolve("out/t.xlsx").toString(), "--as-of", AS_OF,
        "--allow-missing-translations", "--out", dir.resolve("b.json").toString());
    assertEquals(1, copy.exit());
    assertEquals(original.err(), copy.err());
  }

  @Test
  void annotate_diagnosticOnAWholeSheet_goesToItsFirstCell() throws IOException {
    Path input = TestCatalogue.valid().write(dir.resolve("t.xlsx"));
    try (XSSFWorkbook workbook = open(input)) {
      workbook.createSheet("Notes").createRow(3).createCell(2).setCellValue("call the ministry");
      try (OutputStream out = Files.newOutputStream(input)) {
        workbook.write(out);
      }
    }
    CliRun run = annotate(input, dir.resolve("out"));
    assertEquals(0, run.exit(), "warnings only");
    assertEquals("Annotated 1 workbook: 0 errors, 1 warning\n  " + dir.resolve("out/t.xlsx")
        + ": 0 errors, 1 warning\n", run.out());
    try (XSSFWorkbook workbook = open(dir.resolve("out/t.xlsx"))) {
      Sheet notes = workbook.getSheet("Notes");
      assertEquals("warning: sheet 'Notes' is not a catalogue table; it is ignored", comment(notes, "A1"));
      assertEquals(YELLOW, fill(notes, "A1"));
      assertEquals(List.of("severity | cell | message",
          "warning | Notes | sheet 'Notes' is not a catalogue table; it is ignored"), listing(workbook));
    }
  }

  @Test
  void annotate_anAnnotatedCopyAgain_replacesTheEarlierMarks() throws IOException {
    annotate(broken(), dir.resolve("out"), "--allow-missing-translations");
    Path copy = dir.resolve("out/t.xlsx");
    try (XSSFWorkbook workbook = open(copy)) {
      // The editor fixes the document code in the copy and saves it.
      cell(workbook.getSheet("Requirements"), "E2").setCellValue("PASSPORT");
      try (OutputStream out = Files.newOutputStream(copy)) {
        workbook.write(out);
      }
    }
    CliRun run = annotate(copy, dir.resolve("again"), "--allow-missing-translations");
    assertEquals(1, run.exit(), run.err());
    try (XSSFWorkbook workbook = open(dir.resolve("again/t.xlsx"))) {
      Sheet requirements = workbook.getSheet("Requirements");
      assertNull(comment(requirements, "E2"));
      assertEquals("none", fill(requirements, "E2"));
      assertEquals("error: unknown category code 'ADULTS'\nerror: unknown category code 'KIDS'",
          comment(requirements, "G2"));
      assertEquals(new TreeSet<>(List.of("Documents!C2", "Requirements!G2")), commentedCells(workbook));
      assertEquals(kz.talap.schema.Schema.tables().size() + 2, workbook.getNumberOfSheets(),
          "one _talap sheet beside the tables and the _lists of the guard");
      assertEquals(4, listing(workbook).size());
    }
  }

  @Test
  void annotate_headerCellWithAComment_keepsTheColumnExplanationBelow() throws IOException {
    Path input = TestCatalogue.valid().write(dir.resolve("t.xlsx"));
    try (XSSFWorkbook workbook = open(input)) {
      cell(workbook.getSheet("Documents"), "G1").setCellValue("origin");
      try (OutputStream out = Files.newOutputStream(input)) {
        workbook.write(out);
      }
    }
    CliRun run = annotate(input, dir.resolve("out"));
    assertEquals(1, run.exit(), run.err());
    try (XSSFWorkbook workbook = open(dir.resolve("out/t.xlsx"))) {
      assertEquals("error: column 'origin' appears twice\n\nShort note shown under the name (Kazakh).\n"
          + "Type: text.\nOptional.\nExample: Қазақ тіліндегі мәтін",
          comment(workbook.getSheet("Documents"), "G1"));
    }
  }

  @Test
  void annotate_editorsComment_staysBelowWithItsAuthorAndComesBackAfterTheFix() throws IOException {
    Path input = TestCatalogue.valid().set("Requirements", 0, "document", "PASSPRT").write(dir.resolve("t.xlsx"));
    try (XSSFWorkbook workbook = open(input)) {
      XSSFSheet requirements = workbook.getSheet("Requirements");
      var anchor = workbook.getCreationHelper().createClientAnchor();
      anchor.setCol1(5);
      anchor.setRow1(1);
      Comment note = requirements.createDrawingPatriarch().createCellComment(anchor);
      note.setString(workbook.getCreationHelper().createRichTextString("Ask the ministry about item 8"));
      note.setAuthor("Aigerim");
      cell(requirements, "E2").setCellComment(note);
      try (OutputStream out = Files.newOutputStream(input)) {
        workbook.write(out);
      }
    }
    annotate(input, dir.resolve("out"));
    Path copy = dir.resolve("out/t.xlsx");
    try (XSSFWorkbook workbook = open(copy)) {
      Sheet requirements = workbook.getSheet("Requirements");
      assertEquals("error: unknown document code 'PASSPRT' — did you mean 'PASSPORT'?\n\nAsk the ministry about item 8",
          comment(requirements, "E2"));
      assertEquals("Aigerim", requirements.getCellComment(new CellAddress("E2")).getAuthor());
      cell(requirements, "E2").setCellValue("PASSPORT");
      cell(requirements, "D2").setCellValue("first");
      try (OutputStream out = Files.newOutputStream(copy)) {
        workbook.write(out);
      }
    }
    CliRun again = annotate(copy, dir.resolve("again"));
    assertEquals(1, again.exit(), again.err());
    try (XSSFWorkbook workbook = open(dir.resolve("again/t.xlsx"))) {
      Sheet requirements = workbook.getSheet("Requirements");
      assertEquals("Ask the ministry about item 8", comment(requirements, "E2"));
      assertEquals("none", fill(requirements, "E2"));
      assertEquals("error: bad whole number 'first' in order", comment(requirements, "D2"));
    }
  }

  @Test
  void annotate_outIsTheInput_refusesAndLeavesItAlone() throws IOException {
    Path input = broken();
    byte[] before = Files.readAllBytes(input);
    CliRun file = annotate(input, input);
    assertEquals(2, file.exit());
    assertEquals("talap annotate: refusing to write " + input + ": it is an input of this command (" + input
        + ")\n", file.err());
    CliRun folder = annotate(input, dir);
    assertEquals(2, folder.exit());
    assertEquals("talap annotate: refusing to write " + dir + ": the folder holds an input of this command ("
        + input + ")\n", folder.err());
    assertArrayEquals(before, Files.readAllBytes(input));
  }

  @Test
  void annotate_toAFile_whenOneWorkbookHasDiagnostics() throws IOException {
    Path target = dir.resolve("fix-me.xlsx");
    CliRun run = annotate(broken(), target);
    assertEquals(1, run.exit(), run.err());
    assertEquals("Annotated 1 workbook: 4 errors, 0 warnings\n  " + target + ": 4 errors, 0 warnings\n", run.out());
    assertTrue(Files.exists(target));
  }

  @Test
  void annotate_toAFile_whenTwoWorkbooksHaveDiagnostics_isAUsageError() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("catalogue"));
    TestCatalogue.valid().set("Requirements", 0, "document", "PASSPRT").write(folder.resolve("a.xlsx"));
    TestCatalogue.valid().set("Documents", 0, "origin", "MARS").write(folder.resolve("b.xlsx"));
    CliRun run = annotate(folder, dir.resolve("fix-me.xlsx"));
    assertEquals(2, run.exit());
    assertTrue(run.err().endsWith("talap annotate: 2 workbooks have diagnostics; give a folder with --out\n"),
        run.err());
    assertFalse(Files.exists(dir.resolve("fix-me.xlsx")));
  }

  @Test
  void annotate_cleanCatalogue_writesNothingAndRemovesAnOldCopy() throws IOException {
    annotate(broken(), dir.resolve("out"));
    assertTrue(Files.exists(dir.resolve("out/t.xlsx")));
    Path fixed = TestCatalogue.valid().write(dir.resolve("t.xlsx"));
    CliRun run = annotate(fixed, dir.resolve("out"));
    assertEquals(0, run.exit(), run.err());
    assertEquals("Removed " + dir.resolve("out/t.xlsx") + " (no diagnostics now)\nNo diagnostics: nothing to annotate\n",
        run.out());
    assertFalse(Files.exists(dir.resolve("out/t.xlsx")));
  }

  @Test
  void annotate_cleanCatalogue_removesAnOldCopyGivenAsAFile() throws IOException {
    Path target = dir.resolve("fix-me.xlsx");
    annotate(broken(), target);
    Path notACopy = Files.writeString(dir.resolve("mine.xlsx"), "my own file");
    Path fixed = TestCatalogue.valid().write(dir.resolve("t.xlsx"));
    assertEquals("Removed " + target + " (no diagnostics now)\nNo diagnostics: nothing to annotate\n",
        annotate(fixed, target).out());
    assertFalse(Files.exists(target));
    assertEquals("No diagnostics: nothing to annotate\n", annotate(fixed, notACopy).out());
    assertEquals("my own file", Files.readString(notACopy), "only talap's own copies are removed");
  }

  @Test
  void annotate_missingInput_isAnInputError() {
    CliRun run = annotate(dir.resolve("nope.xlsx"), dir.resolve("out"));
    assertEquals(2, run.exit());
    assertEquals(dir.resolve("nope.xlsx") + ": error: no such file\n", run.err());
  }
}

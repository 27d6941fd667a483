package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.talap.workbook.WorkbookReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue folder is the unit: a workbook named alone compiles with the workbooks of its folder that declare the
 * names it uses, and says so in one line; when they are declared nowhere within reach, one line says which workbook
 * declares them and how to include it.
 */
class CompanionsTest {
  private static final String RESIDENCE_USES =
      "norms, channels, facts, country groups, MCI, working calendar and labels residence.xlsx uses";

  @TempDir Path dir;

  @Test
  void compile_oneWorkbook_compilesItWithTheWorkbookThatDeclaresWhatItUses() {
    CliRun run = CliRun.of("compile", "--catalogue", "catalogue/residence.xlsx", "--as-of", "2026-11-21", "--out",
        dir.resolve("c.json").toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("Compiling catalogue/residence.xlsx with catalogue/reference.xlsx (it declares the "
        + RESIDENCE_USES + ")\n", run.err());
    assertTrue(run.out().startsWith("Catalogue 2026.1 as of 2026-11-21: 2 services, 8 sub-types, 32 documents, "
        + "32 requirements, 0 warnings\n"), run.out());
  }

  @Test
  void compile_scenarioWorkbook_takesEveryWorkbookItsScenariosNeed() {
    CliRun run = CliRun.of("compile", "--catalogue", "catalogue/tests.xlsx", "--as-of", "2026-11-21", "--out",
        dir.resolve("c.json").toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("Compiling catalogue/tests.xlsx with catalogue/pilots-and-cards.xlsx, catalogue/reference.xlsx and "
        + "catalogue/residence.xlsx (they declare the catalogue version, norms, channels, services, sub-types, "
        + "stages, documents, facts and labels tests.xlsx uses)\n", run.err());
  }

  @Test
  void compile_theFolder_saysNothingMore() {
    CliRun run = CliRun.of("compile", "--catalogue", "catalogue/", "--as-of", "2026-11-21", "--out",
        dir.resolve("c.json").toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
  }

  @Test
  void compile_workbookAloneInItsFolder_saysWhichWorkbookDeclaresTheNamesAndHowToIncludeIt() throws IOException {
    Path lone = Files.createDirectories(dir.resolve("downloads"));
    Files.copy(Path.of("catalogue/residence.xlsx"), lone.resolve("residence.xlsx"));
    Path workbook = lone.resolve("residence.xlsx");
    CliRun run = CliRun.of("compile", "--catalogue", workbook.toString(), "--out", dir.resolve("c.json").toString());
    assertEquals(1, run.exit());
    assertEquals("talap compile: " + workbook + " uses norms, channels and facts that no workbook in " + lone
        + " declares; catalogue/reference.xlsx declares them: include it with --catalogue " + workbook
        + " catalogue/reference.xlsx, or compile its whole folder with --catalogue catalogue/\n", run.err());
    assertEquals("", run.out());
    assertTrue(Files.notExists(dir.resolve("c.json")));

    CliRun advised = CliRun.of("compile", "--catalogue", workbook.toString(), "catalogue/reference.xlsx",
        "--as-of", "2026-11-21", "--out", dir.resolve("c.json").toString());
    assertEquals(0, advised.exit(), advised.err());
    assertEquals("", advised.err());
  }

  @Test
  void check_oneWorkbook_saysWhichWorkbooksItCompilesWith() {
    CliRun run = CliRun.of("check", "catalogue/examples/prp-complete.json", "--no-cache", "--catalogue",
        "catalogue/residence.xlsx");
    assertEquals(0, run.exit(), run.err());
    assertEquals("Compiling catalogue/residence.xlsx with catalogue/reference.xlsx (it declares the "
        + RESIDENCE_USES + ")\n", run.err());
  }

  @Test
  void diff_oneCellEditedInAWorkbook_printsExactlyThatChange() throws IOException {
    Path edited = Files.createDirectories(dir.resolve("edited"));
    for (Path file : WorkbookReader.files(List.of(ShippedCatalogue.FOLDER))) {
      Files.copy(file, edited.resolve(file.getFileName()));
    }
    setFee(edited.resolve("residence.xlsx"), "PRP_STATE_DUTY", 5);
    CliRun run = CliRun.of("diff", "catalogue/residence.xlsx", edited.resolve("residence.xlsx").toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("Compiling catalogue/residence.xlsx with catalogue/reference.xlsx (it declares the "
        + RESIDENCE_USES + ")\n"
        + "Compiling " + edited.resolve("residence.xlsx") + " with " + edited.resolve("reference.xlsx")
        + " (it declares the " + RESIDENCE_USES + ")\n", run.err());
    assertEquals("Changes from catalogue/residence.xlsx (version 2026.1) to " + edited.resolve("residence.xlsx")
        + " (version 2026.1)\n\n"
        + "PRP\n"
        + "  Fees PRP_STATE_DUTY: changed\n"
        + "    amount changed: «4» → «5»\n\n"
        + "1 change: 0 added, 0 removed, 1 changed\n", run.out());
  }

  @Test
  void diff_editedWorkbookSavedAlone_sharesTheCompanionsOfTheOtherSide() throws IOException {
    Path alone = Files.createDirectories(dir.resolve("downloads"));
    Files.copy(Path.of("catalogue/residence.xlsx"), alone.resolve("residence.xlsx"));
    setFee(alone.resolve("residence.xlsx"), "PRP_STATE_DUTY", 5);
    CliRun run = CliRun.of("diff", "catalogue/residence.xlsx", alone.resolve("residence.xlsx").toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("Compiling catalogue/residence.xlsx with catalogue/reference.xlsx (it declares the "
        + RESIDENCE_USES + ")\n"
        + "Compiling " + alone.resolve("residence.xlsx") + " with catalogue/reference.xlsx (it declares the "
        + RESIDENCE_USES + "), shared from the folder of catalogue/residence.xlsx as " + alone + " has none\n",
        run.err());
    assertTrue(run.out().endsWith("  Fees PRP_STATE_DUTY: changed\n    amount changed: «4» → «5»\n\n"
        + "1 change: 0 added, 0 removed, 1 changed\n"), run.out());
  }

  /** Sets the amount of a fee in a workbook, as an editor would in Excel: one cell. */
  private static void setFee(Path file, String code, double amount) throws IOException {
    XSSFWorkbook workbook;
    try (InputStream in = Files.newInputStream(file)) {
      workbook = new XSSFWorkbook(in);
    }
    try (workbook) {
      XSSFSheet fees = workbook.getSheet("Fees");
      int column = -1;
      for (Cell cell : fees.getRow(0)) {
        if (cell.getStringCellValue().equals("amount")) {
          column = cell.getColumnIndex();
        }
      }
      int changed = 0;
      for (Row row : fees) {
        if (row.getCell(0) != null && row.getCell(0).toString().equals(code)) {
          row.getCell(column).setCellValue(amount);
          changed++;
        }
      }
      assertEquals(1, changed, code);
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
  }
}

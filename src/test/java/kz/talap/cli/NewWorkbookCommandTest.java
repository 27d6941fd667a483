package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.talap.schema.Schema;
import kz.talap.schema.Table;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewWorkbookCommandTest {
  @TempDir Path dir;

  @Test
  void newWorkbook_hasEveryTableWithCommentsFrozenHeaderAndDropDowns() throws Exception {
    Path file = dir.resolve("ministry.xlsx");
    CliRun run = CliRun.of("new-workbook", file.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("Wrote " + file + "\n", run.out());
    try (Workbook workbook = WorkbookFactory.create(file.toFile())) {
      List<String> names = new ArrayList<>();
      workbook.forEach(s -> names.add(s.getSheetName()));
      List<String> expected = new ArrayList<>(Schema.tables().stream().map(Table::name).toList());
      expected.add("_lists");
      assertEquals(expected, names);
      assertTrue(workbook.isSheetHidden(workbook.getSheetIndex("_lists")), "the lists of the drop-downs are hidden");
      Sheet requirements = workbook.getSheet("Requirements");
      assertEquals("document", requirements.getRow(0).getCell(4).getStringCellValue());
      assertEquals("The document required.\nType: reference → Documents.\nRequired.\nExample: PRP_CRIMINAL_RECORD",
          requirements.getCellComment(new CellAddress("E1")).getString().getString());
      assertNotNull(requirements.getPaneInformation());
      assertEquals(1, requirements.getPaneInformation().getHorizontalSplitPosition());
      assertTrue(requirements.getDataValidations().size() >= 4, "drop-downs for references and enums");
    }
  }

  @Test
  void newWorkbook_withFacts_compilesOnceItHasAVersion() throws Exception {
    Path file = dir.resolve("ministry.xlsx");
    assertEquals(0, CliRun.of("new-workbook", file.toString()).exit());
    CliRun empty = CliRun.of("compile", "--catalogue", file.toString(), "--out", dir.resolve("o.json").toString());
    assertEquals(1, empty.exit());
    assertTrue(empty.err().startsWith("ministry.xlsx: Catalogue: error: the catalogue has no version: add the row "
        + "'version' to the Catalogue sheet\n"), empty.err());
  }

  @Test
  void newWorkbook_refusesToOverwrite() throws Exception {
    Path file = Files.writeString(dir.resolve("x.xlsx"), "keep");
    CliRun run = CliRun.of("new-workbook", file.toString());
    assertEquals(2, run.exit());
    assertEquals("talap new-workbook: " + file + " already exists (use --force to overwrite)\n", run.err());
    assertEquals("keep", Files.readString(file));
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import kz.talap.schema.Column;
import kz.talap.schema.Schema;
import kz.talap.schema.Table;
import kz.talap.workbook.RawRow;
import kz.talap.workbook.RawTable;
import kz.talap.workbook.WorkbookReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbooks talap writes guard themselves: every column whose values Excel can check has its validation with a
 * STOP alert, and every header its comment. The columns are taken from the schema, so a new column cannot be missed.
 */
class WorkbookGuardTest {
  /** The last row (1-based) an .xlsx sheet allows: validations reach it. */
  private static final int LAST_ROW = 1_048_576;

  @TempDir Path dir;

  @Test
  void newWorkbook_guardsEveryCodeEnumDateAndNumberColumnOfEveryTable() throws Exception {
    Path file = dir.resolve("ministry.xlsx");
    CliRun run = CliRun.of("new-workbook", file.toString());
    assertEquals(0, run.exit(), run.err());
    try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
      int checked = assertGuarded(workbook, Map.of(), true);
      assertEquals(expectedValidations(), checked);
    }
  }

  @Test
  void shippedCatalogue_isGuardedAndItsValuesPassTheValidations() throws Exception {
    Map<String, Set<String>> codes = folderCodes(ShippedCatalogue.FOLDER);
    for (Path file : WorkbookReader.files(List.of(ShippedCatalogue.FOLDER))) {
      try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
        assertTrue(assertGuarded(workbook, codes, false) > 70, file.toString());
      }
    }
  }

  @Test
  void guard_isIdempotentAndChangesNoContent() throws Exception {
    Path copy = Files.createDirectories(dir.resolve("catalogue"));
    for (Path file : WorkbookReader.files(List.of(ShippedCatalogue.FOLDER))) {
      Files.copy(file, copy.resolve(file.getFileName()));
    }
    CliRun run = CliRun.of("guard", copy.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("Guarded " + copy.resolve("pilots-and-cards.xlsx") + ": 80 columns validated\n"
        + "Guarded " + copy.resolve("reference.xlsx") + ": 88 columns validated\n"
        + "Guarded " + copy.resolve("residence.xlsx") + ": 89 columns validated\n"
        + "Guarded " + copy.resolve("tests.xlsx") + ": 87 columns validated\n", run.out());
    for (Path file : WorkbookReader.files(List.of(ShippedCatalogue.FOLDER))) {
      assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(copy.resolve(file.getFileName())),
          "the shipped " + file + " is guarded as talap guard writes it, byte for byte");
    }
    CliRun diff = CliRun.of("diff", ShippedCatalogue.FOLDER.toString(), copy.toString());
    assertEquals(0, diff.exit(), diff.err());
    assertTrue(diff.out().startsWith("No changes from " + ShippedCatalogue.FOLDER + " (version "), diff.out());
  }

  @Test
  void guard_oneWorkbook_offersTheCodesOfItsFolder() throws Exception {
    Path copy = Files.createDirectories(dir.resolve("catalogue"));
    Files.copy(ShippedCatalogue.FOLDER.resolve("reference.xlsx"), copy.resolve("reference.xlsx"));
    Path file = copy.resolve("ministry.xlsx");
    assertEquals(0, CliRun.of("new-workbook", file.toString()).exit());
    CliRun run = CliRun.of("guard", file.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("Guarded " + file + ": " + expectedValidations() + " columns validated\n", run.out());
    try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
      // The channels reference.xlsx declares come first, then the workbook's own (none yet).
      Set<String> declared = folderCodes(copy).get("Channels");
      assertEquals(new ArrayList<>(declared), listValues(workbook, "talap_Channels"));
      assertTrue(declared.contains("PORTAL"), declared.toString());
      assertEquals("IF('Channels'!$A2=\"\",\"\",'Channels'!$A2)", formulas(workbook, "talap_Channels")
          .get(declared.size()));
      assertGuarded(workbook, folderCodes(copy), true);
    }
  }

  @Test
  void guard_notAWorkbook_saysWhichFile() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.xlsx"), "not a zip");
    CliRun run = CliRun.of("guard", text.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("talap guard: " + text + ": cannot read as an .xlsx workbook ("), run.err());
    assertEquals("not a zip", Files.readString(text));
    CliRun csv = CliRun.of("guard", Files.writeString(dir.resolve("a.csv"), "x").toString());
    assertEquals(2, csv.exit());
    assertEquals("talap guard: " + dir.resolve("a.csv") + ": not an .xlsx workbook\n", csv.err());
  }

  @Test
  void guard_anEditorsOwnListsSheet_isLeftAloneAndNamed() throws Exception {
    Path file = dir.resolve("ministry.xlsx");
    assertEquals(0, CliRun.of("new-workbook", file.toString()).exit());
    try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
      workbook.removeSheetAt(workbook.getSheetIndex("_lists"));
      workbook.createSheet("_lists").createRow(0).createCell(0).setCellValue("my notes");
      try (java.io.OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
    byte[] before = Files.readAllBytes(file);
    CliRun run = CliRun.of("guard", file.toString());
    assertEquals(2, run.exit());
    assertEquals("talap guard: " + file + ": its sheet _lists was not written by talap guard; rename that sheet so "
        + "the drop-down lists can take its name (nothing was changed)\n", run.err());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void annotate_theCopyGuardsItself() throws Exception {
    Path file = dir.resolve("ministry.xlsx");
    assertEquals(0, CliRun.of("new-workbook", file.toString()).exit());
    CliRun run = CliRun.of("annotate", "--catalogue", file.toString(), "--out", dir.resolve("out").toString());
    assertEquals(1, run.exit(), run.err());
    try (XSSFWorkbook copy = new XSSFWorkbook(dir.resolve("out/ministry.xlsx").toFile())) {
      assertEquals(SheetVisibility.HIDDEN, copy.getSheetVisibility(copy.getSheetIndex("_lists")));
      DataValidation document = validationAt(copy.getSheet("Requirements"), 4);
      assertEquals("talap_Documents", document.getValidationConstraint().getFormula1());
      assertEquals(DataValidation.ErrorStyle.STOP, document.getErrorStyle());
      assertTrue(document.getShowErrorBox());
      assertEquals(Schema.headerComment(Schema.require("Requirements"),
          Schema.require("Requirements").column("document").orElseThrow()),
          copy.getSheet("Requirements").getCellComment(new org.apache.poi.ss.util.CellAddress("E1")).getString()
              .getString());
    }
  }

  /** LibreOffice opens a guarded workbook and keeps its drop-downs (required in CI, skipped without it here). */
  @Test
  void libreOffice_opensAGuardedWorkbookAndKeepsItsValidations() throws Exception {
    Path soffice = LibreOfficeRoundTripTest.findSoffice();
    Path file = dir.resolve("ministry.xlsx");
    assertEquals(0, CliRun.of("new-workbook", file.toString()).exit());
    Path resaved = Files.createDirectories(dir.resolve("resaved"));
    Process process = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
        "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", "xlsx", "--outdir",
        resaved.toString(), file.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("soffice.log").toFile()).start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "LibreOffice did not finish in 180 s");
    assertEquals(0, process.exitValue(), Files.readString(dir.resolve("soffice.log")));
    try (XSSFWorkbook workbook = new XSSFWorkbook(resaved.resolve("ministry.xlsx").toFile())) {
      Sheet requirements = workbook.getSheet("Requirements");
      DataValidation document = validationAt(requirements, 4);
      assertNotNull(document, "Requirements.document keeps its drop-down");
      assertEquals(ValidationType.LIST, document.getValidationConstraint().getValidationType());
      assertEquals(DataValidation.ErrorStyle.STOP, document.getErrorStyle());
    }
  }

  /** How many columns of a complete workbook the schema says are validated. */
  private static int expectedValidations() {
    int count = 0;
    for (Table table : Schema.tables()) {
      for (Column column : table.columns()) {
        if (expectedType(column) != null) {
          count++;
        }
      }
    }
    return count;
  }

  /** The validation type a column must have, or null for columns Excel cannot check (texts, lists, conditions). */
  private static Integer expectedType(Column column) {
    return switch (column.kind()) {
      case REFERENCE, ENUM, BOOLEAN -> ValidationType.LIST;
      case DATE -> ValidationType.DATE;
      case INTEGER -> ValidationType.INTEGER;
      case DECIMAL -> ValidationType.DECIMAL;
      default -> null;
    };
  }

  /**
   * Asserts the validation and the header comment of every schema column the workbook's sheets have; with
   * {@code complete}, every column of the schema must be there. Every filled cell of a validated column must pass.
   *
   * @return the number of validated columns
   */
  private static int assertGuarded(XSSFWorkbook workbook, Map<String, Set<String>> folderCodes, boolean complete) {
    Sheet lists = workbook.getSheet("_lists");
    assertNotNull(lists, "the hidden sheet of lists");
    assertEquals(SheetVisibility.HIDDEN, workbook.getSheetVisibility(workbook.getSheetIndex(lists)));
    int validated = 0;
    for (Table table : Schema.tables()) {
      Sheet sheet = workbook.getSheet(table.name());
      if (sheet == null) {
        assertTrue(!complete, "sheet " + table.name());
        continue;
      }
      Map<String, Integer> header = new HashMap<>();
      sheet.getRow(0).forEach(c -> header.put(c.getStringCellValue(), c.getColumnIndex()));
      for (Column column : table.columns()) {
        String where = table.name() + "." + column.name();
        Integer index = header.get(column.name());
        if (index == null) {
          assertTrue(!complete, where + " is in the workbook");
          continue;
        }
        Comment comment = sheet.getCellComment(new org.apache.poi.ss.util.CellAddress(0, index));
        assertNotNull(comment, where + " has a header comment");
        String text = comment.getString().getString();
        assertEquals(Schema.headerComment(table, column), text, where);
        assertTrue(text.contains("\nType: " + column.typeName() + ".\n"), where + ": " + text);
        assertTrue(text.contains(column.required() ? "\nRequired.\n" : "\nOptional.\n"), where + ": " + text);
        assertTrue(text.contains("\nExample: " + Schema.example(table, column)), where + ": " + text);
        Integer type = expectedType(column);
        DataValidation validation = validationAt(sheet, index);
        if (type == null) {
          assertEquals(null, validation, where + " has no validation");
          continue;
        }
        assertNotNull(validation, where + " has a validation");
        validated++;
        DataValidationConstraint constraint = validation.getValidationConstraint();
        assertEquals(type, constraint.getValidationType(), where);
        assertEquals(DataValidation.ErrorStyle.STOP, validation.getErrorStyle(), where);
        assertTrue(validation.getShowErrorBox(), where + " shows the error alert");
        CellRangeAddress[] ranges = validation.getRegions().getCellRangeAddresses();
        assertEquals(1, ranges.length, where);
        assertEquals(new CellRangeAddress(1, LAST_ROW - 1, index, index), ranges[0], where);
        List<String> allowed = null;
        switch (column.kind()) {
          case REFERENCE -> {
            String target = column.references().orElseThrow();
            assertEquals("talap_" + target, constraint.getFormula1(), where);
            allowed = listValues(workbook, "talap_" + target);
            Set<String> expected = new TreeSet<>(folderCodes.getOrDefault(target, Set.of()));
            assertTrue(allowed.containsAll(expected), where + ": " + expected + " in " + allowed);
            if (!complete) {
              // Its own codes, by formula, so a code added to the table is offered at once.
              assertTrue(formulas(workbook, "talap_" + target).stream().anyMatch(f -> f.contains("'" + target
                  + "'!$")), where);
            }
          }
          case ENUM -> {
            assertEquals("talap_" + table.name() + "_" + column.name(), constraint.getFormula1(), where);
            allowed = listValues(workbook, constraint.getFormula1());
            assertEquals(column.values(), allowed, where);
          }
          case BOOLEAN -> {
            assertArrayEquals(new String[] {"TRUE", "FALSE"}, constraint.getExplicitListValues(), where);
          }
          case DATE -> {
            assertEquals(OperatorType.BETWEEN, constraint.getOperator(), where);
            assertEquals("DATE(1900,1,1)", constraint.getFormula1(), where);
            assertEquals("DATE(9999,12,31)", constraint.getFormula2(), where);
          }
          default -> {
            assertEquals(column.minimumExclusive() ? OperatorType.GREATER_THAN : OperatorType.GREATER_OR_EQUAL,
                constraint.getOperator(), where);
            assertEquals(column.minimum().orElseThrow().toPlainString(), constraint.getFormula1(), where);
          }
        }
        assertValuesPass(sheet, index, column, allowed, where);
      }
    }
    return validated;
  }

  /** Every filled cell of the column passes its validation, as Excel would check it when the cell is edited. */
  private static void assertValuesPass(Sheet sheet, int index, Column column, List<String> allowed, String where) {
    for (Row row : sheet) {
      if (row.getRowNum() == 0) {
        continue;
      }
      Cell cell = row.getCell(index);
      if (cell == null || cell.getCellType() == CellType.BLANK) {
        continue;
      }
      String at = where + " row " + (row.getRowNum() + 1);
      switch (column.kind()) {
        case REFERENCE, ENUM -> assertTrue(allowed.contains(cell.getStringCellValue()), at + ": "
            + cell.getStringCellValue());
        case BOOLEAN -> assertEquals(CellType.BOOLEAN, cell.getCellType(), at);
        case DATE -> {
          assertEquals(CellType.NUMERIC, cell.getCellType(), at + " is a date cell");
          assertTrue(DateUtil.isCellDateFormatted(cell), at + " is formatted as a date");
        }
        default -> {
          assertEquals(CellType.NUMERIC, cell.getCellType(), at + " is a number");
          double value = cell.getNumericCellValue();
          double minimum = column.minimum().orElseThrow().doubleValue();
          assertTrue(column.minimumExclusive() ? value > minimum : value >= minimum, at + ": " + value);
          if (column.kind() == Column.Kind.INTEGER) {
            assertEquals(Math.rint(value), value, at + " is whole");
          }
        }
      }
    }
  }

  /** The validation covering row 2 of a column, or null. */
  private static DataValidation validationAt(Sheet sheet, int column) {
    DataValidation found = null;
    for (DataValidation validation : sheet.getDataValidations()) {
      for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
        if (range.isInRange(1, column)) {
          assertEquals(null, found, sheet.getSheetName() + " column " + column + " has one validation");
          found = validation;
        }
      }
    }
    return found;
  }

  /** The values of a named list, as Excel shows them (the stored results of its formulas), blanks left out. */
  private static List<String> listValues(XSSFWorkbook workbook, String name) {
    List<String> values = new ArrayList<>();
    for (Cell cell : listCells(workbook, name)) {
      String value = cell.getCellType() == CellType.FORMULA ? cell.getStringCellValue() : cell.getStringCellValue();
      if (!value.isEmpty()) {
        values.add(value);
      }
    }
    return values;
  }

  private static List<String> formulas(XSSFWorkbook workbook, String name) {
    return listCells(workbook, name).stream().filter(c -> c.getCellType() == CellType.FORMULA)
        .map(Cell::getCellFormula).toList();
  }

  private static List<Cell> listCells(XSSFWorkbook workbook, String name) {
    Name range = workbook.getName(name);
    assertNotNull(range, "named range " + name);
    AreaReference area = new AreaReference(range.getRefersToFormula(), workbook.getSpreadsheetVersion());
    assertEquals("_lists", area.getFirstCell().getSheetName(), name);
    Sheet lists = workbook.getSheet("_lists");
    List<Cell> cells = new ArrayList<>();
    for (CellReference ref : area.getAllReferencedCells()) {
      Row row = lists.getRow(ref.getRow());
      cells.add(row.getCell(ref.getCol()));
    }
    return cells;
  }

  /** The codes every workbook of a folder declares, by table. */
  private static Map<String, Set<String>> folderCodes(Path folder) {
    Map<String, Set<String>> codes = new HashMap<>();
    for (RawTable table : WorkbookReader.read(List.of(folder)).tables()) {
      String key = Schema.require(table.name()).key().get(0);
      for (RawRow row : table.rows()) {
        if (!row.value(key).isBlank()) {
          codes.computeIfAbsent(table.name(), t -> new TreeSet<>()).add(row.value(key));
        }
      }
    }
    return codes;
  }
}

package kz.talap.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import kz.talap.schema.Column;
import kz.talap.schema.Schema;
import kz.talap.schema.Table;
import kz.talap.source.AtomicFile;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Makes a catalogue workbook guard itself in Excel and LibreOffice: every header cell gets a comment with what the
 * column holds, its type, whether it is required and an example; every column whose values Excel can check gets data
 * validation with a STOP alert. Reference columns offer the codes of the referenced table as a drop-down, enum
 * columns the values of the schema, both from the hidden sheet {@value #LISTS} (the reader ignores sheets whose name
 * starts with "_"). Date columns take dates from 1900-01-01 to 9999-12-31, number columns numbers within the schema's
 * bounds. Comma-separated list columns, times, conditions and texts are left to {@code talap compile}.
 */
public final class WorkbookGuard {
  /** The hidden sheet with the drop-down lists. */
  public static final String LISTS = "_lists";
  /** Named ranges talap makes start with this, so a rerun can replace them. */
  public static final String NAME_PREFIX = "talap_";
  /** The last row (0-based) validations cover: the last row the sheet format allows. */
  public static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
  /** Rows of a sheet's own codes the drop-down follows beyond the last filled row, for codes added later. */
  static final int SPARE_ROWS = 500;
  /** The author of the header comments. */
  static final String AUTHOR = "talap";

  private WorkbookGuard() {}

  /** Guards a workbook file in place (atomically): its content stays as it was. */
  public static int guardFile(Path file, Map<String, ? extends Collection<String>> otherCodes) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(file)))) {
      if (!madeByTalap(workbook)) {
        throw new IOException("its sheet " + LISTS + " was not written by talap guard; rename that sheet so the "
            + "drop-down lists can take its name (nothing was changed)");
      }
      int validations = guard(workbook, otherCodes);
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      workbook.write(bytes);
      byte[] stable = StableZip.of(bytes.toByteArray());
      AtomicFile.write(file, out -> out.write(stable));
      return validations;
    } catch (RuntimeException e) {
      // POI reports a damaged or foreign file with many unchecked exception types; all mean the same to the editor.
      throw new IOException("cannot read as an .xlsx workbook (" + e.getMessage() + ")", e);
    }
  }

  /** Whether the workbook has no {@value #LISTS} sheet, or one that talap wrote (its A1 names a talap list). */
  static boolean madeByTalap(XSSFWorkbook workbook) {
    XSSFSheet lists = workbook.getSheet(LISTS);
    if (lists == null) {
      return true;
    }
    Row first = lists.getRow(0);
    Cell a1 = first == null ? null : first.getCell(0);
    if (a1 == null) {
      return false;
    }
    String text = switch (a1.getCellType()) {
      case FORMULA -> a1.getCachedFormulaResultType() == org.apache.poi.ss.usermodel.CellType.STRING
          ? a1.getStringCellValue() : "";
      case STRING -> a1.getStringCellValue();
      default -> "";
    };
    return text.startsWith(NAME_PREFIX);
  }

  /**
   * The codes of the referenced tables that the given workbooks declare, by table: what the drop-downs of a workbook
   * of the same folder offer beside its own codes.
   */
  public static Map<String, SortedSet<String>> codes(List<Path> workbooks) {
    Map<String, SortedSet<String>> codes = new TreeMap<>();
    if (workbooks.isEmpty()) {
      return codes;
    }
    Set<String> referenced = referencedTables();
    for (RawTable table : WorkbookReader.read(workbooks).tables()) {
      if (!referenced.contains(table.name())) {
        continue;
      }
      String key = Schema.require(table.name()).key().get(0);
      for (RawRow row : table.rows()) {
        String code = row.value(key).strip();
        if (!code.isEmpty()) {
          codes.computeIfAbsent(table.name(), t -> new TreeSet<>()).add(code);
        }
      }
    }
    return codes;
  }

  /** Every table a single-code reference column points at, in schema order. */
  static Set<String> referencedTables() {
    Set<String> tables = new java.util.LinkedHashSet<>();
    for (Table table : Schema.tables()) {
      for (Column column : table.columns()) {
        if (column.kind() == Column.Kind.REFERENCE) {
          tables.add(column.references().orElseThrow());
        }
      }
    }
    return tables;
  }

  /**
   * Adds the header comments and validations to every catalogue sheet of the workbook, replacing those an earlier run
   * added; {@code otherCodes} are the codes other workbooks of the folder declare, by table.
   *
   * @return the number of columns validated
   */
  public static int guard(XSSFWorkbook workbook, Map<String, ? extends Collection<String>> otherCodes) {
    int old = workbook.getSheetIndex(LISTS);
    if (old >= 0) {
      workbook.removeSheetAt(old);
    }
    for (Name name : new ArrayList<>(workbook.getAllNames())) {
      if (name.getNameName().startsWith(NAME_PREFIX)) {
        workbook.removeName(name);
      }
    }
    Map<String, Map<String, Integer>> headers = new LinkedHashMap<>();
    for (Table table : Schema.tables()) {
      XSSFSheet sheet = workbook.getSheet(table.name());
      if (sheet != null) {
        headers.put(table.name(), header(sheet));
      }
    }
    XSSFSheet lists = workbook.createSheet(LISTS);
    Map<String, String> listNames = writeLists(workbook, lists, headers, otherCodes);
    workbook.setSheetVisibility(workbook.getSheetIndex(LISTS), SheetVisibility.HIDDEN);
    int validated = 0;
    Map<Short, org.apache.poi.xssf.usermodel.XSSFCellStyle> dateStyles = new HashMap<>();
    for (Table table : Schema.tables()) {
      XSSFSheet sheet = workbook.getSheet(table.name());
      if (sheet == null) {
        continue;
      }
      if (sheet.getCTWorksheet().isSetDataValidations()) {
        sheet.getCTWorksheet().unsetDataValidations();
      }
      Map<String, Integer> header = headers.get(table.name());
      for (Column column : table.columns()) {
        Integer index = header.get(column.name());
        if (index == null) {
          continue;
        }
        comment(workbook, sheet, index, Schema.headerComment(table, column));
        typeCells(workbook, sheet, column, index, dateStyles);
        if (validate(sheet, table, column, index, listNames)) {
          validated++;
        }
      }
    }
    return validated;
  }

  /**
   * Turns the text cells of a date, number or boolean column that hold a valid value ({@code 2026-01-01}, {@code 4},
   * {@code TRUE}) into cells of that type, which the reader reads as the same text: Excel's validation would flag
   * them otherwise. A text that is not a valid value stays as it is, for the compiler to report at its cell.
   */
  private static void typeCells(XSSFWorkbook workbook, XSSFSheet sheet, Column column, int index,
      Map<Short, org.apache.poi.xssf.usermodel.XSSFCellStyle> dateStyles) {
    if (column.kind() != Column.Kind.DATE && column.kind() != Column.Kind.INTEGER
        && column.kind() != Column.Kind.DECIMAL && column.kind() != Column.Kind.BOOLEAN) {
      return;
    }
    for (Row row : sheet) {
      Cell cell = row.getRowNum() == 0 ? null : row.getCell(index);
      if (cell == null || cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
        continue;
      }
      String text = cell.getStringCellValue().strip();
      switch (column.kind()) {
        case DATE -> {
          if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            continue;
          }
          java.time.LocalDate date;
          try {
            date = java.time.LocalDate.parse(text);
          } catch (java.time.format.DateTimeParseException e) {
            continue;
          }
          org.apache.poi.xssf.usermodel.XSSFCellStyle original =
              (org.apache.poi.xssf.usermodel.XSSFCellStyle) cell.getCellStyle();
          cell.setCellValue(date);
          cell.setCellStyle(dateStyles.computeIfAbsent(original.getIndex(), i -> {
            org.apache.poi.xssf.usermodel.XSSFCellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(original);
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            return style;
          }));
        }
        case INTEGER, DECIMAL -> {
          String pattern = column.kind() == Column.Kind.INTEGER ? "-?\\d{1,15}" : "-?\\d{1,15}(\\.\\d{1,6})?";
          if (text.matches(pattern)) {
            cell.setCellValue(Double.parseDouble(text));
          }
        }
        default -> {
          if (text.equals("TRUE") || text.equals("FALSE")) {
            cell.setCellValue(text.equals("TRUE"));
          }
        }
      }
    }
  }

  /** The column index of each header text in row 1. */
  private static Map<String, Integer> header(XSSFSheet sheet) {
    Map<String, Integer> header = new HashMap<>();
    Row row = sheet.getRow(0);
    if (row == null) {
      return header;
    }
    for (Cell cell : row) {
      if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
        header.putIfAbsent(cell.getStringCellValue().strip(), cell.getColumnIndex());
      }
    }
    return header;
  }

  /** The name of the list a reference column to {@code table} uses. */
  public static String referenceList(String table) {
    return NAME_PREFIX + table;
  }

  /** The name of the list an enum column uses. */
  public static String enumList(String table, String column) {
    return NAME_PREFIX + table + "_" + column;
  }

  /**
   * Writes one column per list into the hidden sheet and names its range; returns the list name for each
   * "table.column" that has one.
   */
  private static Map<String, String> writeLists(XSSFWorkbook workbook, XSSFSheet lists,
      Map<String, Map<String, Integer>> headers, Map<String, ? extends Collection<String>> otherCodes) {
    Map<String, String> names = new HashMap<>();
    XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
    int[] next = {0};
    for (String target : referencedTables()) {
      Collection<String> others = otherCodes.get(target);
      List<Object> entries = new ArrayList<>(others == null ? List.of() : new TreeSet<>(others));
      XSSFSheet own = workbook.getSheet(target);
      Integer key = headers.getOrDefault(target, Map.of()).get(Schema.require(target).key().get(0));
      if (own != null && key != null) {
        // The sheet's own codes by formula, so a code added to the table is offered at once.
        String letter = CellReference.convertNumToColString(key);
        for (int r = 2; r <= own.getLastRowNum() + 1 + SPARE_ROWS; r++) {
          String cell = "'" + target + "'!$" + letter + r;
          entries.add(new Formula("IF(" + cell + "=\"\",\"\"," + cell + ")"));
        }
      }
      String name = referenceList(target);
      writeList(workbook, lists, next[0]++, name, entries, evaluator);
      for (Table table : Schema.tables()) {
        for (Column column : table.columns()) {
          if (column.kind() == Column.Kind.REFERENCE && column.references().get().equals(target)) {
            names.put(table.name() + "." + column.name(), name);
          }
        }
      }
    }
    for (Table table : Schema.tables()) {
      for (Column column : table.columns()) {
        if (column.kind() == Column.Kind.ENUM) {
          String name = enumList(table.name(), column.name());
          writeList(workbook, lists, next[0]++, name, new ArrayList<>(column.values()), evaluator);
          names.put(table.name() + "." + column.name(), name);
        }
      }
    }
    return names;
  }

  /** A formula cell of a list. */
  private record Formula(String text) {}

  private static void writeList(XSSFWorkbook workbook, XSSFSheet lists, int column, String name,
      List<Object> entries, XSSFFormulaEvaluator evaluator) {
    // Every cell of the list is a formula with its value stored beside it, never a shared string: a rerun that
    // replaces the sheet then leaves the workbook's table of shared strings as it was, byte for byte.
    List<Object> cells = new ArrayList<>();
    cells.add(name);
    cells.addAll(entries);
    for (int i = 0; i < cells.size(); i++) {
      Row row = lists.getRow(i) != null ? lists.getRow(i) : lists.createRow(i);
      Cell cell = row.createCell(column);
      cell.setCellFormula(cells.get(i) instanceof Formula formula ? formula.text()
          : "\"" + ((String) cells.get(i)).replace("\"", "\"\"") + "\"");
      evaluator.evaluateFormulaCell(cell);
    }
    String letter = CellReference.convertNumToColString(column);
    Name range = workbook.createName();
    range.setNameName(name);
    range.setRefersToFormula("'" + LISTS + "'!$" + letter + "$2:$" + letter + "$" + (Math.max(entries.size(), 1) + 1));
  }

  private static void comment(XSSFWorkbook workbook, XSSFSheet sheet, int column, String text) {
    Row header = sheet.getRow(0);
    Cell cell = header.getCell(column);
    Comment comment = cell.getCellComment();
    if (comment == null) {
      ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
      anchor.setCol1(column);
      anchor.setCol2(column + 4);
      anchor.setRow1(0);
      anchor.setRow2(7);
      comment = sheet.createDrawingPatriarch().createCellComment(anchor);
      cell.setCellComment(comment);
    }
    comment.setString(workbook.getCreationHelper().createRichTextString(text));
    comment.setAuthor(AUTHOR);
  }

  private static boolean validate(XSSFSheet sheet, Table table, Column column, int index, Map<String, String> lists) {
    DataValidationHelper helper = sheet.getDataValidationHelper();
    DataValidationConstraint constraint;
    String title;
    String message;
    switch (column.kind()) {
      case REFERENCE -> {
        constraint = helper.createFormulaListConstraint(lists.get(table.name() + "." + column.name()));
        title = "Unknown code";
        message = "Choose a code of the " + column.references().get() + " sheet from the list.";
      }
      case ENUM -> {
        constraint = helper.createFormulaListConstraint(lists.get(table.name() + "." + column.name()));
        title = "Not allowed here";
        String values = String.join(", ", column.values());
        message = values.length() <= 180 ? "Choose one of: " + values + "." : "Choose a value from the list.";
      }
      case BOOLEAN -> {
        constraint = helper.createExplicitListConstraint(new String[] {"TRUE", "FALSE"});
        title = "TRUE or FALSE";
        message = "Choose TRUE or FALSE.";
      }
      case DATE -> {
        constraint = helper.createDateConstraint(OperatorType.BETWEEN, "DATE(1900,1,1)", "DATE(9999,12,31)", null);
        title = "Not a date";
        message = "Enter a date, YYYY-MM-DD.";
      }
      case INTEGER, DECIMAL -> {
        String minimum = column.minimum().orElseThrow().toPlainString();
        int operator = column.minimumExclusive() ? OperatorType.GREATER_THAN : OperatorType.GREATER_OR_EQUAL;
        constraint = column.kind() == Column.Kind.INTEGER
            ? helper.createIntegerConstraint(operator, minimum, null)
            : helper.createDecimalConstraint(operator, minimum, null);
        title = "Not allowed here";
        message = "Enter " + (column.kind() == Column.Kind.INTEGER ? "a whole number" : "a number") + " "
            + column.bound().orElseThrow() + ".";
      }
      default -> {
        return false;
      }
    }
    DataValidation validation = helper.createValidation(constraint,
        new CellRangeAddressList(1, LAST_ROW, index, index));
    validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
    validation.setShowErrorBox(true);
    validation.createErrorBox(title, column.name() + ": " + message);
    validation.setEmptyCellAllowed(true);
    if (constraint.getValidationType() == DataValidationConstraint.ValidationType.LIST) {
      validation.setSuppressDropDownArrow(true);
    }
    sheet.addValidationData(validation);
    return true;
  }
}

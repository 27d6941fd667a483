package kz.talap.workbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kz.talap.schema.Column;
import kz.talap.schema.Schema;
import kz.talap.schema.Table;
import kz.talap.source.CellRef;
import kz.talap.source.Diagnostic;
import kz.talap.source.Quoted;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads catalogue workbooks (.xlsx) into raw rows, every cell with its location. The only reader of Excel files. */
public final class WorkbookReader {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private WorkbookReader() {}

  /**
   * Reads the given files; a folder stands for every {@code .xlsx} in it. Files that cannot be read give a
   * {@link Diagnostic.Severity#FATAL} diagnostic.
   */
  public static ReadResult read(List<Path> inputs) {
    List<RawTable> tables = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Path file : expand(inputs, diagnostics)) {
      readFile(file, tables, diagnostics);
    }
    return new ReadResult(tables, diagnostics);
  }

  /** The workbook files the inputs stand for, in reading order: a folder gives its .xlsx files, sorted. */
  static List<Path> expand(List<Path> inputs, List<Diagnostic> diagnostics) {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> listing = Files.list(input)) {
          List<Path> found = listing
              .filter(p -> p.getFileName().toString().endsWith(".xlsx"))
              .filter(p -> !p.getFileName().toString().startsWith("~$"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
          if (found.isEmpty()) {
            diagnostics.add(Diagnostic.fatal("no-workbook", CellRef.file(input.toString()),
                "no .xlsx workbook in this folder"));
          }
          files.addAll(found);
        } catch (IOException e) {
          diagnostics.add(Diagnostic.fatal("unreadable", CellRef.file(input.toString()),
              "cannot list the folder: " + e.getMessage()));
        }
      } else {
        files.add(input);
      }
    }
    return files;
  }

  private static void readFile(Path path, List<RawTable> tables, List<Diagnostic> diagnostics) {
    String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    if (!Files.exists(path)) {
      diagnostics.add(Diagnostic.fatal("missing-file", CellRef.file(path.toString()), "no such file"));
      return;
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      diagnostics.add(Diagnostic.fatal("unreadable", CellRef.file(path.toString()), "not a readable file"));
      return;
    }
    try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
        XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
      List<RawTable> found = new ArrayList<>();
      for (Sheet sheet : workbook) {
        Optional<Table> table = Schema.table(sheet.getSheetName());
        if (table.isEmpty()) {
          if (!sheet.getSheetName().startsWith("_")) {
            diagnostics.add(Diagnostic.warning("unknown-sheet", CellRef.sheet(file, sheet.getSheetName()),
                "sheet '" + Quoted.inner(sheet.getSheetName()) + "' is not a catalogue table; it is ignored"));
          }
          continue;
        }
        found.add(readSheet(file, sheet, table.get(), diagnostics));
      }
      tables.addAll(found);
    } catch (Exception | LinkageError e) {
      // POI signals a damaged or foreign file with many unchecked exception types; all mean the same to the editor.
      diagnostics.add(Diagnostic.fatal("not-a-workbook", CellRef.file(path.toString()),
          "cannot read as an .xlsx workbook (" + describe(e) + ")"));
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    // POI's guard against decompression bombs also stops a workbook with one huge, very repetitive cell or sheet:
    // say what it means for the editor rather than accuse the file of being an attack.
    if (message.contains("Zip bomb detected") || message.contains("exceed the max")) {
      return "a part of the file expands to far more than its compressed size, more than talap reads: is there a "
          + "very large cell or sheet?";
    }
    String firstLine = message.lines().findFirst().orElse(message).strip();
    return firstLine.length() > 160 ? firstLine.substring(0, 160) + "…" : firstLine;
  }

  private static RawTable readSheet(String file, Sheet sheet, Table table, List<Diagnostic> diagnostics) {
    String name = sheet.getSheetName();
    Map<String, Integer> header = new LinkedHashMap<>();
    Row headerRow = sheet.getRow(0);
    if (headerRow != null) {
      for (Cell cell : headerRow) {
        CellRef where = CellRef.cell(file, name, 1, cell.getColumnIndex());
        String title = text(cell, where, diagnostics).strip();
        if (title.isEmpty()) {
          continue;
        }
        if (table.column(title).isEmpty()) {
          diagnostics.add(Diagnostic.warning("unknown-column", where,
              "column '" + Quoted.inner(title) + "' is not part of table " + name + "; it is ignored"));
        } else if (header.containsKey(title)) {
          diagnostics.add(Diagnostic.error("duplicate-column", where, "column '" + Quoted.inner(title) + "' appears twice"));
        } else {
          header.put(title, cell.getColumnIndex());
        }
      }
    }
    for (Column column : table.columns()) {
      if (column.required() && !header.containsKey(column.name())) {
        diagnostics.add(Diagnostic.error("missing-column", CellRef.cell(file, name, 1, CellRef.NONE),
            "required column '" + column.name() + "' is missing"));
      }
    }
    List<RawRow> rows = new ArrayList<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      Map<String, RawCell> cells = new LinkedHashMap<>();
      boolean blank = true;
      for (Map.Entry<String, Integer> column : header.entrySet()) {
        CellRef where = CellRef.cell(file, name, r + 1, column.getValue());
        Cell cell = row.getCell(column.getValue());
        String value = cell == null ? "" : text(cell, where, diagnostics).strip();
        blank &= value.isEmpty();
        cells.put(column.getKey(), new RawCell(value, where));
      }
      if (!blank) {
        rows.add(new RawRow(name, CellRef.cell(file, name, r + 1, 0), cells));
      }
    }
    return new RawTable(name, file, rows);
  }

  private static String errorName(byte code) {
    return FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#" + code;
  }

  /** The value of a cell as text: dates as YYYY-MM-DD, times as HH:MM, numbers without a trailing ".0". */
  private static String text(Cell cell, CellRef where, List<Diagnostic> diagnostics) {
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    switch (type) {
      case STRING:
        return cell.getRichStringCellValue().getString().replace("\r\n", "\n");
      case BOOLEAN:
        return cell.getBooleanCellValue() ? "TRUE" : "FALSE";
      case NUMERIC:
        double number;
        try {
          number = cell.getNumericCellValue();
        } catch (RuntimeException e) {
          String raw = cell instanceof org.apache.poi.xssf.usermodel.XSSFCell x ? x.getRawValue() : null;
          diagnostics.add(Diagnostic.error("cell-error", where, "the cell is marked as a number but holds "
              + (raw == null ? "something else" : Quoted.of(raw))));
          return "";
        }
        if (!Double.isFinite(number)) {
          diagnostics.add(Diagnostic.error("cell-error", where,
              "the cell holds " + (Double.isNaN(number) ? "NaN" : "an infinite number") + ", not a number"));
          return "";
        }
        if (DateUtil.isCellDateFormatted(cell)) {
          LocalDateTime value = cell.getLocalDateTimeCellValue();
          if (value == null) {
            return "";
          }
          if (cell.getNumericCellValue() < 1) {
            return value.toLocalTime().format(TIME);
          }
          return value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
              ? value.toLocalDate().toString()
              : value.toString();
        }

        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
      case ERROR:
        diagnostics.add(Diagnostic.error("cell-error", where,
            "the cell holds the spreadsheet error " + errorName(cell.getErrorCellValue())));
        return "";
      default:
        return "";
    }
  }
}

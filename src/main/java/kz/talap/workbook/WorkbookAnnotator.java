package kz.talap.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.talap.source.AtomicFile;
import kz.talap.source.CellRef;
import kz.talap.source.Diagnostic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a copy of a catalogue workbook in which every cell with a diagnostic is filled (red for errors, yellow for
 * warnings) and carries a comment with the messages, plus a {@value #SHEET} sheet listing them all.
 */
public final class WorkbookAnnotator {
  /** The sheet of the copy that lists the diagnostics; the reader ignores sheets whose name starts with "_". */
  static final String SHEET = "_talap";
  /** The author of the comments talap adds. */
  static final String AUTHOR = "talap";
  /** Fill of a cell with an error: Excel's light red. */
  static final byte[] ERROR_FILL = {(byte) 0xFF, (byte) 0xC7, (byte) 0xCE};
  /** Fill of a cell with warnings only: light yellow. */
  static final byte[] WARNING_FILL = {(byte) 0xFF, (byte) 0xEB, (byte) 0x9C};

  private WorkbookAnnotator() {}

  /** The workbook files the inputs stand for, as {@link WorkbookReader#read} reads them: folders give their .xlsx. */
  public static List<Path> workbooks(List<Path> inputs) {
    return WorkbookReader.expand(inputs, new ArrayList<>());
  }

  /** Whether a file is an annotated copy written by talap (it has the {@value #SHEET} sheet). */
  public static boolean isAnnotatedCopy(Path file) {
    try (XSSFWorkbook workbook = open(file)) {
      return workbook.getSheet(SHEET) != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Writes {@code target}, a copy of {@code source} with the diagnostics of that file (those of other files are
   * ignored), atomically. The source is only read. A diagnostic on a whole row goes to the row's first cell, one on a
   * whole sheet to its cell A1; a diagnostic on a sheet the workbook lacks is only listed.
   */
  public static void annotate(Path source, Path target, List<Diagnostic> diagnostics) throws IOException {
    annotate(source, target, diagnostics, Map.of());
  }

  /**
   * As {@link #annotate(Path, Path, List)}, and the copy guards itself ({@link WorkbookGuard}), its drop-downs
   * offering also {@code otherCodes}, the codes the other workbooks compiled with it declare.
   */
  public static void annotate(Path source, Path target, List<Diagnostic> diagnostics,
      Map<String, ? extends java.util.Collection<String>> otherCodes) throws IOException {
    String file = source.getFileName().toString();
    List<Diagnostic> own = diagnostics.stream().filter(d -> d.where().file().equals(file)).sorted().toList();
    try (XSSFWorkbook workbook = open(source)) {
      DiagnosticSheet.removeFrom(workbook);
      WorkbookGuard.guard(workbook, otherCodes);
      Map<String, Map<CellAddress, List<Diagnostic>>> byCell = new LinkedHashMap<>();
      for (Diagnostic diagnostic : own) {
        if (workbook.getSheet(diagnostic.where().sheet()) != null) {
          byCell.computeIfAbsent(diagnostic.where().sheet(), s -> new LinkedHashMap<>())
              .computeIfAbsent(address(diagnostic.where()), a -> new ArrayList<>())
              .add(diagnostic);
        }
      }
      Fills fills = new Fills(workbook);
      Map<String, Short> originalStyles = new HashMap<>();
      byCell.forEach((sheet, cells) -> cells.forEach((address, list) ->
          originalStyles.put(sheet + "!" + address, mark(workbook.getSheet(sheet), address, list, fills))));
      DiagnosticSheet.add(workbook, own, originalStyles);
      AtomicFile.write(target, workbook::write);
    }
  }

  /** Opens a workbook from its bytes, so the file itself is never opened for writing. */
  private static XSSFWorkbook open(Path file) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(file)));
  }

  /** The cell a diagnostic is shown on: its own, the row's first cell, or A1 for the sheet. */
  static CellAddress address(CellRef where) {
    int row = where.row() == CellRef.NONE ? 0 : where.row() - 1;
    int column = where.column() == CellRef.NONE ? 0 : where.column();
    return new CellAddress(row, column);
  }

  /** How a diagnostic reads in a comment or the list: {@code error: message}. */
  static String line(Diagnostic diagnostic) {
    return (diagnostic.isError() ? "error" : "warning") + ": " + diagnostic.message();
  }

  /** Fills and comments one cell; returns the index of the style it had, so that a later run can restore it. */
  private static short mark(XSSFSheet sheet, CellAddress address, List<Diagnostic> diagnostics, Fills fills) {
    Row row = sheet.getRow(address.getRow());
    if (row == null) {
      row = sheet.createRow(address.getRow());
    }
    Cell cell = row.getCell(address.getColumn(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
    boolean error = diagnostics.stream().anyMatch(Diagnostic::isError);
    XSSFCellStyle original = (XSSFCellStyle) cell.getCellStyle();
    cell.setCellStyle(fills.of(original, error));
    String text = String.join("\n", diagnostics.stream().map(WorkbookAnnotator::line).toList());
    Comment comment = cell.getCellComment();
    if (comment != null) {
      // Keep what the comment said (such as a header's explanation of its column), and who said it, below.
      comment.setString(sheet.getWorkbook().getCreationHelper()
          .createRichTextString(text + "\n\n" + comment.getString().getString()));
      return original.getIndex();
    }
    // POI first places a new comment at the anchor's top-left cell: anchored beside the cell, it would clash with a
    // comment already there, so the box starts at the cell itself.
    ClientAnchor anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
    anchor.setCol1(address.getColumn());
    anchor.setCol2(address.getColumn() + 4);
    anchor.setRow1(address.getRow());
    anchor.setRow2(address.getRow() + 2 + (int) text.lines().count() + text.length() / 60);
    comment = sheet.createDrawingPatriarch().createCellComment(anchor);
    comment.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(text));
    comment.setAuthor(AUTHOR);
    cell.setCellComment(comment);
    return original.getIndex();
  }

  /** The filled variants of the workbook's cell styles, made once per style and severity. */
  private static final class Fills {
    private final XSSFWorkbook workbook;
    private final Map<String, XSSFCellStyle> made = new HashMap<>();

    Fills(XSSFWorkbook workbook) {
      this.workbook = workbook;
    }

    XSSFCellStyle of(XSSFCellStyle original, boolean error) {
      return made.computeIfAbsent(original.getIndex() + (error ? "E" : "W"), key -> {
        XSSFCellStyle style = workbook.createCellStyle();
        style.cloneStyleFrom(original);
        style.setFillForegroundColor(new XSSFColor(error ? ERROR_FILL : WARNING_FILL, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
      });
    }
  }
}

package kz.talap.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kz.talap.schema.Schema;
import kz.talap.schema.Table;
import kz.talap.source.CellRef;
import kz.talap.source.Diagnostic;
import kz.talap.source.Nearest;
import kz.talap.source.Phrase;
import kz.talap.source.Quoted;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/** Reads catalogue workbooks (.xlsx) into raw rows, every cell with its location. The only reader of Excel files. */
public final class WorkbookReader {
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
  public static List<Path> files(List<Path> inputs) {
    return expand(inputs, new ArrayList<>());
  }

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
                Phrase.of("workbook.no-workbook")));
          }
          files.addAll(found);
        } catch (IOException e) {
          diagnostics.add(Diagnostic.fatal("unreadable", CellRef.file(input.toString()),
              Phrase.of("workbook.cannot-list", "detail", String.valueOf(e.getMessage()))));
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
      diagnostics.add(Diagnostic.fatal("missing-file", CellRef.file(path.toString()), Phrase.of("workbook.no-such-file")));
      return;
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      diagnostics.add(Diagnostic.fatal("unreadable", CellRef.file(path.toString()), Phrase.of("workbook.unreadable-file")));
      return;
    }
    try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
      // The event model: one sheet's XML streams past at a time; comments and drawings are never loaded.
      XSSFReader reader = new XSSFReader(pkg);
      SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      boolean date1904 = date1904(reader);
      List<RawTable> found = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      java.util.Set<String> present = new java.util.HashSet<>();
      java.util.Map<Integer, String> texts = new java.util.HashMap<>();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream xml = sheets.next()) {
          String name = sheets.getSheetName();
          Optional<Table> table = Schema.table(name);
          if (table.isEmpty()) {
            if (!name.startsWith("_")) {
              unknown.add(name);
            }
            continue;
          }
          present.add(name);
          SheetRows rows = new SheetRows(file, name, table.get(), diagnostics);
          XMLReader parser = XMLHelper.newXMLReader();
          parser.setContentHandler(new SheetEvents(strings, texts, styles, date1904, rows));
          parser.parse(new InputSource(xml));
          found.add(rows.table());
        }
      }
      unknownSheets(file, unknown, present, diagnostics);
      tables.addAll(found);
    } catch (Exception | LinkageError e) {
      // POI signals a damaged or foreign file with many unchecked exception types; all mean the same to the editor.
      diagnostics.add(Diagnostic.fatal("not-a-workbook", CellRef.file(path.toString()), describe(e)));
    }
  }

  /**
   * Warns of the sheets that are not catalogue tables; "did you mean" names only tables this workbook lacks (a sheet
   * 'Notes' beside 'Norms' is notes, not a misspelt 'Norms').
   */
  private static void unknownSheets(
      String file, List<String> unknown, java.util.Set<String> present, List<Diagnostic> diagnostics) {
    List<String> missing = Schema.tables().stream().map(Table::name).filter(n -> !present.contains(n)).toList();
    for (String name : unknown) {
      String quoted = Quoted.inner(name);
      diagnostics.add(Diagnostic.warning("unknown-sheet", CellRef.sheet(file, name),
          Nearest.suggestion(name, missing)
              .map(near -> Phrase.of("workbook.unknown-sheet-near", "sheet", quoted, "near", near))
              .orElse(Phrase.of("workbook.unknown-sheet", "sheet", quoted))));
    }
  }

  /**
   * The floor the benchmark compares reading with: POI's own streaming read of every sheet of the files (XSSFReader
   * and XSSFSheetXMLHandler, shared strings, cell values formatted), doing nothing with the cells.
   *
   * @return the number of cells seen
   */
  public static long bareStreamingRead(List<Path> files) throws Exception {
    long[] cells = {0};
    XSSFSheetXMLHandler.SheetContentsHandler count = new XSSFSheetXMLHandler.SheetContentsHandler() {
      @Override
      public void startRow(int rowNum) {}

      @Override
      public void endRow(int rowNum) {}

      @Override
      public void cell(String reference, String formattedValue, org.apache.poi.xssf.usermodel.XSSFComment comment) {
        cells[0]++;
      }
    };
    for (Path file : files) {
      try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
        XSSFReader reader = new XSSFReader(pkg);
        SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
        StylesTable styles = reader.getStylesTable();
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (sheets.hasNext()) {
          try (InputStream xml = sheets.next()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, count,
                new org.apache.poi.ss.usermodel.DataFormatter(), false));
            parser.parse(new InputSource(xml));
          }
        }
      }
    }
    return cells[0];
  }

  /** Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
  private static boolean date1904(XSSFReader reader) throws Exception {
    boolean[] found = {false};
    XMLReader parser = XMLHelper.newXMLReader();
    parser.setContentHandler(new DefaultHandler() {
      @Override
      public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (localName.equals("workbookPr")) {
          String value = attributes.getValue("date1904");
          found[0] = "1".equals(value) || "true".equals(value);
        }
      }
    });
    try (InputStream xml = reader.getWorkbookData()) {
      parser.parse(new InputSource(xml));
    }
    return found[0];
  }

  /** Why a file cannot be read as a workbook: the reason POI or the parser gave, in its first line. */
  private static Phrase describe(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return Phrase.of("workbook.not-a-workbook", "detail", e.getClass().getSimpleName());
    }
    // POI's guard against decompression bombs also stops a workbook with one huge, very repetitive cell or sheet:
    // say what it means for the editor rather than accuse the file of being an attack.
    if (message.contains("Zip bomb detected") || message.contains("exceed the max")) {
      return Phrase.of("workbook.too-large");
    }
    String firstLine = message.lines().findFirst().orElse(message).strip();
    return Phrase.of("workbook.not-a-workbook", "detail",
        firstLine.length() > 160 ? firstLine.substring(0, 160) + "…" : firstLine);
  }

}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kz.talap.source.CellRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiling holds no more than it must: the benchmark's national catalogue, at a size that needs more than 64 MB of
 * heap when every raw row is held while compiling and every record holds copies of its repeated texts, compiles in a
 * separate Java process limited to 56 MB. No timing is measured: the process completes or runs out of memory.
 */
class CompileMemoryTest {
  /** The heap the compiling process may use: it compiles in 40 MB now, and needed 65 to 80 MB before (c10e239). */
  private static final String HEAP = "-Xmx56m";

  @TempDir Path dir;

  @Test
  void compile_nationalCatalogueOf40000RequirementRows_completesIn56MbOfHeap() throws Exception {
    NationalCatalogue national = new NationalCatalogue(4, 80, 40_000);
    Path folder = Files.createDirectories(dir.resolve("national"));
    Files.copy(ShippedCatalogue.FOLDER.resolve("reference.xlsx"), folder.resolve("a-reference.xlsx"));
    for (int w = 0; w < national.workbooks; w++) {
      writeXlsx(folder.resolve(String.format("ministry-%03d.xlsx", w + 1)), national.workbook(w));
    }
    Path out = dir.resolve("national.json");

    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "compile", "--catalogue",
        folder.toString(), "--as-of", "2026-11-21", "--quiet", "--out", out.toString())
        .redirectErrorStream(true)
        .start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }

    assertEquals(0, process.exitValue(), printed);
    // 80 services of 500 rows: 333 codes each, every second one (up to the 500 rows) with an ended earlier version.
    assertEquals("Catalogue national-80 as of 2026-11-21: 80 services, 0 sub-types, 1332 documents, 26640 "
        + "requirements, 0 warnings", printed.lines().findFirst().orElse(""));
    assertEquals(26640, countRequirements(out), "every requirement in force is written");
  }

  private static long countRequirements(Path json) throws IOException {
    try (var lines = Files.lines(json)) {
      return lines.filter(l -> l.matches(" {8}\"code\" : \"SVC_\\d+_REQ_\\d+\",")).count();
    }
  }

  /**
   * Writes tables (sheet → rows of column → text) as a minimal .xlsx: text cells in the shared-strings table, as
   * Excel writes them, header from the columns in first-seen order. Far quicker than POI's user model, which would
   * take most of a minute for these 40,000 rows.
   */
  static void writeXlsx(Path file, Map<String, List<Map<String, String>>> tables) throws IOException {
    Map<String, Integer> strings = new LinkedHashMap<>();
    Map<String, String> sheets = new LinkedHashMap<>();
    for (Map.Entry<String, List<Map<String, String>>> table : tables.entrySet()) {
      Set<String> columns = new LinkedHashSet<>();
      table.getValue().forEach(row -> columns.addAll(row.keySet()));
      List<String> header = new ArrayList<>(columns);
      StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
      row(xml, 1, header, strings);
      int number = 2;
      for (Map<String, String> values : table.getValue()) {
        row(xml, number++, header.stream().map(c -> values.getOrDefault(c, "")).toList(), strings);
      }
      sheets.put(table.getKey(), xml.append("</sheetData></worksheet>").toString());
    }
    String main = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    String relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + main + "sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + main + "sharedStrings+xml\"/>");
    StringBuilder book = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"" + relationships
        + "\"><sheets>");
    StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rIdStrings\" Type=\"" + relationships
        + "/sharedStrings\" Target=\"sharedStrings.xml\"/>");
    int n = 1;
    for (String name : sheets.keySet()) {
      types.append("<Override PartName=\"/xl/worksheets/sheet").append(n).append(".xml\" ContentType=\"").append(main)
          .append("worksheet+xml\"/>");
      book.append("<sheet name=\"").append(name).append("\" sheetId=\"").append(n).append("\" r:id=\"rId").append(n)
          .append("\"/>");
      rels.append("<Relationship Id=\"rId").append(n).append("\" Type=\"").append(relationships)
          .append("/worksheet\" Target=\"worksheets/sheet").append(n).append(".xml\"/>");
      n++;
    }
    StringBuilder shared = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" uniqueCount=\"" + strings.size()
        + "\">");
    strings.keySet().forEach(s -> shared.append("<si><t>").append(escape(s)).append("</t></si>"));
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      entry(zip, "[Content_Types].xml", types.append("</Types>").toString());
      entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"" + relationships + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
          + "</Relationships>");
      entry(zip, "xl/workbook.xml", book.append("</sheets></workbook>").toString());
      entry(zip, "xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
      entry(zip, "xl/sharedStrings.xml", shared.append("</sst>").toString());
      n = 1;
      for (String xml : sheets.values()) {
        entry(zip, "xl/worksheets/sheet" + n++ + ".xml", xml);
      }
    }
  }

  private static void row(StringBuilder xml, int number, List<String> values, Map<String, Integer> strings) {
    xml.append("<row r=\"").append(number).append("\">");
    for (int column = 0; column < values.size(); column++) {
      String value = values.get(column);
      if (!value.isEmpty()) {
        int index = strings.computeIfAbsent(value, v -> strings.size());
        xml.append("<c r=\"").append(CellRef.columnName(column)).append(number).append("\" t=\"s\"><v>")
            .append(index).append("</v></c>");
      }
    }
    xml.append("</row>");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs whose size once cost minutes: reading never depends on row numbers. */
class CompileScaleTest {
  @TempDir Path dir;

  @Test
  void compile_rowAtTheLastRowNumber_isReadWithItsCellReferences() throws IOException {
    Path file = TestCatalogue.valid()
        .copy("Requirements", 0, "code", "REQ_VISA", "document", "VISA")
        .copy("Requirements", 0, "code", "REQ_PASSPORT", "order", "2")
        .write(dir.resolve("t.xlsx"));
    // Row 3 of the sheet becomes row 2,147,483,647 (the largest int); row 4 becomes row 2,147,483,646.
    renumberRows(file, "Requirements", Map.of(3, 2_147_483_647, 4, 2_147_483_646));

    CliRun run = CliRun.of("compile", "--catalogue", file.toString(), "--as-of", "2026-11-21", "--out",
        dir.resolve("out/catalogue.json").toString());

    assertEquals(1, run.exit(), run.err());
    assertEquals("""
        t.xlsx: Requirements!A2147483646: error: duplicate code 'REQ_PASSPORT' (first defined at \
        t.xlsx: Requirements!A2)
        t.xlsx: Requirements!E2147483647: error: unknown document code 'VISA'
        talap compile: 2 errors, 0 warnings; nothing written
        """, run.err());
    assertEquals("", run.out());
  }

  /** Rewrites the row numbers of one sheet in the workbook's XML (Excel itself stops at row 1,048,576). */
  static void renumberRows(Path workbook, String sheet, Map<Integer, Integer> rows) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(workbook))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), readAll(in));
      }
    }
    String book = new String(entries.get("xl/workbook.xml"), StandardCharsets.UTF_8);
    Matcher id = Pattern.compile("<sheet [^>]*name=\"" + sheet + "\"[^>]*r:id=\"([^\"]+)\"").matcher(book);
    String rels = new String(entries.get("xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8);
    if (!id.find()) {
      throw new IllegalStateException("no sheet " + sheet);
    }
    Matcher target = Pattern.compile("<Relationship [^>]*Id=\"" + id.group(1) + "\"[^>]*Target=\"([^\"]+)\"")
        .matcher(rels);
    if (!target.find()) {
      throw new IllegalStateException("no part for sheet " + sheet);
    }
    String part = "xl/" + target.group(1).replaceFirst("^/xl/", "");
    String xml = new String(entries.get(part), StandardCharsets.UTF_8);
    for (Map.Entry<Integer, Integer> row : rows.entrySet()) {
      String from = row.getKey().toString();
      String to = row.getValue().toString();
      xml = xml.replace("<row r=\"" + from + "\"", "<row r=\"" + to + "\"")
          .replaceAll("(<c r=\"[A-Z]+)" + from + "\"", "$1" + to + "\"");
    }
    entries.put(part, xml.getBytes(StandardCharsets.UTF_8));
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(workbook))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toByteArray();
  }
}

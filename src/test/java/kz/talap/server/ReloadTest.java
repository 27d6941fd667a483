package kz.talap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import kz.talap.account.Account;
import kz.talap.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload: a copy of the shipped catalogue is served, a workbook of the copy is edited with POI, and the server
 * serves the new version; a broken edit keeps the last good release serving and reports the diagnostics.
 */
class ReloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;

  @Test
  void edit_isServed_andBrokenEdit_keepsTheLastGoodRelease() throws Exception {
    try (var files = Files.list(Path.of("catalogue"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".xlsx")).toList()) {
        Files.copy(file, folder.resolve(file.getFileName()));
      }
    }
    try (Journal journal = Http.journal(folder.resolve("journal"));
        Server server = Server.start(new Server.Settings(folder, Path.of("templates"), "127.0.0.1", 0,
        Limits.DEFAULT, 100, true, journal))) {
      Http http = new Http(server.port(), Http.token(journal, "editor", Account.Role.EDITOR, "ALM-01"));
      String first = server.hash();
      assertEquals("2026.1", http.get("/api/v1/status").headers().firstValue(Server.VERSION_HEADER).orElseThrow());

      edit(folder, "Catalogue", "key", "version", "value", "2026.2");
      JsonNode edited = await(http, s -> s.get("catalogue_version").asText().equals("2026.2"));
      assertEquals("ok", edited.get("status").asText());
      assertNotEquals(first, edited.get("release").asText());
      HttpResponse<String> check = http.post("/api/v1/check", "application/json",
          Files.readString(Path.of("catalogue/examples/trp-work-complete.json")));
      assertEquals("2026.2", check.headers().firstValue(Server.VERSION_HEADER).orElseThrow());
      assertTrue(check.body().contains("\"catalogue_version\" : \"2026.2\""), check.body());
      String second = edited.get("release").asText();

      String cell = edit(folder, "Requirements", "code", "TRP_REQ_HEALTH_INSURANCE",
          "document", "NO_SUCH_DOCUMENT");
      JsonNode broken = await(http, s -> s.get("status").asText().equals("stale"));
      assertEquals("2026.2", broken.get("catalogue_version").asText());
      assertEquals(second, broken.get("release").asText());
      JsonNode last = broken.get("last_attempt");
      assertFalse(last.get("ok").asBoolean());
      assertNotEquals(second, last.get("hash").asText());
      JsonNode diagnostic = last.get("diagnostics").get(0);
      assertEquals("error", diagnostic.get("severity").asText());
      assertEquals(cell, diagnostic.get("where").asText());
      assertTrue(diagnostic.get("message").asText().contains("NO_SUCH_DOCUMENT"), diagnostic.toString());

      HttpResponse<String> still = http.post("/api/v1/check", "application/json",
          Files.readString(Path.of("catalogue/examples/trp-work-complete.json")));
      assertEquals(200, still.statusCode());
      assertEquals("preview-" + second, still.headers().firstValue(Server.RELEASE_HEADER).orElseThrow());
      Http.staff(journal, "editor", Account.Role.EDITOR, "ALM-01");
      String page = http.get("/counter/en/status", http.signIn("editor", Http.PASSWORD)).body();
      assertTrue(page.contains("The last edit of the catalogue has errors: the last good release is still served."),
          page);
      assertTrue(page.contains("<code>" + cell + "</code>: error: "), page);
    }
  }

  @Test
  void conditionFailingForOneApplicant_isAProblemNamingTheCell_notAStackTrace() throws Exception {
    try (var files = Files.list(Path.of("catalogue"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".xlsx")).toList()) {
        Files.copy(file, folder.resolve(file.getFileName()));
      }
    }
    // Compiles (with age 0 the division is fine) but fails for the example's 37-year-old: 10 / (37 - 37).
    String cell = edit(folder, "Requirements", "code", "TRP_REQ_HEALTH_INSURANCE", "condition",
        "10 / (age - 37) >= 0");
    try (Journal journal = Http.journal(folder.resolve("journal"));
        Server server = Server.start(new Server.Settings(folder, Path.of("templates"), "127.0.0.1", 0,
        Limits.DEFAULT, 100, true, journal))) {
      Http http = new Http(server.port(), Http.token(journal, "editor", Account.Role.EDITOR, "ALM-01"));
      HttpResponse<String> check = http.post("/api/v1/check", "application/json",
          Files.readString(Path.of("catalogue/examples/trp-work-complete.json")));
      assertEquals(422, check.statusCode(), check.body());
      JsonNode problem = JSON.readTree(check.body());
      assertEquals("The catalogue cannot decide this submission", problem.get("title").asText());
      assertEquals(cell + ": the condition \"10 / (age - 37) >= 0\" cannot be evaluated: division by zero (/ by zero); "
          + "the catalogue must be corrected", problem.get("detail").asText());
      assertFalse(check.body().contains("at kz.talap"), check.body());
    }
  }

  /** Polls the status until it matches (a compilation takes seconds on a busy machine). */
  private static JsonNode await(Http http, Predicate<JsonNode> done) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode status = JSON.readTree(http.get("/api/v1/status").body());
    while (!done.test(status)) {
      if (System.nanoTime() > until) {
        throw new AssertionError("the server did not reload: " + status);
      }
      Thread.sleep(100);
      status = JSON.readTree(http.get("/api/v1/status").body());
    }
    return status;
  }

  /**
   * Sets the cell in column {@code column} of the row whose {@code keyColumn} is {@code key}, in whichever workbook of
   * the folder has it, as an editor saving in Excel would (written next to the workbook, then moved over it). Returns
   * where the cell is, as diagnostics print it ("residence.xlsx: Requirements!E14").
   */
  private static String edit(Path folder, String sheetName, String keyColumn, String key, String column,
      String value) throws Exception {
    try (var files = Files.list(folder)) {
      for (Path workbook : files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList()) {
        String cell = editWorkbook(workbook, sheetName, keyColumn, key, column, value);
        if (cell != null) {
          return workbook.getFileName() + ": " + sheetName + "!" + cell;
        }
      }
    }
    throw new AssertionError("no " + sheetName + " row " + key + " in " + folder);
  }

  private static String editWorkbook(Path workbook, String sheetName, String keyColumn, String key, String column,
      String value) throws Exception {
    try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
      Sheet sheet = book.getSheet(sheetName);
      if (sheet == null) {
        return null;
      }
      Row header = sheet.getRow(sheet.getFirstRowNum());
      int keyAt = -1;
      int valueAt = -1;
      for (Cell cell : header == null ? java.util.List.<Cell>of() : header) {
        String text = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
            ? cell.getStringCellValue().strip() : "";
        keyAt = text.equals(keyColumn) ? cell.getColumnIndex() : keyAt;
        valueAt = text.equals(column) ? cell.getColumnIndex() : valueAt;
      }
      Row found = null;
      for (Row row : sheet) {
        Cell cell = keyAt < 0 ? null : row.getCell(keyAt);
        if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
            && cell.getStringCellValue().equals(key)) {
          found = row;
        }
      }
      if (found == null || valueAt < 0) {
        return null;
      }
      Cell target = found.getCell(valueAt) == null ? found.createCell(valueAt) : found.getCell(valueAt);
      target.setCellValue(value);
      String name = target.getAddress().formatAsString();
      Path saved = workbook.resolveSibling(workbook.getFileName() + ".saving");
      try (OutputStream out = Files.newOutputStream(saved)) {
        book.write(out);
      }
      Files.move(saved, workbook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return name;
    }
  }
}

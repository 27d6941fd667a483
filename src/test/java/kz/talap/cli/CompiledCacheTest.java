package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled-catalogue cache through the command line: used when valid, never when stale or corrupt. */
class CompiledCacheTest {
  @TempDir Path dir;
  private Path cache;
  private Path workbook;
  private Path submission;
  private Path templates;
  private String previous;

  @BeforeEach
  void setUp() throws IOException {
    cache = dir.resolve("cache");
    previous = System.getProperty("talap.cache");
    System.setProperty("talap.cache", cache.toString());
    workbook = TestCatalogue.valid().write(dir.resolve("t.xlsx"));
    submission = Files.writeString(dir.resolve("s.json"), """
        {"format": "talap-submission/1", "service": "SVC", "channel": "PROVIDER",
         "submitted_at": "2026-03-20T11:30", "facts": {"citizenship": "RU", "birth_date": "1990-01-01"}}
        """);
    templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("report.ftlh"), "<p>${verdict}</p>\n");
  }

  @AfterEach
  void tearDown() {
    if (previous == null) {
      System.clearProperty("talap.cache");
    } else {
      System.setProperty("talap.cache", previous);
    }
  }

  private CliRun check(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("check", "--catalogue", workbook.toString(), "--as-of",
        "2026-11-21", "--templates", templates.toString()));
    args.addAll(List.of(extra));
    args.add(submission.toString());
    return CliRun.of(args.toArray(String[]::new));
  }

  private List<Path> entries() throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.toString().endsWith(".compiled")).sorted().toList();
    }
  }

  private Path onlyEntry() throws IOException {
    List<Path> entries = entries();
    assertEquals(1, entries.size(), entries.toString());
    return entries.get(0);
  }

  private static String head(Path entry) throws IOException {
    String text = Files.readString(entry);
    return text.substring(0, text.indexOf('\n'));
  }

  @Test
  void check_secondRun_loadsTheEntryItWrote() throws IOException {
    assertTrue(check().out().contains("Missing: Passport."));
    Path entry = onlyEntry();
    // An entry that verifies is trusted: change a name inside it and give it the matching hash.
    String text = Files.readString(entry);
    String head = text.substring(0, text.indexOf('\n'));
    String body = text.substring(text.indexOf('\n') + 1).replace("\"Passport\"", "\"Cached passport\"");
    String[] fields = head.split(" ");
    Files.writeString(entry, fields[0] + " " + fields[1] + " " + sha256(body) + "\n" + body);

    CliRun run = check();

    assertTrue(run.out().contains("Missing: Cached passport."), run.out());
    assertTrue(check("--no-cache").out().contains("Missing: Passport."));
  }

  @Test
  void check_editedWorkbook_isCompiledAgain() throws IOException {
    assertTrue(check().out().contains("Missing: Passport."));
    String before = head(onlyEntry());
    TestCatalogue.valid().set("Documents", 0, "name_en", "Travel passport").write(workbook);

    CliRun run = check();

    assertTrue(run.out().contains("Missing: Travel passport."), run.out());
    assertNotEquals(before, head(onlyEntry()));
  }

  @Test
  void check_editedTemplate_isCompiledAgain() throws IOException {
    check();
    String before = head(onlyEntry());
    Files.writeString(templates.resolve("report.ftlh"), "<p>${verdict}!</p>\n");

    check();

    assertNotEquals(before.split(" ")[1], head(onlyEntry()).split(" ")[1], "a new key");
  }

  @Test
  void check_otherOptions_neverUseTheEntryOfOthers() throws IOException {
    TestCatalogue.valid().set("Documents", 0, "name_kk", "").write(workbook);
    CliRun allowed = check("--allow-missing-translations");
    assertEquals("", allowed.err());
    assertTrue(allowed.out().contains("Missing: Passport."), allowed.out());

    CliRun strict = check();

    assertEquals(1, strict.exit(), strict.out());
    assertEquals("", strict.out());
    assertTrue(strict.err().contains("t.xlsx: Documents!B2: error: "), strict.err());
    assertEquals(1, entries().size(), "a catalogue with errors is not kept");
    CliRun otherDay = CliRun.of("check", "--catalogue", workbook.toString(), "--as-of", "2026-11-22",
        "--templates", templates.toString(), "--allow-missing-translations", submission.toString());
    assertEquals("", otherDay.err());
    assertEquals(2, entries().size());
  }

  @Test
  void check_corruptEntry_isRebuiltNotTrusted() throws IOException {
    check();
    Path entry = onlyEntry();
    String text = Files.readString(entry);
    Files.writeString(entry, text.replace("\"Passport\"", "\"Forged passport\""));

    CliRun run = check();

    assertTrue(run.out().contains("Missing: Passport."), run.out());
    assertEquals(text, Files.readString(entry), "rebuilt as it was");
    Files.writeString(entry, "garbage");
    assertTrue(check().out().contains("Missing: Passport."));
    assertEquals(text, Files.readString(entry));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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
    byte[] bytes = Files.readAllBytes(entry);
    return new String(bytes, 0, indexOf(bytes, new byte[] {'\n'}, 0), StandardCharsets.US_ASCII);
  }

  @Test
  void check_secondRun_loadsTheEntryItWrote() throws IOException {
    assertTrue(check().out().contains("Missing: Passport."));
    Path entry = onlyEntry();
    // An entry that verifies is trusted: change a name inside it and give it the matching hash.
    byte[] bytes = Files.readAllBytes(entry);
    int newline = indexOf(bytes, "\n".getBytes(StandardCharsets.US_ASCII), 0);
    String[] fields = new String(bytes, 0, newline, StandardCharsets.US_ASCII).split(" ");
    byte[] body = replace(Arrays.copyOfRange(bytes, newline + 1, bytes.length), "Passport", "PASSPORT");
    Files.write(entry, concat((fields[0] + " " + fields[1] + " " + sha256(body) + "\n")
        .getBytes(StandardCharsets.US_ASCII), body));

    CliRun run = check();

    assertTrue(run.out().contains("Missing: PASSPORT."), run.out());
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
    byte[] bytes = Files.readAllBytes(entry);
    assertTrue(new String(bytes, 0, 14, StandardCharsets.US_ASCII).equals("talap-cache/2 "), "the format first");
    // A changed name (same length), a flipped byte, a truncated file and garbage: each is compiled again.
    List<byte[]> corrupt = List.of(replace(bytes, "Passport", "PASSPORT"), flip(bytes, bytes.length / 2),
        flip(bytes, bytes.length - 1), Arrays.copyOf(bytes, bytes.length - 7), "garbage".getBytes());
    for (byte[] bad : corrupt) {
      Files.write(entry, bad);

      CliRun run = check();

      assertTrue(run.out().contains("Missing: Passport."), run.out());
      assertArrayEquals(bytes, Files.readAllBytes(entry), "rebuilt as it was");
    }
  }

  private static byte[] flip(byte[] bytes, int at) {
    byte[] copy = bytes.clone();
    copy[at] ^= 0x20;
    return copy;
  }

  private static byte[] replace(byte[] bytes, String from, String to) {
    byte[] what = from.getBytes(StandardCharsets.UTF_8);
    byte[] with = to.getBytes(StandardCharsets.UTF_8);
    assertEquals(what.length, with.length);
    byte[] copy = bytes.clone();
    int found = 0;
    for (int at = indexOf(copy, what, 0); at >= 0; at = indexOf(copy, what, at + 1)) {
      System.arraycopy(with, 0, copy, at, with.length);
      found++;
    }
    assertTrue(found > 0, from + " is in the entry");
    return copy;
  }

  private static int indexOf(byte[] bytes, byte[] what, int from) {
    outer:
    for (int i = from; i <= bytes.length - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (bytes[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: a catalogue that compiles never crashes or hangs a later command; hostile cells are bounded. */
class HostileCatalogueTest {
  @TempDir Path dir;

  private CliRun compile(TestCatalogue catalogue) throws IOException {
    return CliRun.of("compile", "--catalogue", catalogue.write(dir.resolve("t.xlsx")).toString(), "--as-of",
        "2026-11-21", "--out", dir.resolve("out/catalogue.json").toString());
  }

  private static TestCatalogue withCondition(String condition) {
    TestCatalogue c = TestCatalogue.valid();
    c.row("Facts", "name", "children", "type", "INT", "label_kk", "Балалар", "label_ru", "Дети", "label_en",
        "Children");
    return c.set("Requirements", 0, "condition", condition);
  }

  @Test
  void compile_conditionsThatTypeCheckButCannotBeEvaluated_areErrorsAtTheirCell() throws IOException {
    String[][] cases = {
        {"int('x') == 1", "cannot convert the text (For input string: \"x\")"},
        {"children % 0 == 1", "division by zero (/ by zero)"},
        {"'a'.matches('[')", "invalid argument (error parsing regexp: missing closing ]: `[`)"},
        {"[1, 2][children + 5] == 1", "no such element in the list (Index out of bounds: 5)"},
        {"{'a': 1}['b'] == 1", "no such key (b)"},
        {"timestamp('x') > timestamp('2026-01-01T00:00:00Z')",
            "cannot convert the text (Text 'x' could not be parsed at index 0)"},
        {"9223372036854775807 + children + 1 > 0", "number too large (long overflow)"},
    };
    for (String[] c : cases) {
      CliRun run = compile(withCondition(c[0]));
      assertEquals(1, run.exit(), c[0] + "\n" + run.err());
      assertEquals("t.xlsx: Requirements!H2: error: the condition cannot be evaluated: " + c[1]
          + " (evaluated with every fact no, 0 or empty)\n"
          + "talap compile: 1 error, 0 warnings; nothing written\n", run.err(), c[0]);
    }
  }

  @Test
  void check_conditionFailingForTheseFacts_isLocatedAtItsCellAndTheOthersAreChecked() throws IOException {
    Path workbook = withCondition("children * 4611686018427387904 * 4 > 0").write(dir.resolve("t.xlsx"));
    String submission = "{\"service\": \"SVC\", \"channel\": \"PROVIDER\", \"submitted_at\": \"2026-05-04T10:00\", "
        + "\"facts\": {\"citizenship\": \"UZ\", \"birth_date\": \"1990-01-01\", \"children\": %d}, "
        + "\"documents\": [{\"code\": \"PASSPORT\"}]}";
    Path bad = Files.writeString(dir.resolve("a.json"), submission.formatted(2));
    Path good = Files.writeString(dir.resolve("b.json"), submission.formatted(0));
    CliRun run = CliRun.of("check", "--catalogue", workbook.toString(), "--as-of", "2026-11-21", bad.toString(),
        good.toString());
    assertEquals(1, run.exit(), run.err());
    assertEquals(bad + ": error: cannot check: t.xlsx: Requirements!H2: the condition \"children * "
        + "4611686018427387904 * 4 > 0\" cannot be evaluated: number too large (long overflow)\n", run.err());
    assertTrue(run.out().contains("Verdict: complete"), run.out());
  }

  @Test
  void compile_quantitiesOutOfBounds_areErrorsAtTheirCell() throws IOException {
    TestCatalogue c = TestCatalogue.valid()
        .set("Parameters", 0, "amount", "0")
        .row("Fees", "code", "DUTY", "service", "SVC", "amount", "1E+999999999", "unit", "MCI", "name_kk", "Баж",
            "name_ru", "Пошлина", "name_en", "Duty", "citation", "ORDER_992, Annex 3, item 6")
        .row("Terms", "code", "TERM", "service", "SVC", "kind", "SERVICE", "amount", "2147483647", "unit",
            "WORKING_DAYS", "name_kk", "Мерзім", "name_ru", "Срок", "name_en", "Term", "citation", "ORDER_992, Annex 3, item 3")
        .set("Requirements", 0, "max_age_days", "99999999");
    CliRun run = compile(c);
    assertEquals(1, run.exit(), run.err());
    assertEquals("""
        t.xlsx: Fees!D2: error: amount "1E+999999999" is too large (at most 1000000000000)
        t.xlsx: Parameters!B2: error: a parameter cannot be 0
        t.xlsx: Requirements!O2: error: max_age_days 99999999 is out of range: expected 0 to 36525 (at most 100 years)
        t.xlsx: Terms!E2: error: amount 2147483647 is out of range: expected 0 to 2610 (a term of at most 10 years)
        talap compile: 4 errors, 0 warnings; nothing written
        """, run.err());
  }

  @Test
  void compile_calendarWithoutAWorkingDay_isAnErrorAtTheSheet() throws IOException {
    TestCatalogue c = TestCatalogue.valid();
    for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() == 2024; day = day.plusDays(1)) {
      c.row("Calendar", "code", "H" + day.getDayOfYear(), "kind", "FIXED_HOLIDAY", "month_day",
          day.toString().substring(5), "name_kk", "Мереке", "name_ru", "Праздник", "name_en", "Holiday",
          "citation", "ORDER_992, Annex 1-1, item 7");
    }
    CliRun run = compile(c);
    assertEquals(1, run.exit(), run.err());
    assertEquals("t.xlsx: Calendar: error: the calendar has no working day in the year from 2025-01-01: its holidays "
        + "and days off cover every weekday, so no term could ever end\n"
        + "talap compile: 1 error, 0 warnings; nothing written\n", run.err());
  }

  /** Rewrites the entries of a workbook (a zip) whose name starts with {@code prefix}, replacing text. */
  static void rewrite(Path workbook, String prefix, String from, String to) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    boolean replaced = false;
    try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(workbook));
        var out = new java.util.zip.ZipOutputStream(bytes)) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (entry.getName().startsWith(prefix) && !replaced && text.contains(from)) {
          text = text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
          replaced = true;
        }
        out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
        out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    assertTrue(replaced, from);
    Files.write(workbook, bytes.toByteArray());
  }

  @Test
  void compile_numberCellHoldingNanOrInf_isReportedAtTheCell() throws IOException {
    Path workbook = TestCatalogue.valid().write(dir.resolve("t.xlsx"));
    rewrite(workbook, "xl/worksheets/", "<v>4325.0</v>", "<v>NaN</v>");
    CliRun nan = CliRun.of("compile", "--catalogue", workbook.toString(), "--as-of", "2026-11-21", "--out",
        dir.resolve("c.json").toString());
    assertEquals(1, nan.exit(), nan.err());
    assertEquals("t.xlsx: Parameters!B2: error: required cell 'amount' is empty\n"
        + "t.xlsx: Parameters!B2: error: the cell holds NaN, not a number\n"
        + "talap compile: 2 errors, 0 warnings; nothing written\n", nan.err());
    rewrite(workbook, "xl/worksheets/", "<v>NaN</v>", "<v>INF</v>");
    CliRun inf = CliRun.of("compile", "--catalogue", workbook.toString(), "--as-of", "2026-11-21", "--out",
        dir.resolve("c.json").toString());
    assertEquals(1, inf.exit(), inf.err());
    assertEquals("t.xlsx: Parameters!B2: error: required cell 'amount' is empty\n"
        + "t.xlsx: Parameters!B2: error: the cell is marked as a number but holds \"INF\"\n"
        + "talap compile: 2 errors, 0 warnings; nothing written\n", inf.err());
  }

  @Test
  void compile_millionCharacterCell_isNotCalledAZipBomb() throws IOException {
    Path workbook = TestCatalogue.valid().write(dir.resolve("t.xlsx"));
    rewrite(workbook, "xl/sharedStrings", "Passport", "P".repeat(2_000_000));
    CliRun run = CliRun.of("compile", "--catalogue", workbook.toString(), "--as-of", "2026-11-21", "--out",
        dir.resolve("c.json").toString());
    assertEquals(2, run.exit(), run.err());
    assertEquals(workbook + ": error: cannot read as an .xlsx workbook (a part of the file expands to far more "
        + "than its compressed size, more than talap reads: is there a very large cell or sheet?)\n", run.err());
  }

  @Test
  void quality_markdown_escapesCatalogueHtmlAndMarkdown() throws IOException {
    String name = "<img src=x onerror=alert(1)> *bold* | [link](http://x) `code`";
    Path workbook = TestCatalogue.valid()
        .copy("Documents", 0, "code", "PASSPORT_COPY", "name_kk", "Паспорт көшірмесі", "name_en", "Passport copy")
        .set("Documents", 0, "name_ru", name).set("Documents", 1, "name_ru", name)
        .write(dir.resolve("t.xlsx"));
    CliRun run = CliRun.of("quality", "--catalogue", workbook.toString(), "--as-of", "2026-11-21", "--format",
        "markdown");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("| warning | t.xlsx: Documents!C3 | duplicate wording: name\\_ru '&lt;img src=x "
        + "onerror=alert(1)&gt; \\*bold\\* \\| \\[link\\](http://x) \\`cod…' is the same as at t.xlsx: "
        + "Documents!C2 |\n"), run.out());
    assertFalse(run.out().contains("<img"), run.out());
  }

  @Test
  void options_farDates_areUsageErrors() throws IOException {
    Path workbook = TestCatalogue.valid().write(dir.resolve("t.xlsx"));
    CliRun far = CliRun.of("compile", "--catalogue", workbook.toString(), "--as-of", "+999999999-12-31");
    assertEquals(2, far.exit());
    assertEquals("talap compile: bad date '+999999999-12-31' for --as-of (expected YYYY-MM-DD)\n", far.err());
    CliRun early = CliRun.of("compile", "--catalogue", workbook.toString(), "--as-of", "0001-01-01");
    assertEquals(2, early.exit());
    assertEquals("talap compile: bad date '0001-01-01' for --as-of (expected YYYY-MM-DD, from 1900-01-01 to "
        + "9999-12-31)\n", early.err());
    CliRun due = CliRun.of("due", "--catalogue", workbook.toString(), "--service", "SVC", "--at",
        "+999999999-12-31T10:00");
    assertEquals(2, due.exit());
    assertEquals("talap due: bad date-time '+999999999-12-31T10:00' for --at (expected YYYY-MM-DDTHH:MM or "
        + "YYYY-MM-DD)\n", due.err());
  }

  @Test
  void compile_macros_areNotUndeclaredFacts() throws IOException {
    CliRun run = compile(withCondition(
        "eaeu.all(c, c != citizenship) && eaeu.exists(c, c == 'KZ') && eaeu.map(c, c + '!').size() > 0"));
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void compile_longConditionOfBadCharacters_givesBoundedOutput() throws IOException {
    CliRun run = compile(withCondition("#".repeat(32_767)));
    assertEquals(1, run.exit());
    assertTrue(run.err().length() < 2_000, run.err().length() + " characters");
    // The first thing to fix, once: the characters after it would only repeat it.
    assertEquals("t.xlsx: Requirements!H2: error: unexpected symbol '#': a condition uses names of facts, 'texts', "
        + "numbers and operators (character 1)\n    " + "#".repeat(60) + "…\n    ^\n"
        + "talap compile: 1 error, 0 warnings; nothing written\n", run.err());
  }

  @Test
  void compile_longUnknownCodeWithEscapes_isShortenedAndEscaped() throws IOException {
    CliRun run = compile(TestCatalogue.valid().set("Requirements", 0, "document", "\u202e" + "A".repeat(10_000)));
    assertEquals(1, run.exit());
    assertFalse(run.err().contains("\u202e"), run.err());
    assertEquals("t.xlsx: Requirements!E2: error: illegal characters in code '\\u202e" + "A".repeat(59)
        + "… (10001 characters)': use only A-Z, 0-9 and _\n"
        + "talap compile: 1 error, 0 warnings; nothing written\n", run.err());
  }
}

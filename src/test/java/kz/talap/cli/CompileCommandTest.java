package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {
  @TempDir Path dir;

  private CliRun compile(Path workbook, String... extra) {
    String[] base = {"compile", "--catalogue", workbook.toString(), "--as-of", "2026-11-21", "--out",
        dir.resolve("out/catalogue.json").toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args);
  }

  private CliRun compileWith(TestCatalogue catalogue) throws IOException {
    return compile(catalogue.write(dir.resolve("t.xlsx")));
  }

  private void assertFails(CliRun run, String... lines) {
    assertEquals(1, run.exit(), run.err());
    for (String line : lines) {
      assertTrue(run.err().contains(line + "\n"), "expected <" + line + "> in:\n" + run.err());
    }
    assertFalse(Files.exists(dir.resolve("out/catalogue.json")), "nothing is written when there are errors");
  }

  @Test
  void compile_validCatalogue_writesJsonAndSummary() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().startsWith(
        "Catalogue T1 as of 2026-11-21: 1 service, 0 sub-types, 1 document, 1 requirement, 0 warnings\n"),
        run.out());
    String json = Files.readString(dir.resolve("out/catalogue.json"));
    assertTrue(json.startsWith("{\n  \"format\" : \"talap-catalogue/1\",\n  \"as_of\" : \"2026-11-21\",\n"), json);
    assertTrue(json.contains("\"condition\" : \"!(citizenship in eaeu)\""), json);
  }

  @Test
  void compile_unknownDocumentCode_reportsTheCell() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Requirements", 0, "document", "PASSPRT"));
    assertFails(run, "t.xlsx: Requirements!E2: error: unknown document code 'PASSPRT' — did you mean 'PASSPORT'?",
        "talap compile: 1 error, 0 warnings; nothing written");
  }

  @Test
  void compile_unknownCodeFarFromAnyKnown_hasNoSuggestion() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Requirements", 0, "document", "VISA"));
    assertFails(run, "t.xlsx: Requirements!E2: error: unknown document code 'VISA'");
  }

  @Test
  void compile_misspeltEnumValue_suggestsTheNearest() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Services", 0, "status", "IN_FORSE"));
    assertFails(run, "t.xlsx: Services!B2: error: unknown value 'IN_FORSE' — did you mean 'IN_FORCE'? "
        + "(expected one of IN_FORCE, PILOT, DRAFT)");
  }

  @Test
  void compile_misspeltNorm_suggestsTheNearest() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Services", 0, "citation", "ORDER_929, Annex 3"));
    assertFails(run, "t.xlsx: Services!Z2: error: unknown norm 'ORDER_929' — did you mean 'ORDER_992'? "
        + "(or declare it in the Norms sheet)");
  }

  @Test
  void compile_misspeltFactInCondition_suggestsTheNearest() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Requirements", 0, "condition", "citizenshp == 'KZ'"));
    assertFails(run, "t.xlsx: Requirements!H2: error: unknown fact 'citizenshp' — did you mean 'citizenship'? "
        + "(or declare it in the Facts sheet) (character 1)\n    citizenshp == 'KZ'\n    ^");
  }

  @Test
  void compile_textNotAmongTheFactsAllowedValues_suggestsTheNearest() throws IOException {
    TestCatalogue catalogue = TestCatalogue.valid().row("Facts", "name", "purpose", "type", "TEXT", "allowed_values",
        "WORK, STUDY", "label_kk", "Мақсаты", "label_ru", "Цель", "label_en", "Purpose");
    CliRun run = compileWith(catalogue.set("Requirements", 0, "condition", "purpose == 'WROK'"));
    assertFails(run, "t.xlsx: Requirements!H2: error: 'WROK' is not an allowed value of fact 'purpose' — did you "
        + "mean 'WORK'? (allowed: WORK, STUDY) (character 12)\n    purpose == 'WROK'\n               ^");
  }

  @Test
  void compile_duplicateCode_pointsAtBothRows() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().copy("Documents", 0));
    assertFails(run, "t.xlsx: Documents!A3: error: duplicate code 'PASSPORT' (first defined at t.xlsx: Documents!A2)");
  }

  @Test
  void compile_celSyntaxError_pointsAtTheCharacter() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Requirements", 0, "condition", "age >= 14 && && true"));
    assertFails(run, "t.xlsx: Requirements!H2: error: expected a value after '&&', found '&&' (character 14)\n"
        + "    age >= 14 && && true\n                 ^");
  }

  @Test
  void compile_celTypeError_pointsAtTheOperator() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Requirements", 0, "condition", "age == 'x'"));
    assertFails(run, "t.xlsx: Requirements!H2: error: cannot compare fact 'age' (a whole number) with text 'x' "
        + "using '==' (character 5)\n    age == 'x'\n        ^");
  }

  @Test
  void compile_conditionNotBoolean_isATypeError() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Requirements", 0, "condition", "citizenship"));
    assertFails(run, "t.xlsx: Requirements!H2: error: the condition must give yes or no, but it gives text: "
        + "compare it, for example with '==' (character 1)\n    citizenship\n    ^");
  }

  @Test
  void compile_undeclaredFact_namesTheFact() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Requirements", 0, "condition", "age > 1 && !owns_housing"));
    assertFails(run, "t.xlsx: Requirements!H2: error: unknown fact 'owns_housing' (declare it in the Facts "
        + "sheet) (character 13)\n    age > 1 && !owns_housing\n                ^");
  }

  @Test
  void compile_dateFactInCondition_explainsWhy() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Requirements", 0, "condition", "birth_date == ''"));
    assertFails(run, "t.xlsx: Requirements!H2: error: fact 'birth_date' is a date and cannot be used in a "
        + "condition; use a fact derived from it (character 1)\n    birth_date == ''\n    ^");
  }

  @Test
  void compile_missingTranslation_isAnErrorByDefault() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Documents", 0, "name_ru", ""));
    assertFails(run, "t.xlsx: Documents!C2: error: missing Russian translation: name_ru is empty");
  }

  @Test
  void compile_missingTranslation_isAWarningWhenAllowed() throws IOException {
    Path workbook = TestCatalogue.valid().set("Documents", 0, "name_ru", "").write(dir.resolve("t.xlsx"));
    CliRun run = compile(workbook, "--allow-missing-translations");
    assertEquals(0, run.exit(), run.err());
    assertEquals("t.xlsx: Documents!C2: warning: missing Russian translation: name_ru is empty\n", run.err());
  }

  @Test
  void compile_conditionWithoutExplanation_isAnError() throws IOException {
    TestCatalogue catalogue = TestCatalogue.valid();
    for (String language : new String[] {"kk", "ru", "en"}) {
      catalogue.set("Requirements", 0, "explanation_" + language, "");
    }
    assertFails(compileWith(catalogue),
        "t.xlsx: Requirements!I2: error: required text 'explanation' is empty in all languages");
  }

  @Test
  void compile_badDate_reportsTheExpectedFormat() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Parameters", 0, "valid_from", "2026-13-01"));
    assertFails(run, "t.xlsx: Parameters!E2: error: bad date '2026-13-01' in valid_from (expected YYYY-MM-DD)");
  }

  @Test
  void compile_overlappingValidity_forTheSameKey() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid()
        .copy("Parameters", 0, "amount", "4500", "valid_from", "2026-06-01", "valid_to", "2027-12-31"));
    assertFails(run, "t.xlsx: Parameters!A3: error: validity 2026-06-01..2027-12-31 of 'MCI' overlaps "
        + "2026-01-01..2026-12-31 at t.xlsx: Parameters!A2");
  }

  @Test
  void compile_disjointValidity_forTheSameKey_isFine() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid()
        .copy("Parameters", 0, "amount", "3932", "valid_from", "2025-01-01", "valid_to", "2025-12-31"));
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void compile_illegalCodeCharacters() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Documents", 0, "code", "passport-1"));
    assertFails(run, "t.xlsx: Documents!A2: error: illegal characters in code 'passport-1': use only A-Z, 0-9 and _",
        "t.xlsx: Requirements!E2: error: unknown document code 'PASSPORT'");
  }

  @Test
  void compile_emptyRequiredCell() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Requirements", 0, "citation", ""));
    assertFails(run, "t.xlsx: Requirements!R2: error: required cell 'citation' is empty");
  }

  @Test
  void compile_badEnumValue_listsTheAllowedValues() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Documents", 0, "origin", "ABROAD"));
    assertFails(run, "t.xlsx: Documents!E2: error: unknown value 'ABROAD' (expected one of APPLICANT, KZ, FOREIGN, ANY)");
  }

  @Test
  void compile_referenceNotInForceOnTheAsOfDate() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid().set("Services", 0, "valid_to", "2025-12-31"));
    assertFails(run, "t.xlsx: Requirements!B2: error: service 'SVC' is not in force on 2026-11-21");
  }

  @Test
  void compile_reportsEveryProblemInOneRun_sortedByCell() throws IOException {
    CliRun run = compileWith(TestCatalogue.valid()
        .set("Requirements", 0, "document", "PASSPRT")
        .set("Documents", 0, "name_en", "")
        .set("Parameters", 0, "valid_to", "someday"));
    assertEquals(1, run.exit());
    assertEquals("""
        t.xlsx: Documents!D2: error: missing English translation: name_en is empty
        t.xlsx: Parameters!F2: error: bad date 'someday' in valid_to (expected YYYY-MM-DD)
        t.xlsx: Requirements!E2: error: unknown document code 'PASSPRT' — did you mean 'PASSPORT'?
        talap compile: 3 errors, 0 warnings; nothing written
        """, run.err());
  }

  @Test
  void compile_severalWorkbooks_resolveReferencesAcrossFiles() throws IOException {
    TestCatalogue main = TestCatalogue.valid();
    TestCatalogue ministry = new TestCatalogue();
    ministry.tables.put("Documents", main.tables.remove("Documents"));
    main.write(dir.resolve("a.xlsx"));
    ministry.write(dir.resolve("b.xlsx"));
    CliRun run = compile(dir);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("1 document, 1 requirement"), run.out());
  }

  @Test
  void compile_duplicateAcrossWorkbooks_namesBothFiles() throws IOException {
    TestCatalogue.valid().write(dir.resolve("a.xlsx"));
    new TestCatalogue().row("Documents", "code", "PASSPORT", "name_kk", "П", "name_ru", "П", "name_en", "P",
        "origin", "ANY").write(dir.resolve("b.xlsx"));
    assertFails(compile(dir),
        "b.xlsx: Documents!A2: error: duplicate code 'PASSPORT' (first defined at a.xlsx: Documents!A2)");
  }

  @Test
  void compile_errors_leaveThePreviousOutputUntouched() throws IOException {
    Path out = dir.resolve("out/catalogue.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, "previous");
    CliRun run = compileWith(TestCatalogue.valid().set("Requirements", 0, "document", "PASSPRT"));
    assertEquals(1, run.exit());
    assertEquals("previous", Files.readString(out));
  }

  @Test
  void compile_missingFile_isAnInputError() {
    CliRun run = compile(dir.resolve("nope.xlsx"));
    assertEquals(2, run.exit());
    assertEquals(dir.resolve("nope.xlsx") + ": error: no such file\n", run.err());
  }

  @Test
  void compile_textFileNamedXlsx_isAnInputError() throws IOException {
    Path file = Files.writeString(dir.resolve("t.xlsx"), "code,name\nA,B\n");
    CliRun run = compile(file);
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith(file + ": error: cannot read as an .xlsx workbook ("), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace");
  }

  @Test
  void compile_truncatedWorkbook_isAnInputError() throws IOException {
    Path file = TestCatalogue.valid().write(dir.resolve("t.xlsx"));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    CliRun run = compile(file);
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith(file + ": error: cannot read as an .xlsx workbook ("), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void compile_badAsOfDate_isAUsageError() {
    CliRun run = CliRun.of("compile", "--as-of", "21.11.2026");
    assertEquals(2, run.exit());
    assertEquals("talap compile: bad date '21.11.2026' for --as-of (expected YYYY-MM-DD)\n", run.err());
  }

  @Test
  void compile_unknownOption_isAUsageError() {
    CliRun run = CliRun.of("compile", "--frobnicate");
    assertEquals(2, run.exit());
    assertEquals("talap compile: Unrecognized option: --frobnicate\nRun 'talap compile --help' for the options.\n",
        run.err());
  }

  @Test
  void unknownCommand_isAUsageError() {
    CliRun run = CliRun.of("compiel");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("talap: unknown command 'compiel'\nusage: talap <command>"), run.err());
  }

  @Test
  void compile_shippedCatalogue_hasNoErrorsAndIsDeterministic() throws IOException {
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");
    CliRun run = CliRun.of("compile", "--catalogue", "catalogue", "--as-of", "2026-11-21", "--out", first.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().startsWith("Catalogue 2026.1 as of 2026-11-21: 4 services, 12 sub-types, "), run.out());
    assertEquals(0, CliRun.of("compile", "--as-of", "2026-11-21", "--out", second.toString()).exit());
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
  }
}

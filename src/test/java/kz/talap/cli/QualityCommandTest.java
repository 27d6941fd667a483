package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityCommandTest {
  private static final String AS_OF = "2026-11-21";

  @TempDir Path dir;

  private CliRun quality(TestCatalogue catalogue, String... extra) throws IOException {
    Path workbook = catalogue.write(dir.resolve("t.xlsx"));
    List<String> args = new ArrayList<>(List.of("quality", "--catalogue", workbook.toString(), "--as-of", AS_OF));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** The finding lines of a text report. */
  private static List<String> findings(CliRun run) {
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    return run.out().lines().filter(l -> l.startsWith("t.xlsx: ")).toList();
  }

  private static TestCatalogue withFact(String name, String type, String... more) {
    TestCatalogue catalogue = TestCatalogue.valid();
    List<String> row = new ArrayList<>(List.of("name", name, "type", type, "label_kk", name + " kk",
        "label_ru", name + " ru", "label_en", name + " en"));
    row.addAll(List.of(more));
    return catalogue.row("Facts", row.toArray(String[]::new));
  }

  @Test
  void quality_neverTrueCondition_isReportedAtItsCell() throws IOException {
    CliRun run = quality(TestCatalogue.valid().set("Requirements", 0, "condition", "age > 200")
        .set("Documents", 0, "name_ru", ""));
    assertEquals("""
        Quality of catalogue T1 as of 2026-11-21

        Texts filled per language (filled / texts in use):
          table         kk              ru              en
          Norms         3/3 100%        3/3 100%        3/3 100%
          Channels      2/2 100%        2/2 100%        2/2 100%
          Services      4/4 100%        4/4 100%        4/4 100%
          Documents     1/1 100%        0/1 0%          1/1 100%
          Requirements  1/1 100%        1/1 100%        1/1 100%
          Facts         3/3 100%        3/3 100%        3/3 100%
          citations     5/5 100%        5/5 100%        5/5 100%
          all tables    19/19 100%      18/19 94%       19/19 100%

        t.xlsx: Documents!C2: warning: missing Russian translation: name_ru is empty
        t.xlsx: Requirements!H2: warning: condition never holds (false for all 2 values of age): the document is \
        never required

        2 warnings, 0 notes
        """, run.out());
    assertEquals(0, run.exit());
  }

  @Test
  void quality_contradiction_neverHolds() throws IOException {
    CliRun run = quality(withFact("owns_housing", "BOOL")
        .set("Requirements", 0, "condition", "owns_housing && !owns_housing"));
    assertEquals(List.of("t.xlsx: Requirements!H2: warning: condition never holds (false for all 2 values of "
        + "owns_housing): the document is never required"), findings(run));
  }

  @Test
  void quality_tautology_alwaysHolds() throws IOException {
    CliRun run = quality(TestCatalogue.valid()
        .set("Requirements", 0, "condition", "citizenship in eaeu || !(citizenship in eaeu)"));
    assertEquals(List.of("t.xlsx: Requirements!H2: warning: condition always holds (true for all 2 values of "
        + "citizenship): the condition can be removed"), findings(run));
  }

  @Test
  void quality_ageBoundaries_areTriedAroundEveryNumber() throws IOException {
    CliRun ok = quality(TestCatalogue.valid().set("Requirements", 0, "condition", "age >= 14 && age < 18"));
    assertEquals(List.of(), findings(ok));
    CliRun always = quality(TestCatalogue.valid().set("Requirements", 0, "condition", "age >= 0 || age > 150"));
    assertEquals(List.of("t.xlsx: Requirements!H2: warning: condition always holds (true for all 3 values of age): "
        + "the condition can be removed"), findings(always));
  }

  @Test
  void quality_severalFacts_areCombined() throws IOException {
    CliRun run = quality(withFact("refugee", "BOOL")
        .set("Requirements", 0, "condition", "refugee && citizenship == 'CN' && age > 130"));
    assertEquals(List.of("t.xlsx: Requirements!H2: warning: condition never holds (false for all 12 combinations of "
        + "age, citizenship, refugee): the document is never required"), findings(run));
  }

  @Test
  void quality_textWithAllowedValues_triesOnlyThose() throws IOException {
    CliRun run = quality(withFact("region", "TEXT", "allowed_values", "ASTANA,ALMATY")
        .set("Requirements", 0, "condition", "region == 'ASTANA' && region == 'ALMATY'"));
    assertEquals(List.of("t.xlsx: Requirements!H2: warning: condition never holds (false for all 2 values of "
        + "region): the document is never required"), findings(run));
  }

  @Test
  void quality_countryNamedInTheCondition_isTried() throws IOException {
    CliRun run = quality(TestCatalogue.valid().set("Requirements", 0, "condition", "citizenship == 'CN'"));
    assertEquals(List.of(), findings(run));
  }

  @Test
  void quality_categoryAndEligibility_haveTheirOwnWords() throws IOException {
    CliRun run = quality(withFact("minor", "BOOL")
        .set("Services", 0, "eligibility", "age < 0")
        .set("Services", 0, "eligibility_kk", "Ешкім")
        .set("Services", 0, "eligibility_ru", "Никто")
        .set("Services", 0, "eligibility_en", "No one")
        .row("Categories", "code", "MINORS", "service", "SVC", "order", "1", "condition", "minor || !minor",
            "name_kk", "Балалар", "name_ru", "Дети", "name_en", "Children", "explanation_kk", "Балалар",
            "explanation_ru", "Дети", "explanation_en", "Children", "citation", "ORDER_992, Annex 3, item 8"));
    assertEquals(List.of(
        "t.xlsx: Categories!D2: warning: condition always holds (true for all 2 values of minor): every applicant "
            + "is in this category",
        "t.xlsx: Services!V2: warning: condition never holds (false for all 3 values of age): no applicant is ever "
            + "eligible"), findings(run));
  }

  @Test
  void quality_conditionWithoutFacts_alwaysHolds() throws IOException {
    CliRun run = quality(TestCatalogue.valid().set("Requirements", 0, "condition", "1 < 2"));
    assertEquals(List.of("t.xlsx: Requirements!H2: warning: condition always holds (it uses no facts): the condition "
        + "can be removed"), findings(run));
  }

  @Test
  void quality_conditionThatFails_isReportedWithTheValues() throws IOException {
    CliRun run = quality(TestCatalogue.valid().set("Requirements", 0, "condition", "100 / (age - 13) > 1"));
    assertEquals(List.of("t.xlsx: Requirements!H2: warning: condition cannot be evaluated for age = 13: "
        + "division by zero (/ by zero)"), findings(run));
  }

  @Test
  void quality_tooManyCombinations_isNotAnalysed() throws IOException {
    TestCatalogue catalogue = TestCatalogue.valid();
    List<String> names = new ArrayList<>();
    for (char c = 'a'; c <= 'q'; c++) {
      String name = "fact_" + c;
      names.add(name);
      catalogue.row("Facts", "name", name, "type", "BOOL", "label_kk", name, "label_ru", name + "_ru",
          "label_en", name + "_en");
    }
    CliRun run = quality(catalogue.set("Requirements", 0, "condition", String.join(" || ", names)));
    assertEquals(List.of("t.xlsx: Requirements!H2: info: condition not analysed: its 17 facts give 131,072 "
        + "combinations, more than 100,000"), findings(run));
  }

  @Test
  void quality_duplicateNamesAndUntranslatedText() throws IOException {
    CliRun run = quality(TestCatalogue.valid()
        .copy("Documents", 0, "code", "PASSPORT_COPY", "name_kk", "Паспорт көшірмесі", "name_en", "Passport copy")
        .set("Channels", 0, "how_en", "Обратитесь"));
    assertEquals(List.of(
        "t.xlsx: Channels!G2: warning: how_en is the same as how_ru ('Обратитесь'): translate it",
        "t.xlsx: Documents!C3: warning: duplicate wording: name_ru 'Паспорт' is the same as at t.xlsx: Documents!C2"),
        findings(run));
  }

  @Test
  void quality_endedRowAndPlaceholderNorm() throws IOException {
    CliRun run = quality(TestCatalogue.valid()
        .set("Requirements", 0, "valid_to", "2025-12-31")
        .set("Norms", 1, "name_en", "TODO official name")
        .copy("Requirements", 0, "valid_from", "2026-01-01", "valid_to", ""));
    assertEquals(List.of(
        "t.xlsx: Norms!D3: warning: the name of norm 'EAEU_TREATY' looks like a placeholder: 'TODO official name': "
            + "give the official name of the act",
        "t.xlsx: Requirements!T2: info: row ended on 2025-12-31, before 2026-11-21: kept for history, not shown; "
            + "in force instead: t.xlsx: Requirements!A3"), findings(run));
  }

  @Test
  void quality_markdown() throws IOException {
    CliRun run = quality(TestCatalogue.valid().set("Requirements", 0, "condition", "age > 200"), "--format",
        "markdown");
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        # Quality of catalogue T1 as of 2026-11-21

        ## Texts filled per language

        | table | kk | ru | en |
        |---|---:|---:|---:|
        | Norms | 3/3 100% | 3/3 100% | 3/3 100% |
        | Channels | 2/2 100% | 2/2 100% | 2/2 100% |
        | Services | 4/4 100% | 4/4 100% | 4/4 100% |
        | Documents | 1/1 100% | 1/1 100% | 1/1 100% |
        | Requirements | 1/1 100% | 1/1 100% | 1/1 100% |
        | Facts | 3/3 100% | 3/3 100% | 3/3 100% |
        | citations | 5/5 100% | 5/5 100% | 5/5 100% |
        | **all tables** | 19/19 100% | 19/19 100% | 19/19 100% |

        ## Findings

        1 warning, 0 notes.

        | | cell | message |
        |---|---|---|
        | warning | t.xlsx: Requirements!H2 | condition never holds (false for all 2 values of age): the document is \
        never required |
        """, run.out());
  }

  @Test
  void quality_json() throws IOException {
    CliRun run = quality(TestCatalogue.valid().set("Documents", 0, "name_ru", ""), "--format", "json");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("""
        {
          "format" : "talap-quality/1",
          "catalogue_version" : "T1",
          "as_of" : "2026-11-21",
          "completeness" : [ {
            "table" : "Norms",
            "texts" : 3,
            "filled" : {
              "kk" : 3,
              "ru" : 3,
              "en" : 3
            },
        """), run.out());
    assertTrue(run.out().endsWith("""
          "findings" : [ {
            "level" : "warning",
            "code" : "missing-translation",
            "file" : "t.xlsx",
            "sheet" : "Documents",
            "cell" : "C2",
            "message" : "missing Russian translation: name_ru is empty"
          } ],
          "editor_notes" : [ ],
          "summary" : {
            "warnings" : 1,
            "notes" : 0
          }
        }
        """), run.out());
  }

  @Test
  void quality_catalogueWithErrors_exitsOne() throws IOException {
    CliRun run = quality(TestCatalogue.valid().set("Requirements", 0, "document", "PASSPRT"));
    assertEquals(1, run.exit());
    assertEquals("", run.out());
    assertEquals("t.xlsx: Requirements!E2: error: unknown document code 'PASSPRT' — did you mean 'PASSPORT'?\n"
        + "talap quality: 1 error in the catalogue; fix them first (talap compile, talap annotate)\n", run.err());
  }

  @Test
  void quality_allowMissingTranslations_isAcceptedAndChangesNothing() throws IOException {
    TestCatalogue catalogue = TestCatalogue.valid().set("Documents", 0, "name_ru", "");
    assertEquals(quality(catalogue).out(), quality(catalogue, "--allow-missing-translations").out());
  }

  @Test
  void quality_badFormat_isAUsageError() throws IOException {
    CliRun run = quality(TestCatalogue.valid(), "--format", "pdf");
    assertEquals(2, run.exit());
    assertEquals("talap quality: unknown format 'pdf' (expected text, markdown or json)\n", run.err());
  }

  @Test
  void quality_shippedCatalogue_isClean() {
    CliRun run = CliRun.of("quality", "--as-of", AS_OF);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("\n  all tables "), run.out());
    // Citations are complete in every language; the only notes are the rows of the IT pilot draft, which ended
    // with 2025, kept for history.
    assertTrue(run.out().contains("\n  citations       335/335 100%    335/335 100%    335/335 100%\n"), run.out());
    assertTrue(run.out().contains("\n  all tables      916/916 100%    916/916 100%    916/916 100%\n"), run.out());
    assertTrue(run.out().endsWith("\n0 warnings, 32 notes\n"), run.out());
    // Editor notes are listed for editors, with their cell.
    assertTrue(run.out().contains("\nEditor notes (for editors only; never shown to applicants):\n"), run.out());
    assertTrue(run.out().contains("\n  pilots-and-cards.xlsx: Services!X3: Seed 001: in force from official "
        + "publication (the date is not in the seed) until 31.12.2026. Press reports give 13 February 2026 as the "
        + "start: medium confidence; replace with the official publication date once confirmed.\n"), run.out());
  }

  @Test
  void quality_editorNotes_listedWithTheirCell() throws IOException {
    CliRun run = quality(TestCatalogue.valid().set("Requirements", 0, "editor_note", "Press only: medium confidence"));
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("Editor notes (for editors only; never shown to applicants):\n"
        + "  t.xlsx: Requirements!U2: Press only: medium confidence\n"), run.out());
  }
}

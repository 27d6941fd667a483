package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.talap.workbook.WorkbookWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code talap test}: the scenarios of the Tests sheets. */
class TestCommandTest {
  @TempDir Path dir;

  private static Map<String, String> row(String... pairs) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put(pairs[i], pairs[i + 1]);
    }
    return row;
  }

  private Path tests(List<Map<String, String>> rows) throws IOException {
    Path file = dir.resolve("wrong.xlsx");
    WorkbookWriter.write(file, Map.of("Tests", rows));
    return file;
  }

  private static CliRun test(Path tests) {
    return CliRun.of("test", "--as-of", "2026-11-21", "--catalogue", "catalogue/residence.xlsx",
        "catalogue/reference.xlsx", "catalogue/pilots-and-cards.xlsx", tests.toString());
  }

  @Test
  void test_shippedScenarios_allPass() {
    CliRun run = CliRun.of("test", "--as-of", "2026-11-21");
    assertEquals("63 scenarios: 63 passed, 0 failed\n", run.out());
    assertEquals("", run.err());
    assertEquals(0, run.exit());
  }

  @Test
  void test_wrongScenario_failsWithItsRow() throws IOException {
    String documents = "TRP_APPLICATION_FORM; TRP_IDENTITY_DOCUMENT; TRP_HOUSING_CONSENT; TRP_FINGERPRINT_CERTIFICATE; "
        + "TRP_WORK_LABOUR_PERMIT";
    // A citizen of an EAEU country needs no work permit: the registered contract is their basis.
    String eaeu = documents.replace("TRP_WORK_LABOUR_PERMIT", "TRP_WORK_EMPLOYMENT_CONTRACT");
    Path file = tests(List.of(
        row("code", "W1_EAEU", "service", "TRP", "subtype", "TRP_WORK", "channel", "PROVIDER", "date", "2026-03-20",
            "facts", "citizenship=RU; birth_date=1988-11-02", "documents", eaeu, "expected_verdict",
            "INCOMPLETE", "expected_missing", "TRP_REQ_HEALTH_INSURANCE"),
        row("code", "W2_UZ", "service", "TRP", "subtype", "TRP_WORK", "channel", "PROVIDER", "date", "2026-03-20",
            "facts", "citizenship=UZ; birth_date=1988-11-02", "documents", documents, "expected_verdict",
            "COMPLETE", "expected_due", "2026-03-23"),
        row("code", "W3_OK", "service", "TRP", "subtype", "TRP_WORK", "channel", "PROVIDER", "date", "2026-03-20",
            "facts", "citizenship=RU; birth_date=1988-11-02", "documents", eaeu, "expected_verdict",
            "COMPLETE", "expected_due", "2026-03-26")));
    CliRun run = test(file);
    assertEquals(1, run.exit(), run.err());
    assertEquals("wrong.xlsx: Tests!A2: W1_EAEU: expected incomplete, got complete; missing TRP_REQ_HEALTH_INSURANCE "
        + "not reported\n"
        + "wrong.xlsx: Tests!A3: W2_UZ: expected complete, got incomplete; unexpected missing TRP_REQ_HEALTH_INSURANCE "
        + "(Missing: Copy of health insurance.); expected due 2026-03-23, got none\n"
        + "3 scenarios: 1 passed, 2 failed\n", run.out());
  }

  @Test
  void test_unreadableCell_isReportedAtThatCell() throws IOException {
    Path file = tests(List.of(
        row("code", "B1", "service", "TRP", "subtype", "TRP_WORK", "channel", "PROVIDER", "date", "2026-03-20",
            "facts", "citizenship=RU; birth_date=1988-11-02; owns_housing=yes", "expected_verdict", "COMPLETE"),
        row("code", "B2", "service", "TRP", "subtype", "TRP_WORK", "channel", "PROVIDER", "date", "2026-03-20",
            "facts", "citizenship=RU; birth_date=1988-11-02", "documents", "TRP_APPLICATION_FORM(colour=red)",
            "expected_verdict", "COMPLETE")));
    CliRun run = test(file);
    assertEquals(1, run.exit());
    assertEquals("wrong.xlsx: Tests!I2: B1: $.facts.owns_housing: expected true or false, got \"yes\"\n"
        + "wrong.xlsx: Tests!J3: B2: documents: cannot read 'TRP_APPLICATION_FORM(colour=red)' (expected CODE or "
        + "CODE(issued_on=YYYY-MM-DD, valid_until=…, language=xx, translated, issued_in=XX, issuer=authority|private, legalised, apostille, no_original))\n"
        + "2 scenarios: 0 passed, 2 failed\n", run.out());
  }

  @Test
  void test_noScenarios_isAFailure() {
    CliRun run = CliRun.of("test", "--as-of", "2026-11-21", "--catalogue", "catalogue/residence.xlsx",
        "catalogue/reference.xlsx", "catalogue/pilots-and-cards.xlsx");
    assertEquals(1, run.exit());
    assertEquals("talap test: no scenarios: the catalogue has no rows in a Tests sheet\n", run.err());
  }
}

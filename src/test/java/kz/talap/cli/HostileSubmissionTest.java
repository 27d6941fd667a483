package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: hostile submissions are reported on their own, at their place, and never stop the batch. */
class HostileSubmissionTest {
  @TempDir Path dir;

  static final String PRP = "catalogue/examples/prp-complete.json";
  static final String RENEWAL = "catalogue/examples/rp-card-renewal-complete.json";

  private Path variant(String name, String example, String from, String to) throws IOException {
    String text = Files.readString(Path.of(example));
    assertTrue(text.contains(from), from);
    return Files.writeString(dir.resolve(name), text.replace(from, to));
  }

  @Test
  void check_hugeNumbersAndFarDates_eachReportedAtItsPathAndTheOthersChecked() throws IOException {
    Path amount = variant("a-amount.json", PRP, "\"amount_kzt\": 17300", "\"amount_kzt\": 1e400");
    Path at = variant("b-at.json", PRP, "\"2026-04-02T10:30\"", "\"+999999999-12-31T23:59:59-18:00\"");
    Path zone = variant("c-zone.json", PRP, "\"2026-04-02T10:30\"", "\"9999-12-31T23:59:59-18:00\"");
    Path past = variant("d-past.json", RENEWAL, "\"2026-06-10\"", "\"0001-01-01\"");
    Path future = variant("e-future.json", RENEWAL, "\"2026-06-10\"", "\"9999-12-31\"");
    Path age = variant("f-age.json", PRP, "\"ethnic_kazakh\": true", "\"ethnic_kazakh\": 1e400");
    Path good = Files.copy(Path.of(PRP), dir.resolve("g-good.json"));
    CliRun run = CheckCommandTest.check("--format", "json", dir.toString());
    assertEquals(2, run.exit());
    assertEquals(amount + ": $.payments[0].amount_kzt: expected a positive amount in tenge (at most "
        + "1000000000000, with at most 2 decimals), got 1E+400\n"
        + at + ": $.submitted_at: expected a date-time YYYY-MM-DDTHH:MM (Asia/Almaty), got "
        + "\"+999999999-12-31T23:59:59-18:00\"\n"
        + zone + ": $.submitted_at: expected a date-time from 1900-01-01 to 9999-12-31 (Asia/Almaty), got "
        + "\"9999-12-31T23:59:59-18:00\"\n"
        + past + ": $.facts.permit_valid_until: expected a date from 1900-01-01 to 9999-12-31, got \"0001-01-01\"\n"
        + age + ": $.facts.ethnic_kazakh: expected true or false, got 1E+400\n", run.err());
    assertTrue(run.out().contains("\"source\":\"" + future + "\""), run.out());
    assertTrue(run.out().contains("\"source\":\"" + good + "\""), run.out());
    int checked = 0;
    for (var result : new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("results")) {
      checked += result.has("findings") ? 1 : 0;
    }
    assertEquals(2, checked, run.out());
  }

  @Test
  void check_twoObjectsInAJsonFile_isAnErrorAfterTheFirst() throws IOException {
    String one = Files.readString(Path.of(PRP));
    Path two = Files.writeString(dir.resolve("two.json"), one + one);
    Path nul = Files.writeString(dir.resolve("nul.json"), one + "\u0000");
    CliRun run = CheckCommandTest.check(two.toString(), nul.toString(), PRP);
    assertEquals(2, run.exit());
    assertEquals(two + ":49:1: more content after the submission: a file holds exactly one JSON value (use .jsonl "
        + "for one submission per line)\n"
        + nul + ":49:2: malformed JSON: Illegal character ((CTRL-CHAR, code 0)): only regular white space (\\r, "
        + "\\n, \\t) is allowed between tokens\n", run.err());
    assertTrue(run.out().contains("Verdict: complete"), run.out());
  }

  @Test
  void check_byteOrderMark_isAccepted() throws IOException {
    Path bom = Files.write(dir.resolve("bom.json"), ("\uFEFF" + Files.readString(Path.of(PRP)))
        .getBytes(StandardCharsets.UTF_8));
    CliRun run = CheckCommandTest.check(bom.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("Verdict: complete"), run.out());
  }

  @Test
  void check_controlCharactersAndLongValues_areEscapedAndShortened() throws IOException {
    Path file = variant("esc.json", PRP, "\"code\": \"PRP_PHOTO\"", "\"code\": \"\\u001b[2J\\u001b[31mPHOTO\"");
    Path longCode = variant("long.json", PRP, "\"code\": \"PRP_PHOTO\"", "\"code\": \"" + "X".repeat(100_000) + "\"");
    CliRun run = CheckCommandTest.check(file.toString(), longCode.toString());
    assertEquals(2, run.exit());
    assertFalse(run.err().contains("\u001b"), run.err());
    assertEquals(file + ": $.documents[4].code: unknown document '\\u001b[2J\\u001b[31mPHOTO' (see the Documents "
        + "sheet or 'talap schema')\n"
        + longCode + ": $.documents[4].code: unknown document '" + "X".repeat(60) + "… (100000 characters)' (see "
        + "the Documents sheet or 'talap schema')\n", run.err());
  }

  @Test
  void check_unknownFieldWithEscapes_isEscapedInTheTextReportFile() throws IOException {
    Path file = variant("field.json", PRP, "\"id\": \"prp-complete\"", "\"id\": \"prp\\u001b]0;owned\\u0007\"");
    Path report = dir.resolve("report.txt");
    CliRun run = CheckCommandTest.check("--out", report.toString(), file.toString());
    assertEquals(0, run.exit(), run.err());
    String text = Files.readString(report);
    assertFalse(text.contains("\u001b"), text);
    assertTrue(text.contains("prp\\u001b]0;owned\\u0007"), text);
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.talap.account.Account;
import kz.talap.account.Account.Kind;
import kz.talap.account.Account.Role;
import kz.talap.check.CheckResult;
import kz.talap.check.Checker;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.journal.CheckRecord;
import kz.talap.journal.Journal;
import kz.talap.json.JournalJson;
import kz.talap.json.SubmissionJson;
import kz.talap.model.Catalogue;
import kz.talap.workbook.WorkbookReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * talap journal through the command line: three checks of the shipped examples recorded as the server records them,
 * then listed, filtered, exported, shown and re-run.
 */
class JournalCommandTest {
  @TempDir static Path dir;
  static String db;

  @BeforeAll
  static void recordThreeChecks() throws Exception {
    db = "jdbc:sqlite:" + dir.resolve("talap.db");
    Catalogue catalogue = CatalogueCompiler.compile(WorkbookReader.read(List.of(ShippedCatalogue.FOLDER)),
        LocalDate.of(2026, 11, 21), true).catalogue().orElseThrow();
    Account aliya = new Account("aliya", Kind.STAFF, Role.CLERK, "ALM-01", false);
    Account egov = new Account("egov-bridge", Kind.CLIENT, Role.CLERK, "AST-02", false);
    try (Journal journal = Journal.open(db)) {
      record(journal, catalogue, "c-1", "2026-03-20T05:15:00Z", aliya, "trp-work-complete.json");
      record(journal, catalogue, "c-2", "2026-03-20T05:40:30Z", aliya, "trp-work-incomplete.json");
      record(journal, catalogue, "c-3", "2026-04-02T10:31:00Z", egov, "prp-complete.json");
    }
  }

  static void record(Journal journal, Catalogue catalogue, String id, String at, Account by, String example)
      throws Exception {
    String text = Files.readString(Path.of("catalogue/examples", example), StandardCharsets.UTF_8);
    CheckResult result = new Checker(catalogue).check(SubmissionJson.read(text, catalogue).submission().get());
    journal.record(CheckRecord.of(id, Instant.parse(at), by, catalogue.version(), "sha256:0f1e2d", result, text,
        JournalJson.result(id, result, catalogue.version())));
  }

  static CliRun journal(String... args) {
    List<String> all = new ArrayList<>(List.of("journal", "--db", db));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void journal_noFilter_listsEveryCheckOldestFirst() {
    assertEquals(new CliRun(0, """
        TIME                 OFFICE  BY           SERVICE       VERDICT     DUE         ID
        2026-03-20 10:15:00  ALM-01  aliya        TRP/TRP_WORK  complete    2026-03-26  c-1
        2026-03-20 10:40:30  ALM-01  aliya        TRP/TRP_WORK  incomplete  -           c-2
        2026-04-02 15:31:00  AST-02  egov-bridge  PRP           complete    2026-05-18  c-3
        3 checks.
        """, ""), journal());
  }

  @Test
  void journal_filters_selectTheirChecks() {
    assertEquals("c-3", lastId(journal("--office", "AST-02")));
    assertEquals("c-2", lastId(journal("--verdict", "incomplete")));
    assertEquals("c-3", lastId(journal("--from", "2026-04-01", "--to", "2026-04-02")));
    assertEquals("c-3", lastId(journal("--service", "PRP", "--clerk", "egov-bridge")));
    assertEquals(new CliRun(0, "No checks match.\n", ""), journal("--to", "2026-03-19"));
  }

  private static String lastId(CliRun run) {
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("1 check.", lines.get(lines.size() - 1), run.out());
    String row = lines.get(lines.size() - 2);
    return row.substring(row.lastIndexOf(' ') + 1);
  }

  @Test
  void journal_csv_oneRowPerCheckWithAHeader() {
    assertEquals(new CliRun(0, "id,recorded_at,day,office,actor_kind,actor,catalogue_version,release_hash,service,"
        + "subtype,verdict,due\r\n"
        + "c-1,2026-03-20T05:15:00Z,2026-03-20,ALM-01,staff,aliya,VERSION,sha256:0f1e2d,TRP,TRP_WORK,complete,"
        + "2026-03-26\r\n"
        + "c-2,2026-03-20T05:40:30Z,2026-03-20,ALM-01,staff,aliya,VERSION,sha256:0f1e2d,TRP,TRP_WORK,incomplete,"
        + "\r\n", ""), journal("--format", "csv", "--to", "2026-03-20").withVersion());
  }

  @Test
  void journal_jsonl_carriesTheSubmissionAndTheResultAsJson() throws Exception {
    CliRun run = journal("--format", "jsonl", "--clerk", "egov-bridge");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(1, lines.size());
    JsonNode entry = new ObjectMapper().readTree(lines.get(0));
    assertEquals("c-3", entry.get("id").asText());
    assertEquals("client", entry.get("actor_kind").asText());
    assertEquals("2026-05-18", entry.get("due").asText());
    assertEquals("prp-complete", entry.get("submission").get("id").asText());
    assertEquals("talap-check/1", entry.get("result").get("format").asText());
    assertEquals("complete", entry.get("result").get("results").get(0).get("verdict").asText());
  }

  @Test
  void show_incompleteCheck_printsItsFindingsInTheChosenLanguage() throws Exception {
    CliRun run = journal("show", "c-2", "--lang", "ru");
    String submission = Files.readString(Path.of("catalogue/examples/trp-work-incomplete.json")).strip();
    assertEquals(0, run.exit(), run.err());
    String head = run.out().substring(0, run.out().indexOf("Findings:"));
    assertEquals("""
        Check c-2
        Recorded:  2026-03-20 10:40:30 (Asia/Almaty)
        Office:    ALM-01
        By:        aliya (staff)
        Catalogue: VERSION, release sha256:0f1e2d
        Release:   -
        Service:   TRP / TRP_WORK
        Verdict:   incomplete
        Due:       -
        """, new CliRun(0, head, "").withVersion().out());
    String findings = run.out().substring(run.out().indexOf("Findings:"), run.out().indexOf("Submission:\n"));
    golden("show-c-2.ru.txt", findings);
    assertEquals("Submission:\n" + submission + "\n", run.out().substring(run.out().indexOf("Submission:\n")));
  }

  @Test
  void rerun_sameCatalogue_nothingWouldChange() {
    assertEquals(new CliRun(0, "Check c-1 of 2026-03-20 10:15:00 (catalogue VERSION) on catalogue VERSION:\n"
        + "Nothing would change: the verdict (complete), the due date (2026-03-26) and the findings are the same.\n",
        ""), journal("rerun", "c-1", "--as-of", "2026-11-21").withVersion());
  }

  @Test
  void rerun_dutyRaisedToFiveMci_theCompletePrpCheckWouldNowBeIncomplete() throws Exception {
    Path edited = ShippedCatalogue.threeEdits().write(dir.resolve("edited"));
    CliRun run = journal("rerun", "c-3", "--as-of", "2026-11-21", "--catalogue", edited.toString());
    assertEquals(0, run.exit(), run.err());
    golden("rerun-c-3.en.txt", run.withVersion().out());
  }

  /** Compares with a file in src/test/resources/journal; {@code -Dtalap.golden=write} rewrites it instead. */
  static void golden(String name, String actual) throws Exception {
    Path file = Path.of("src/test/resources/journal", name);
    if ("write".equals(System.getProperty("talap.golden"))) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, name);
  }

  @Test
  void show_resultNotWrittenByTalap_saysWhichCheckAndWhy() throws Exception {
    String broken = "jdbc:sqlite:" + dir.resolve("broken.db");
    try (Journal journal = Journal.open(broken)) {
      journal.record(new CheckRecord("c-x", Instant.parse("2027-01-05T05:00:00Z"), "ALM-01", Kind.STAFF, "aliya",
          "0", "h", "PRP", java.util.Optional.empty(), "complete", java.util.Optional.empty(), "{}", "{\"results\":"));
    }
    assertEquals(new CliRun(2, "", "talap journal show: check c-x: the stored result is not JSON (line 1, column 12)\n"),
        CliRun.of("journal", "show", "c-x", "--db", broken));
  }

  @Test
  void journal_badInput_saysWhatIsWrong() {
    assertEquals(new CliRun(2, "", "talap journal: bad date '20.03.2026' for --from (expected YYYY-MM-DD)\n"),
        journal("--from", "20.03.2026"));
    assertEquals(new CliRun(2, "", "talap journal: --from 2026-04-02 is after --to 2026-03-20\n"),
        journal("--from", "2026-04-02", "--to", "2026-03-20"));
    assertEquals(new CliRun(2, "", "talap journal: unknown verdict 'ok' (expected complete or incomplete)\n"),
        journal("--verdict", "ok"));
    assertEquals(new CliRun(2, "", "talap journal: unknown format 'xml' (expected text, csv or jsonl)\n"),
        journal("--format", "xml"));
    assertEquals(new CliRun(2, "", "talap journal show: no check with the id 'c-9' in " + db + "\n"),
        journal("show", "c-9"));
    assertEquals(new CliRun(2, "", "talap journal: expected no argument, 'show ID' or 'rerun ID', not 'show'\n"),
        journal("show"));
  }
}

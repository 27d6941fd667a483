package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kz.talap.journal.Journal;
import kz.talap.journal.JournalQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** talap bench --journal through the command line: the figures are printed and every measured check is recorded. */
class JournalBenchTest {
  @TempDir Path dir;

  @Test
  void bench_journal_printsEachRateAndRecordsEveryCheck() {
    Path file = dir.resolve("bench/submissions.jsonl");
    CliRun run = CliRun.of("bench", "--count", "40", "--rounds", "1", "--file", file.toString(), "--journal",
        "--journal-count", "30", "--journal-threads", "3");
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    List<String> lines = run.out().lines().toList();
    List<String> journal = lines.subList(lines.indexOf(
        "Journal: 30 checks, each read, checked, written as talap-check/1 and committed before its answer"),
        lines.size());
    assertEquals(5, journal.size(), run.out());
    assertTrue(journal.get(1).matches("check, no journal +[0-9,]+ checks/s"), journal.get(1));
    assertTrue(journal.get(2).matches("check \\+ SQLite journal +[0-9,]+ checks/s   floor 50: (ok|BELOW)"),
        journal.get(2));
    assertTrue(journal.get(3).matches("check \\+ SQLite journal \\(3 threads\\) +[0-9,]+ checks/s   floor 50: "
        + "(ok|BELOW)"), journal.get(3));
    assertEquals("PostgreSQL: not measured (give --journal-pg jdbc:postgresql://… of a scratch database)",
        journal.get(4));
    try (Journal recorded = Journal.open(dir.resolve("bench/journal.db").toString())) {
      // 30 warming up, 30 on one thread, 30 on three.
      assertEquals(90, recorded.count(JournalQuery.all()));
      assertEquals(90, recorded.count(JournalQuery.all().actor("bench").office("BENCH")));
    }
  }
}

package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.talap.account.Account;
import kz.talap.account.Account.Kind;
import kz.talap.account.Account.Role;
import kz.talap.check.CheckResult;
import kz.talap.check.Checker;
import kz.talap.journal.CheckRecord;
import kz.talap.journal.Journal;
import kz.talap.journal.JournalUnavailable;
import kz.talap.json.JournalJson;
import kz.talap.json.SubmissionJson;
import kz.talap.model.Catalogue;

/**
 * {@code talap bench --journal}: checks per second when each check is recorded (and committed) before the next
 * answer, on SQLite and, given a database, PostgreSQL, beside the rate of the same checks without a journal.
 */
final class JournalBench {
  /** A busy office: 20 counters, one check a minute each, is 0.3 checks/s; the floor leaves a wide margin. */
  static final double FLOOR = 50;
  private static final Account BENCH = new Account("bench", Kind.CLIENT, Role.CLERK, "BENCH", false);

  private final PrintWriter out;
  private final PrintWriter err;
  private final Catalogue catalogue;
  private final List<String> submissions;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  JournalBench(PrintWriter out, PrintWriter err, Catalogue catalogue, List<String> submissions) {
    this.out = out;
    this.err = err;
    this.catalogue = catalogue;
    this.submissions = submissions;
  }

  /** Measures and prints; false (after a message) if a journal cannot be opened or written. */
  boolean run(Path sqlite, String postgres, int threads) {
    out.printf("Journal: %,d checks, each read, checked, written as talap-check/1 and committed before its answer%n",
        submissions.size());
    rate(null, 1, submissions.size(), "warm");
    double plain = rate(null, 1, submissions.size(), "plain");
    print("check, no journal", 1, plain, false);
    try {
      Files.createDirectories(sqlite.toAbsolutePath().getParent());
      for (String suffix : List.of("", "-wal", "-shm")) {
        Files.deleteIfExists(Path.of(sqlite + suffix));
      }
    } catch (IOException e) {
      err.println("talap bench: cannot prepare " + sqlite + ": " + e.getMessage());
      return false;
    }
    List<String[]> databases = new ArrayList<>();
    databases.add(new String[] {"SQLite", sqlite.toString()});
    if (postgres != null) {
      databases.add(new String[] {"PostgreSQL", postgres});
    }
    for (String[] database : databases) {
      try (Journal journal = Journal.open(database[1])) {
        rate(journal, 1, Math.min(200, submissions.size()), "warm");
        for (int n : threads == 1 ? List.of(1) : List.of(1, threads)) {
          print("check + " + database[0] + " journal", n, rate(journal, n, submissions.size(), database[0] + n),
              true);
        }
      } catch (JournalUnavailable | IllegalArgumentException e) {
        err.println("talap bench: " + e.getMessage());
        return false;
      }
    }
    if (postgres == null) {
      out.println("PostgreSQL: not measured (give --journal-pg jdbc:postgresql://… of a scratch database)");
    }
    return true;
  }

  private void print(String name, int threads, double rate, boolean floor) {
    out.printf("%-40s %,10.0f checks/s%s%n", name + (threads > 1 ? " (" + threads + " threads)" : ""), rate,
        floor ? String.format("   floor %.0f: %s", FLOOR, rate >= FLOOR ? "ok" : "BELOW") : "");
  }

  /** Checks {@code count} submissions (recording each in {@code journal} unless null) on {@code threads} threads. */
  private double rate(Journal journal, int threads, int count, String round) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(pool.submit(() -> {
          Checker checker = new Checker(catalogue);
          SubmissionJson.Reader reader = SubmissionJson.reader(catalogue);
          for (int i = first; i < count; i += threads) {
            String text = submissions.get(i);
            SubmissionJson.Parsed parsed = reader.read(text);
            if (parsed.submission().isEmpty()) {
              continue;
            }
            CheckResult result = checker.check(parsed.submission().get());
            String id = "bench-" + run + "-" + round + "-" + i;
            String json = JournalJson.result(id, result, catalogue.version());
            if (journal != null) {
              journal.record(CheckRecord.of(id, Instant.now(), BENCH, catalogue.version(), "bench", result, text,
                  json));
            }
          }
          return null;
        }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdown();
    }
    return count / ((System.nanoTime() - started) / 1e9);
  }
}

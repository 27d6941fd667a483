package kz.talap.journal;

import java.time.Instant;
import java.util.Optional;
import kz.talap.account.Account;

/**
 * Run in a child JVM by {@link JournalTest}: records checks one after another and prints each id once {@code record}
 * has returned, as the server would send its answer; the test kills it with SIGKILL.
 */
public final class JournalCrashChild {
  public static void main(String[] args) {
    try (Journal journal = Journal.open(args[0])) {
      System.out.println("open");
      System.out.flush();
      for (int i = 0; ; i++) {
        String id = "crash-" + i;
        journal.record(JournalTest.sample(id, Instant.ofEpochMilli(1_774_000_000_000L + i), "ALM-01", "aliya",
            Account.Kind.STAFF, "TRP_WORK", Optional.of("WORK"), "complete"));
        System.out.println(id);
        System.out.flush();
      }
    }
  }
}

package kz.talap.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.talap.account.Account;
import kz.talap.account.Account.Kind;
import kz.talap.account.Account.Role;
import kz.talap.account.Accounts;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The journal and the accounts on every database it supports: the same cases on SQLite and on PostgreSQL. */
class JournalTest {
  /** 2026-03-20 10:15:00 in Almaty (UTC+5). */
  static final Instant MORNING = Instant.parse("2026-03-20T05:15:00Z");
  @TempDir Path dir;

  interface Case {
    void run(Journal journal, String url) throws Exception;
  }

  void with(TestDatabase db, Case test) throws Exception {
    String url = db.create(dir);
    try (Journal journal = Journal.open(url)) {
      test.run(journal, url);
    } finally {
      db.drop(url);
    }
  }

  static CheckRecord sample(String id, Instant at, String office, String actor, Kind kind, String service,
      Optional<String> subtype, String verdict) {
    return new CheckRecord(id, at, office, kind, actor, "2026.03", "sha256:1a2b3c", service, subtype, verdict,
        verdict.equals("complete") ? Optional.of(LocalDate.of(2026, 3, 26)) : Optional.empty(),
        "{\"format\":\"talap-submission/1\",\"service\":\"" + service + "\"}",
        "{\"format\":\"talap-check/1\",\"results\":[{\"verdict\":\"" + verdict + "\",\"findings\":[]}]}");
  }

  static CheckRecord sample(String id, Instant at) {
    return sample(id, at, "ALM-01", "aliya", Kind.STAFF, "TRP_WORK", Optional.of("WORK"), "complete");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void open_newDatabase_migratesOnceAndReopeningIsANoOp(TestDatabase db) throws Exception {
    with(db, (journal, url) -> {
      assertEquals(2, journal.migrated());
      try (Journal again = Journal.open(url)) {
        assertEquals(0, again.migrated());
      }
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT version, success FROM flyway_schema_history "
              + "WHERE version IS NOT NULL ORDER BY installed_rank")) {
        List<String> applied = new ArrayList<>();
        while (rows.next()) {
          applied.add(rows.getString(1) + ":" + rows.getBoolean(2));
        }
        assertEquals(List.of("1:true", "2:true"), applied);
      }
    });
  }

  @org.junit.jupiter.api.Test
  void open_journalOfVersion1_addsTheReleaseColumns_andItsChecksHaveNoReleaseId() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("v1.db");
    org.flywaydb.core.Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
        .target("1").load().migrate();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO checks (id, recorded_at, day, office, actor_kind, actor, catalogue_version, "
          + "release_hash, service, subtype, verdict, due_date, submission, result) VALUES ('old-1', 1774000000000, "
          + "'2026-03-20', 'ALM-01', 'staff', 'aliya', '2026.1', 'abc', 'TRP', NULL, 'complete', NULL, '{}', '{}')");
    }
    try (Journal journal = Journal.open(url)) {
      assertEquals(1, journal.migrated());
      CheckRecord old = journal.get("old-1").orElseThrow();
      assertEquals(Optional.empty(), old.releaseId());
      assertFalse(old.preview());
      assertEquals("-", old.releaseLine());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void open_eachDatabase_commitsDurably(TestDatabase db) throws Exception {
    with(db, (journal, url) -> {
      try (Connection c = journal.connection(); Statement s = c.createStatement()) {
        if (db == TestDatabase.SQLITE) {
          assertEquals(List.of("wal"), column(s, "PRAGMA journal_mode"));
          assertEquals(List.of("2"), column(s, "PRAGMA synchronous")); // FULL
          // The file holds personal data and password hashes: the owner's only, and so are its -wal and -shm.
          Path file = Path.of(url.substring("jdbc:sqlite:".length()));
          for (String suffix : List.of("", "-wal", "-shm")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(Path.of(file + suffix))), suffix);
          }
        } else {
          assertEquals(List.of("on"), column(s, "SHOW synchronous_commit"));
        }
        assertTrue(c.getAutoCommit());
      }
    });
  }

  static List<String> column(Statement s, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void record_thenGet_givesBackEveryField(TestDatabase db) throws Exception {
    with(db, (journal, url) -> {
      CheckRecord check = new CheckRecord("c-1", Instant.parse("2026-03-20T18:59:59.123456Z"), "ALM-01",
          Kind.CLIENT, "egov-bridge", "2026.03", "sha256:1a2b3c", "TRP_WORK", Optional.empty(), "incomplete",
          Optional.empty(), "{\"kk\":\"Қазақстан\"}", "{\"results\":[]}");
      assertTrue(journal.record(check));
      Optional<CheckRecord> read = journal.get("c-1");
      assertEquals(Optional.of(check), read);
      // 18:59:59 UTC is 23:59:59 in Almaty: still the 20th there.
      assertEquals(LocalDate.of(2026, 3, 20), read.get().day());
      assertEquals(Optional.empty(), journal.get("c-2"));
      CheckRecord released = sample("c-3", MORNING).on("2026-11-21-2", false);
      CheckRecord previewed = sample("c-4", MORNING).on("preview-1a2b3c", true);
      assertTrue(journal.record(released));
      assertTrue(journal.record(previewed));
      assertEquals(Optional.of(released), journal.get("c-3"));
      assertEquals(Optional.of(previewed), journal.get("c-4"));
      assertEquals("2026-11-21-2", journal.get("c-3").orElseThrow().releaseLine());
      assertEquals("preview-1a2b3c (preview, not an approved release)", journal.get("c-4").orElseThrow()
          .releaseLine());
      assertEquals("-", read.get().releaseLine());
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void record_sameIdAgain_isRecordedOnce(TestDatabase db) throws Exception {
    with(db, (journal, url) -> {
      CheckRecord first = sample("retry-1", MORNING);
      assertTrue(journal.record(first));
      assertFalse(journal.record(sample("retry-1", MORNING.plusSeconds(5), "AST-02", "dana", Kind.STAFF, "PRP",
          Optional.empty(), "incomplete")));
      assertEquals(List.of(first), journal.find(JournalQuery.all()));
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void find_eachFilter_selectsExactlyItsChecksOldestFirst(TestDatabase db) throws Exception {
    with(db, (journal, url) -> {
      // Recorded out of order; c and b share a millisecond, so the id breaks the tie.
      journal.record(sample("c", MORNING.plusSeconds(60)));
      journal.record(sample("a", MORNING));
      journal.record(sample("b", MORNING.plusSeconds(60), "ALM-01", "bolat", Kind.STAFF, "TRP_WORK",
          Optional.of("STUDY"), "incomplete"));
      journal.record(sample("d", MORNING.plusSeconds(86_400), "AST-02", "dana", Kind.STAFF, "PRP",
          Optional.empty(), "complete"));
      journal.record(sample("e", Instant.parse("2026-03-22T19:30:00Z"), "AST-02", "egov", Kind.CLIENT, "PRP",
          Optional.empty(), "incomplete"));
      assertEquals(List.of("a", "b", "c", "d", "e"), ids(journal, JournalQuery.all()));
      assertEquals(List.of("a", "b", "c"), ids(journal, JournalQuery.all().to(LocalDate.of(2026, 3, 20))));
      assertEquals(List.of("d"), ids(journal, JournalQuery.all().from(LocalDate.of(2026, 3, 21))
          .to(LocalDate.of(2026, 3, 22))));
      // 19:30 UTC on the 22nd is already the 23rd in Almaty.
      assertEquals(List.of("e"), ids(journal, JournalQuery.all().from(LocalDate.of(2026, 3, 23))));
      assertEquals(List.of("d", "e"), ids(journal, JournalQuery.all().office("AST-02")));
      assertEquals(List.of("b"), ids(journal, JournalQuery.all().actor("bolat")));
      assertEquals(List.of("d", "e"), ids(journal, JournalQuery.all().service("PRP")));
      assertEquals(List.of("b", "e"), ids(journal, JournalQuery.all().verdict("incomplete")));
      assertEquals(List.of("e"), ids(journal, JournalQuery.all().office("AST-02").verdict("incomplete")));
      assertEquals(List.of("c", "d"), ids(journal, JournalQuery.all().page(2, 2)));
      assertEquals(5, journal.count(JournalQuery.all().page(2, 2)));
      assertEquals(2, journal.count(JournalQuery.all().office("AST-02")));
      assertEquals(List.of(), ids(journal, JournalQuery.all().office("ALM-01").service("PRP")));
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void find_visibleTo_narrowsToWhatTheRoleMayRead(TestDatabase db) throws Exception {
    with(db, (journal, url) -> {
      journal.record(sample("a", MORNING));
      journal.record(sample("b", MORNING.plusSeconds(1), "ALM-01", "bolat", Kind.STAFF, "PRP", Optional.empty(),
          "complete"));
      journal.record(sample("d", MORNING.plusSeconds(2), "AST-02", "dana", Kind.STAFF, "PRP", Optional.empty(),
          "complete"));
      Account clerk = new Account("aliya", Kind.STAFF, Role.CLERK, "ALM-01", false);
      Account supervisor = new Account("sanzhar", Kind.STAFF, Role.SUPERVISOR, "ALM-01", false);
      Account admin = new Account("root", Kind.STAFF, Role.ADMIN, "HQ", false);
      Account disabled = new Account("bolat", Kind.STAFF, Role.SUPERVISOR, "ALM-01", true);
      assertEquals(List.of("a"), ids(journal, JournalQuery.all().visibleTo(clerk).get()));
      assertEquals(List.of(), ids(journal, JournalQuery.all().actor("bolat").visibleTo(clerk).get()));
      assertEquals(List.of("a", "b"), ids(journal, JournalQuery.all().visibleTo(supervisor).get()));
      assertEquals(List.of(), ids(journal, JournalQuery.all().office("AST-02").visibleTo(supervisor).get()));
      assertEquals(List.of("a", "b", "d"), ids(journal, JournalQuery.all().visibleTo(admin).get()));
      assertEquals(Optional.empty(), JournalQuery.all().visibleTo(disabled));
      for (CheckRecord check : journal.find(JournalQuery.all())) {
        for (Account account : List.of(clerk, supervisor, admin, disabled)) {
          assertEquals(ids(journal, JournalQuery.all().visibleTo(account).orElse(JournalQuery.all().page(0, 0)))
              .contains(check.id()), check.visibleTo(account), check.id() + " " + account.name());
        }
      }
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void record_processKilledRightAfter_everyAnsweredCheckIsThereOnce(TestDatabase db) throws Exception {
    with(db, (journal, url) -> {
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), JournalCrashChild.class.getName(), url)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      List<String> answered = new ArrayList<>();
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        assertEquals("open", lines.readLine());
        for (String id = lines.readLine(); id != null && answered.size() < 40; id = lines.readLine()) {
          answered.add(id);
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no pool close
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      }
      assertEquals(40, answered.size());
      List<String> recorded = ids(journal, JournalQuery.all());
      assertTrue(recorded.containsAll(answered), "answered but not recorded: " + answered.stream()
          .filter(id -> !recorded.contains(id)).toList());
      assertEquals(recorded.size(), recorded.stream().distinct().count());
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void accounts_storePasswordsAndTokensOnlyAsHashes(TestDatabase db) throws Exception {
    with(db, (journal, url) -> {
      Accounts accounts = new Accounts(journal.accounts());
      accounts.addStaff("aliya", Role.CLERK, "ALM-01", "correct horse battery".toCharArray());
      String token = accounts.addClient("egov-bridge", Role.CLERK, "ALM-01");
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        ResultSet staff = s.executeQuery("SELECT password_hash FROM staff WHERE name = 'aliya'");
        assertTrue(staff.next());
        String hash = staff.getString(1);
        assertTrue(hash.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
            hash);
        assertFalse(hash.contains("correct horse"));
        ResultSet clients = s.executeQuery("SELECT token_hash FROM api_clients WHERE name = 'egov-bridge'");
        assertTrue(clients.next());
        assertTrue(token.matches("talap_[A-Za-z0-9_-]{43}"), token);
        assertEquals(sha256(token), clients.getString(1));
      }
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void accounts_loginAndTokens_acceptOnlyWhatIsInForce(TestDatabase db) throws Exception {
    with(db, (journal, url) -> {
      Accounts accounts = new Accounts(journal.accounts());
      assertFalse(accounts.hasAdmin());
      Account aliya = accounts.addStaff("aliya", Role.CLERK, "ALM-01", "correct horse battery".toCharArray());
      assertEquals(Optional.of(aliya), accounts.login("aliya", "correct horse battery".toCharArray()));
      assertEquals(Optional.empty(), accounts.login("aliya", "correct horse batterY".toCharArray()));
      assertEquals(Optional.empty(), accounts.login("nobody", "correct horse battery".toCharArray()));
      Accounts.Problem taken = assertThrows(Accounts.Problem.class,
          () -> accounts.addStaff("aliya", Role.ADMIN, "HQ", "another password".toCharArray()));
      assertEquals("there is already an account named 'aliya'", taken.getMessage());
      accounts.changePassword("aliya", "staple of paper clips".toCharArray());
      assertEquals(Optional.empty(), accounts.login("aliya", "correct horse battery".toCharArray()));
      assertEquals(Optional.of(aliya), accounts.login("aliya", "staple of paper clips".toCharArray()));
      accounts.disable("aliya");
      assertEquals(Optional.empty(), accounts.login("aliya", "staple of paper clips".toCharArray()));
      assertEquals(Optional.of(new Account("aliya", Kind.STAFF, Role.CLERK, "ALM-01", true)),
          accounts.staff("aliya"));
      assertEquals(Optional.empty(), accounts.staff("nobody"));
      assertFalse(accounts.hasAdmin());
      accounts.addStaff("root", Role.ADMIN, "HQ", "a long admin password".toCharArray());
      assertTrue(accounts.hasAdmin());
      accounts.disable("root");
      assertFalse(accounts.hasAdmin());
      assertEquals(List.of(new Account("aliya", Kind.STAFF, Role.CLERK, "ALM-01", true),
          new Account("root", Kind.STAFF, Role.ADMIN, "HQ", true)), accounts.staff());

      String token = accounts.addClient("egov-bridge", Role.SUPERVISOR, "ALM-01");
      Account client = new Account("egov-bridge", Kind.CLIENT, Role.SUPERVISOR, "ALM-01", false);
      assertEquals(Optional.of(client), accounts.authenticate(token));
      assertEquals(Optional.empty(), accounts.authenticate(token.substring(0, token.length() - 1) + "x"));
      Accounts.Problem twice = assertThrows(Accounts.Problem.class,
          () -> accounts.addClient("egov-bridge", Role.CLERK, "ALM-01"));
      assertEquals("the API client 'egov-bridge' already has a token; revoke it first", twice.getMessage());
      accounts.revokeClient("egov-bridge");
      assertEquals(Optional.empty(), accounts.authenticate(token));
      String renewed = accounts.addClient("egov-bridge", Role.CLERK, "AST-02");
      assertEquals(Optional.empty(), accounts.authenticate(token));
      assertEquals(Optional.of(new Account("egov-bridge", Kind.CLIENT, Role.CLERK, "AST-02", false)),
          accounts.authenticate(renewed));
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void open_unreachableDatabase_saysWhichAndWhy(TestDatabase db) throws Exception {
    String url;
    if (db == TestDatabase.SQLITE) {
      Files.writeString(dir.resolve("file"), "not a folder");
      url = "jdbc:sqlite:" + dir.resolve("file/journal.db");
    } else {
      TestDatabase.server();
      url = "jdbc:postgresql://127.0.0.1:1/talap?user=talap&password=secret";
    }
    JournalUnavailable e = assertThrows(JournalUnavailable.class, () -> Journal.open(url));
    String expected = db == TestDatabase.SQLITE
        ? "cannot open the journal " + url + ": " + dir.resolve("file")
        : "cannot open the journal jdbc:postgresql://127.0.0.1:1/talap?user=talap&password=***: Connection refused";
    assertEquals(expected, e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
  void record_databaseGoneAfterOpening_throwsJournalUnavailable(TestDatabase db) throws Exception {
    with(db, (journal, url) -> {
      assertTrue(journal.record(sample("before", MORNING)));
      String name = url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
      try (Connection c = DriverManager.getConnection(TestDatabase.server()); Statement s = c.createStatement()) {
        s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
      }
      JournalUnavailable e = assertThrows(JournalUnavailable.class,
          () -> journal.record(sample("after", MORNING)));
      assertTrue(e.getMessage().startsWith("cannot record check after in the journal " + url + ": "),
          e.getMessage());
    });
  }

  static List<String> ids(Journal journal, JournalQuery query) {
    return journal.find(query).stream().map(CheckRecord::id).toList();
  }

  static String sha256(String text) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import kz.talap.account.Account;
import kz.talap.account.Account.Kind;
import kz.talap.account.Account.Role;
import kz.talap.account.Accounts;
import kz.talap.journal.Journal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** talap token through the command line, on a SQLite journal. */
class TokenCommandTest {
  static final String HEADER = "Token for API client egov-bridge (clerk at office ALM-01). It is shown only this "
      + "once; store it now:\n";
  @TempDir Path dir;
  String db;

  @BeforeEach
  void database() {
    db = "jdbc:sqlite:" + dir.resolve("talap.db");
  }

  CliRun token(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "token";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--db";
    all[args.length + 2] = db;
    return CliRun.of(all);
  }

  @Test
  void add_printsTheTokenOnceAndStoresOnlyItsSha256() throws Exception {
    CliRun run = token("add", "egov-bridge", "--role", "clerk", "--office", "ALM-01");
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().startsWith(HEADER), run.out());
    String token = run.out().substring(HEADER.length()).strip();
    assertTrue(token.matches("talap_[A-Za-z0-9_-]{43}"), token);
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT * FROM api_clients")) {
      assertTrue(row.next());
      for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
        assertFalse(String.valueOf(row.getObject(i)).contains(token.substring(6)),
            row.getMetaData().getColumnName(i));
      }
      assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8))), row.getString("token_hash"));
    }
    try (Journal journal = Journal.open(db)) {
      assertEquals(Optional.of(new Account("egov-bridge", Kind.CLIENT, Role.CLERK, "ALM-01", false)),
          new Accounts(journal.accounts()).authenticate(token));
    }
  }

  @Test
  void revoke_thenList_showsTheClientRevokedAndItsTokenRefused() throws Exception {
    String token = token("add", "egov-bridge", "--role", "clerk", "--office", "ALM-01").out()
        .substring(HEADER.length()).strip();
    token("add", "astana-hub", "--role", "supervisor", "--office", "AST-02");
    assertEquals(new CliRun(0, "Revoked the token of egov-bridge.\n", ""), token("revoke", "egov-bridge"));
    assertEquals(new CliRun(0, """
        NAME         ROLE        OFFICE  STATE
        astana-hub   supervisor  AST-02  active
        egov-bridge  clerk       ALM-01  revoked
        """, ""), token("list"));
    try (Journal journal = Journal.open(db)) {
      assertEquals(Optional.empty(), new Accounts(journal.accounts()).authenticate(token));
    }
    assertEquals(new CliRun(2, "", "talap token revoke: no API client named 'egov-bridge' with a token in force\n"),
        token("revoke", "egov-bridge"));
  }

  @Test
  void add_clientWithATokenInForce_isRefused() {
    token("add", "egov-bridge", "--role", "clerk", "--office", "ALM-01");
    assertEquals(new CliRun(2, "", "talap token add: the API client 'egov-bridge' already has a token; revoke it "
        + "first\n"), token("add", "egov-bridge", "--role", "clerk", "--office", "ALM-01"));
    assertEquals(new CliRun(0, "No API clients.\n", ""), CliRun.of("token", "list", "--db",
        "jdbc:sqlite:" + dir.resolve("other.db")));
    assertEquals(new CliRun(2, "", "talap token add: bad office code 'ALM 01': use 1 to 64 letters, digits, '.', "
        + "'-' or '_'\n"), token("add", "x", "--role", "clerk", "--office", "ALM 01"));
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import kz.talap.account.Account;
import kz.talap.account.Account.Kind;
import kz.talap.account.Account.Role;
import kz.talap.account.Accounts;
import kz.talap.journal.Journal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** talap user through the command line, on a SQLite journal (the store itself is tested on both databases). */
class UserCommandTest {
  static final String PASSWORD = "correct horse battery";
  @TempDir Path dir;
  String db;

  @BeforeEach
  void database() {
    db = "jdbc:sqlite:" + dir.resolve("talap.db");
  }

  CliRun user(String stdin, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "user";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--db";
    all[args.length + 2] = db;
    return CliRun.withInput(stdin, all);
  }

  @Test
  void add_passwordOnStdin_addsTheAccountWithOnlyAnArgon2idHash() throws Exception {
    CliRun run = user(PASSWORD + "\n", "add", "aliya", "--role", "clerk", "--office", "ALM-01", "--password-stdin");
    assertEquals(new CliRun(0, "Added aliya: clerk at office ALM-01.\n", ""), run);
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT * FROM staff")) {
      assertTrue(row.next());
      for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
        assertFalse(String.valueOf(row.getObject(i)).contains(PASSWORD), row.getMetaData().getColumnName(i));
      }
      assertTrue(row.getString("password_hash").startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
      assertFalse(row.next());
    }
    try (Journal journal = Journal.open(db)) {
      assertEquals(Optional.of(new Account("aliya", Kind.STAFF, Role.CLERK, "ALM-01", false)),
          new Accounts(journal.accounts()).login("aliya", PASSWORD.toCharArray()));
    }
  }

  @Test
  void list_afterAddAndDisable_showsEveryAccountSortedByName() {
    user(PASSWORD, "add", "sanzhar", "--role", "supervisor", "--office", "ALM-01", "--password-stdin");
    user(PASSWORD, "add", "aliya", "--role", "clerk", "--office", "ALM-01", "--password-stdin");
    user(PASSWORD, "add", "root", "--role", "admin", "--office", "HQ", "--password-stdin");
    assertEquals(new CliRun(0, "Disabled aliya: the account can no longer log in; its checks stay in the journal.\n",
        ""), user("", "disable", "aliya"));
    assertEquals(new CliRun(0, """
        NAME     ROLE        OFFICE  STATE
        aliya    clerk       ALM-01  disabled
        root     admin       HQ      active
        sanzhar  supervisor  ALM-01  active
        """, ""), user("", "list"));
  }

  @Test
  void add_plainPathInANewFolder_createsBothForTheOwnerOnly() throws Exception {
    Path file = dir.resolve("new/data/talap.db");
    assertEquals(new CliRun(0, "Added root: admin at office HQ.\n", ""), CliRun.withInput(PASSWORD, "user", "add",
        "root", "--role", "admin", "--office", "HQ", "--password-stdin", "--db", file.toString()));
    assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
        java.nio.file.Files.getPosixFilePermissions(file.getParent())));
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
        java.nio.file.Files.getPosixFilePermissions(file)));
  }

  @Test
  void list_noAccounts_saysSo() {
    assertEquals(new CliRun(0, "No staff accounts.\n", ""), user("", "list"));
  }

  @Test
  void passwd_newPassword_replacesTheOldOne() throws Exception {
    user(PASSWORD, "add", "aliya", "--role", "clerk", "--office", "ALM-01", "--password-stdin");
    assertEquals(new CliRun(0, "Changed the password of aliya.\n", ""),
        user("staple of paper clips\n", "passwd", "aliya", "--password-stdin"));
    try (Journal journal = Journal.open(db)) {
      Accounts accounts = new Accounts(journal.accounts());
      assertEquals(Optional.empty(), accounts.login("aliya", PASSWORD.toCharArray()));
      assertTrue(accounts.login("aliya", "staple of paper clips".toCharArray()).isPresent());
    }
  }

  @Test
  void add_noTerminalAndNoPasswordStdin_refusesWithoutAsking() {
    assertEquals(new CliRun(2, "", "talap user add: no terminal to ask for the password; pipe it in with "
        + "--password-stdin\n"), user(PASSWORD, "add", "aliya", "--role", "clerk", "--office", "ALM-01"));
  }

  @Test
  void add_passwordAsAnArgument_isNotAnOption() {
    CliRun run = user("", "add", "aliya", "--role", "clerk", "--office", "ALM-01", "--password", PASSWORD);
    assertEquals(new CliRun(2, "", "talap user: a password is never taken from the arguments (other users of the "
        + "machine can see them); type it when asked, or pipe it in with --password-stdin\n"), run);
  }

  @Test
  void add_badInput_saysWhatIsWrong() {
    assertEquals(new CliRun(2, "", "talap user add: the password is too short: at least 10 characters\n"),
        user("short\n", "add", "aliya", "--role", "clerk", "--office", "ALM-01", "--password-stdin"));
    assertEquals(new CliRun(2, "", "talap user add: no password on standard input\n"),
        user("", "add", "aliya", "--role", "clerk", "--office", "ALM-01", "--password-stdin"));
    assertEquals(new CliRun(2, "", "talap user add: unknown role 'boss' (expected clerk, supervisor, editor or "
        + "admin)\n"), user(PASSWORD, "add", "aliya", "--role", "boss", "--office", "ALM-01", "--password-stdin"));
    assertEquals(new CliRun(2, "", "talap user add: bad account name 'Aliya Q': use 1 to 64 lower-case letters, "
        + "digits, '.', '-' or '_'\n"),
        user(PASSWORD, "add", "Aliya Q", "--role", "clerk", "--office", "ALM-01", "--password-stdin"));
    assertEquals(new CliRun(2, "", "talap user add: give --role (clerk, supervisor, editor or admin) and --office\n"),
        user(PASSWORD, "add", "aliya", "--password-stdin"));
    user(PASSWORD, "add", "aliya", "--role", "clerk", "--office", "ALM-01", "--password-stdin");
    assertEquals(new CliRun(2, "", "talap user add: there is already an account named 'aliya'\n"),
        user(PASSWORD, "add", "aliya", "--role", "admin", "--office", "HQ", "--password-stdin"));
    assertEquals(new CliRun(2, "", "talap user disable: no account named 'bolat'\n"), user("", "disable", "bolat"));
    assertEquals(new CliRun(2, "", "talap user: unknown action 'remove' (expected add, passwd, disable or list)\n"),
        user("", "remove", "aliya"));
  }

  @Test
  void list_databaseOfAnotherKind_saysWhichKindsItTakes() {
    assertEquals(new CliRun(2, "", "talap user: 'jdbc:mysql://db/talap' is neither a SQLite file nor a jdbc:sqlite:"
        + " or jdbc:postgresql: URL\n"), CliRun.of("user", "list", "--db", "jdbc:mysql://db/talap"));
    assertEquals(new CliRun(2, "", "talap user: cannot open the journal "
        + "jdbc:postgresql://127.0.0.1:1/talap?password=***: Connection refused\n"),
        CliRun.of("user", "list", "--db", "jdbc:postgresql://127.0.0.1:1/talap?password=hunter2"));
  }
}

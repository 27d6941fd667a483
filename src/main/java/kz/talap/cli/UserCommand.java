package kz.talap.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kz.talap.account.Account;
import kz.talap.account.Account.Role;
import kz.talap.account.Accounts;
import kz.talap.journal.Journal;
import kz.talap.journal.JournalUnavailable;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code talap user add|passwd|disable|list}: staff accounts in the journal database. A password is read from the
 * terminal (twice, not echoed) or, with {@code --password-stdin}, from the first line of standard input — never from
 * the arguments, which other users of the machine can see.
 */
final class UserCommand {
  private static final String ACTIONS = "add, passwd, disable or list";
  private final PrintWriter out;
  private final PrintWriter err;
  private final BufferedReader in;

  UserCommand(PrintWriter out, PrintWriter err, BufferedReader in) {
    this.out = out;
    this.err = err;
    this.in = in;
  }

  int run(String[] args) {
    Options options = AccountArguments.options("the account's");
    options.addOption(Option.builder().longOpt("password-stdin")
        .desc("add, passwd: read the password from the first line of standard input").build());
    for (String arg : args) {
      // commons-cli would take --password as an abbreviation of --password-stdin and the password as a name.
      if (arg.equals("-p") || arg.equals("--password") || arg.startsWith("--password=")) {
        err.println("talap user: a password is never taken from the arguments (other users of the machine can see "
            + "them); type it when asked, or pipe it in with --password-stdin");
        return Main.USAGE;
      }
    }
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("user", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("user add|passwd|disable NAME, or talap user list",
          "Adds a staff account, changes its password, disables it, or lists the accounts.", options));
      return Main.OK;
    }
    List<String> rest = line.getArgList();
    Optional<String> chosen = AccountArguments.action("user", rest, List.of("add", "passwd", "disable", "list"), ACTIONS, "account",
        err);
    if (chosen.isEmpty()) {
      return Main.USAGE;
    }
    String action = chosen.get();
    Optional<Role> role = Optional.empty();
    if (action.equals("add")) {
      role = AccountArguments.role("user", line, err);
      if (role.isEmpty()) {
        return Main.USAGE;
      }
    }
    char[] password = null;
    if (action.equals("add") || action.equals("passwd")) {
      Optional<char[]> read = password(action, rest.get(1), line.hasOption("password-stdin"));
      if (read.isEmpty()) {
        return Main.USAGE;
      }
      password = read.get();
    }
    Optional<Journal> opened = JournalAccess.open("user", line, err);
    if (opened.isEmpty()) {
      return Main.USAGE;
    }
    try (Journal journal = opened.get()) {
      Accounts accounts = new Accounts(journal.accounts());
      switch (action) {
        case "add" -> {
          Account a = accounts.addStaff(rest.get(1), role.get(), line.getOptionValue("office"), password);
          out.println("Added " + a.name() + ": " + a.role().code() + " at office " + a.office() + ".");
        }
        case "passwd" -> {
          accounts.changePassword(rest.get(1), password);
          out.println("Changed the password of " + rest.get(1) + ".");
        }
        case "disable" -> {
          accounts.disable(rest.get(1));
          out.println("Disabled " + rest.get(1) + ": the account can no longer log in; its checks stay in the "
              + "journal.");
        }
        default -> list(accounts.staff(), "disabled", "No staff accounts.", out);
      }
      return Main.OK;
    } catch (Accounts.Problem | JournalUnavailable e) {
      err.println("talap user " + action + ": " + e.getMessage());
      return Main.USAGE;
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  /** Prints accounts as a table: name, role, office, state. */
  static void list(List<Account> accounts, String inactive, String none, PrintWriter out) {
    if (accounts.isEmpty()) {
      out.println(none);
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("NAME", "ROLE", "OFFICE", "STATE"));
    for (Account a : accounts) {
      rows.add(List.of(a.name(), a.role().code(), a.office(), a.disabled() ? inactive : "active"));
    }
    JournalAccess.table(out, rows);
  }

  private Optional<char[]> password(String action, String name, boolean fromStdin) {
    if (fromStdin) {
      try {
        String text = in.readLine();
        if (text == null || text.isEmpty()) {
          err.println("talap user " + action + ": no password on standard input");
          return Optional.empty();
        }
        return Optional.of(text.toCharArray());
      } catch (IOException e) {
        err.println("talap user " + action + ": cannot read standard input: " + e.getMessage());
        return Optional.empty();
      }
    }
    Console console = System.console();
    if (console == null) {
      err.println("talap user " + action + ": no terminal to ask for the password; pipe it in with --password-stdin");
      return Optional.empty();
    }
    char[] first = console.readPassword("New password for %s: ", name);
    char[] second = console.readPassword("Repeat the password: ");
    if (first == null || second == null || !Arrays.equals(first, second)) {
      err.println("talap user " + action + ": the two passwords differ; nothing changed");
      return Optional.empty();
    }
    Arrays.fill(second, '\0');
    return Optional.of(first);
  }
}

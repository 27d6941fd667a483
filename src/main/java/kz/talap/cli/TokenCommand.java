package kz.talap.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import kz.talap.account.Account.Role;
import kz.talap.account.Accounts;
import kz.talap.journal.Journal;
import kz.talap.journal.JournalUnavailable;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code talap token add|revoke|list}: API clients and their bearer tokens. A new token is printed once, on the last
 * line of the output; the journal keeps only its SHA-256.
 */
final class TokenCommand {
  private static final String ACTIONS = "add, revoke or list";
  private final PrintWriter out;
  private final PrintWriter err;

  TokenCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Options options = AccountArguments.options("the client's");
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("token", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("token add|revoke NAME, or talap token list",
          "Gives an API client a token (shown once), revokes it, or lists the clients.", options));
      return Main.OK;
    }
    List<String> rest = line.getArgList();
    Optional<String> chosen = AccountArguments.action("token", rest, List.of("add", "revoke", "list"), ACTIONS, "client",
        err);
    if (chosen.isEmpty()) {
      return Main.USAGE;
    }
    String action = chosen.get();
    Optional<Role> role = Optional.empty();
    if (action.equals("add")) {
      role = AccountArguments.role("token", line, err);
      if (role.isEmpty()) {
        return Main.USAGE;
      }
    }
    Optional<Journal> opened = JournalAccess.open("token", line, err);
    if (opened.isEmpty()) {
      return Main.USAGE;
    }
    try (Journal journal = opened.get()) {
      Accounts accounts = new Accounts(journal.accounts());
      switch (action) {
        case "add" -> {
          String token = accounts.addClient(rest.get(1), role.get(), line.getOptionValue("office"));
          out.println("Token for API client " + rest.get(1) + " (" + role.get().code() + " at office "
              + line.getOptionValue("office") + "). It is shown only this once; store it now:");
          out.println(token);
        }
        case "revoke" -> {
          accounts.revokeClient(rest.get(1));
          out.println("Revoked the token of " + rest.get(1) + ".");
        }
        default -> UserCommand.list(accounts.clients(), "revoked", "No API clients.", out);
      }
      return Main.OK;
    } catch (Accounts.Problem | JournalUnavailable e) {
      err.println("talap token " + action + ": " + e.getMessage());
      return Main.USAGE;
    }
  }
}

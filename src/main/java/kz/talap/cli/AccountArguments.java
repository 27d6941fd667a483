package kz.talap.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import kz.talap.account.Account.Role;
import org.apache.commons.cli.CommandLine;

/**
 * The arguments {@code talap user} and {@code talap token} share: an action with one name (or none for
 * {@code list}), and for {@code add} a role and an office. Each check prints its problem and gives empty.
 */
final class AccountArguments {
  private AccountArguments() {}

  /** The options of both commands: --db, and for add --role and --office (of the account or of the API client). */
  static org.apache.commons.cli.Options options(String whose) {
    org.apache.commons.cli.Options options = kz.talap.cli.Options.withHelp(new org.apache.commons.cli.Options());
    options.addOption(JournalAccess.db());
    options.addOption(org.apache.commons.cli.Option.builder().longOpt("role").hasArg().argName("ROLE")
        .desc("add: " + whose + " role: clerk, supervisor, editor or admin").build());
    options.addOption(org.apache.commons.cli.Option.builder().longOpt("office").hasArg().argName("OFFICE")
        .desc("add: the office " + whose + " checks are recorded for, e.g. ALM-01").build());
    return options;
  }

  /**
   * The action, checked against {@code actions}; every action but {@code list} takes one name.
   *
   * @param listed the actions as the messages name them ("add, revoke or list")
   * @param noun what the name names, for the message ("account", "client")
   */
  static Optional<String> action(String command, List<String> rest, List<String> actions, String listed,
      String noun, PrintWriter err) {
    if (rest.isEmpty()) {
      err.println("talap " + command + ": say what to do: " + listed);
      return Optional.empty();
    }
    String action = rest.get(0);
    if (!actions.contains(action)) {
      err.println("talap " + command + ": unknown action '" + action + "' (expected " + listed + ")");
      return Optional.empty();
    }
    int names = action.equals("list") ? 0 : 1;
    if (rest.size() != 1 + names) {
      err.println("talap " + command + " " + action + ": " + (names == 0 ? "takes no name" : "give one " + noun
          + " name"));
      return Optional.empty();
    }
    return Optional.of(action);
  }

  /** For {@code add}: the role given with {@code --role} (an {@code --office} is needed too). */
  static Optional<Role> role(String command, CommandLine line, PrintWriter err) {
    if (!line.hasOption("role") || !line.hasOption("office")) {
      err.println("talap " + command + " add: give --role (clerk, supervisor, editor or admin) and --office");
      return Optional.empty();
    }
    Optional<Role> role = Role.parse(line.getOptionValue("role"));
    if (role.isEmpty()) {
      err.println("talap " + command + " add: unknown role '" + line.getOptionValue("role")
          + "' (expected clerk, supervisor, editor or admin)");
    }
    return role;
  }
}

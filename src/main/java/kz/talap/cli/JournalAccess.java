package kz.talap.cli;

import java.io.PrintWriter;
import java.util.Optional;
import kz.talap.journal.Journal;
import kz.talap.journal.JournalUnavailable;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/** The {@code --db} option of the commands that use the journal, and opening the journal it names. */
final class JournalAccess {
  /** The environment variable that names the journal when {@code --db} is not given (keeps a URL out of argv). */
  static final String ENV = "TALAP_DB";

  private JournalAccess() {}

  static Option db() {
    return Option.builder().longOpt("db").hasArg().argName("DB")
        .desc("the journal: a SQLite file or a jdbc:sqlite: or jdbc:postgresql: URL (default: $" + ENV + ", else "
            + Journal.DEFAULT + ")").build();
  }

  /** The journal named by --db, $TALAP_DB or the default, opened and migrated; empty, with a message, if it fails. */
  static Optional<Journal> open(String command, CommandLine line, PrintWriter err) {
    String env = System.getenv(ENV);
    String location = line.getOptionValue("db", env == null || env.isBlank() ? Journal.DEFAULT : env);
    try {
      return Optional.of(Journal.open(location));
    } catch (IllegalArgumentException | JournalUnavailable e) {
      err.println("talap " + command + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Pads each column of the rows to its widest cell; the last column is not padded. */
  static void table(PrintWriter out, java.util.List<java.util.List<String>> rows) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (java.util.List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (java.util.List<String> row : rows) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        text.append(i == columns - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
      }
      out.println(text.toString().stripTrailing());
    }
  }
}

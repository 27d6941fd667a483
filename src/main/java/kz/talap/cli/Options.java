package kz.talap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;

/** Option parsing shared by the commands: parse errors become a message and exit code 2, never an exception. */
final class Options {
  /** Kazakhstan has used one time zone, UTC+5, since 1 March 2024. */
  static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

  private Options() {}

  static org.apache.commons.cli.Options withHelp(org.apache.commons.cli.Options options) {
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return options;
  }

  static Option asOf() {
    return Option.builder().longOpt("as-of").hasArg().argName("DATE")
        .desc("the day whose rules apply, YYYY-MM-DD (default: today in Asia/Almaty)").build();
  }

  /** The --lang option: the language of the messages. */
  static Option lang(String what) {
    return Option.builder("l").longOpt("lang").hasArg().argName("LANG")
        .desc(what + ": kk, ru or en (default: en)").build();
  }

  /** The --lang code (kk, ru or en; default en), or empty (with a message) for another value. */
  /** The --lang the line asks for when it is kk, ru or en; otherwise (none, or unknown) English. */
  static String language(CommandLine line) {
    String value = line.getOptionValue("lang", "en").toLowerCase(java.util.Locale.ROOT);
    return kz.talap.source.Phrase.LANGUAGES.contains(value) ? value : "en";
  }

  static Optional<String> lang(String command, CommandLine line, PrintWriter err) {
    String value = line.getOptionValue("lang", "en").toLowerCase(java.util.Locale.ROOT);
    if (!kz.talap.source.Phrase.LANGUAGES.contains(value)) {
      err.println("talap " + command + ": unknown language '" + line.getOptionValue("lang")
          + "' (expected kk, ru or en)");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** Parses the arguments, or prints the problem and returns empty. */
  static Optional<CommandLine> parse(
      String command, org.apache.commons.cli.Options options, String[] args, PrintWriter err) {
    try {
      return Optional.of(new DefaultParser().parse(options, args));
    } catch (ParseException e) {
      err.println("talap " + command + ": " + e.getMessage());
      err.println("Run 'talap " + command + " --help' for the options.");
      return Optional.empty();
    }
  }

  static String help(String command, String summary, org.apache.commons.cli.Options options) {
    StringWriter text = new StringWriter();
    new HelpFormatter().printHelp(new PrintWriter(text), 100, "talap " + command, summary, options, 2, 2, "",
        true);
    return text.toString();
  }

  /** The --as-of date, or today in Almaty; empty (with a message) if it is not a date. */
  static Optional<LocalDate> asOf(String command, CommandLine line, PrintWriter err) {
    String value = line.getOptionValue("as-of");
    if (value == null) {
      return Optional.of(LocalDate.now(ALMATY));
    }
    Optional<LocalDate> day = date(value);
    if (day.isEmpty()) {
      // Said in the command's --lang when it has one and it is known (an unknown one is reported on its own).
      String language = language(line);
      err.println("talap " + command + ": " + (outOfRange(value)
          ? kz.talap.source.Phrase.of("cli.bad-as-of-range", "value", value, "from", FIRST_DAY, "to", LAST_DAY)
          : kz.talap.source.Phrase.of("cli.bad-as-of", "value", value)).in(language));
    }
    return day;
  }

  /** The days a command accepts: four-digit years, far from the ends of date arithmetic. */
  static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

  /** Whether the text starts with a real date YYYY-MM-DD that is before {@link #FIRST_DAY}. */
  static boolean outOfRange(String value) {
    if (value.length() < 10 || !value.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}")) {
      return false;
    }
    try {
      return LocalDate.parse(value.substring(0, 10)).isBefore(FIRST_DAY);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** A date YYYY-MM-DD from {@link #FIRST_DAY} to {@link #LAST_DAY}, or empty. */
  static Optional<LocalDate> date(String value) {
    if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value)).filter(d -> !d.isBefore(FIRST_DAY));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}

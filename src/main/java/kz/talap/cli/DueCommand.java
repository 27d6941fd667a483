package kz.talap.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import kz.talap.calendar.DueDate;
import kz.talap.calendar.WorkingCalendar;
import kz.talap.compile.CompileResult;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.TermKind;
import kz.talap.model.Service;
import kz.talap.model.Term;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code talap due}: the due date of a service's term for an application submitted at a given time. */
final class DueCommand {
  private final PrintWriter out;
  private final PrintWriter err;

  DueCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Options options = CompileCommand.catalogueOptions();
    options.addOption(CompileCommand.noCache());
    options.addOption(Option.builder("s").longOpt("service").hasArg().argName("CODE").required()
        .desc("service code, e.g. TRP").build());
    options.addOption(Option.builder().longOpt("subtype").hasArg().argName("CODE").desc("sub-type code").build());
    options.addOption(Option.builder().longOpt("at").hasArg().argName("DATE-TIME").required()
        .desc("when the application was submitted, Asia/Almaty time: YYYY-MM-DDTHH:MM or YYYY-MM-DD").build());
    options.addOption(Option.builder().longOpt("channel").hasArg().argName("CODE")
        .desc("the channel applied through: its working hours decide when the day ends (default: PROVIDER)").build());
    options.addOption(Option.builder().longOpt("term").hasArg().argName("KIND")
        .desc("which term: SERVICE (default), APPEAL_CONSIDERATION, COMPLAINT_CONSIDERATION, ...").build());
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      out.print(kz.talap.cli.Options.help("due", "Prints the due date of a term, counted on the working calendar.",
          options));
      return Main.OK;
    }
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("due", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    Optional<LocalDateTime> at = dateTime(line.getOptionValue("at"));
    if (at.isEmpty()) {
      String value = line.getOptionValue("at");
      err.println("talap due: bad date-time '" + value + "' for --at (expected YYYY-MM-DDTHH:MM or YYYY-MM-DD"
          + (kz.talap.cli.Options.outOfRange(value) ? ", from 1900-01-01 to 9999-12-31" : "") + ")");
      return Main.USAGE;
    }
    TermKind kind;
    try {
      kind = TermKind.valueOf(line.getOptionValue("term", "SERVICE").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      err.println("talap due: unknown term kind '" + line.getOptionValue("term") + "'");
      return Main.USAGE;
    }
    LocalDate day = at.get().toLocalDate();
    CompileResult result = CompileCommand.compiled(line, day);
    if (result.catalogue().isEmpty()) {
      return CompileCommand.explainErrors("due", result, err);
    }
    Catalogue catalogue = result.catalogue().get().at(day);
    String code = line.getOptionValue("service");
    Optional<Service> service = catalogue.service(code);
    if (service.isEmpty()) {
      err.println("talap due: unknown service '" + code + "' on " + day + " (known: "
          + String.join(", ", catalogue.services().stream().map(Service::code).toList()) + ")");
      return Main.USAGE;
    }
    Optional<String> subtype = Optional.ofNullable(line.getOptionValue("subtype"));
    if (subtype.isPresent() && catalogue.subTypes().stream()
        .noneMatch(s -> s.code().equals(subtype.get()) && s.service().equals(code))) {
      err.println("talap due: service " + code + " has no sub-type '" + subtype.get() + "' on " + day);
      return Main.USAGE;
    }
    Optional<Term> term = catalogue.term(code, subtype, kind);
    if (term.isEmpty()) {
      err.println("talap due: service " + code + " has no " + kind + " term on " + day);
      return Main.USAGE;
    }
    DueDate due;
    try {
      due = DueDate.of(term.get(), at.get(), catalogue, line.getOptionValue("channel", DueDate.PROVIDER),
          new WorkingCalendar(catalogue.calendar()));
    } catch (IllegalArgumentException e) {
      err.println("talap due: " + e.getMessage());
      return Main.USAGE;
    }
    String unit = term.get().unit().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    out.println(code + ": " + term.get().name().en() + ": " + term.get().amount() + " "
        + (term.get().amount() == 1 ? unit.substring(0, unit.length() - 1) : unit)
        + " (" + term.get().citation().en() + ")");
    out.println("Submitted: " + show(at.get().toLocalDate()) + " " + at.get().toLocalTime());
    out.println("Counted from: " + show(due.received()) + (due.received().equals(day) ? ""
        : " (" + due.receivedCitation().en() + ")"));
    out.println("Due: " + show(due.due()) + " (" + DueDate.COUNTING_CITATION.en() + ")");
    return Main.OK;
  }

  private static String show(LocalDate date) {
    return date + " " + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static Optional<LocalDateTime> dateTime(String value) {
    if (value.length() <= 10) {
      return kz.talap.cli.Options.date(value).map(LocalDate::atStartOfDay);
    }
    try {
      return kz.talap.cli.Options.date(value.substring(0, 10)).isEmpty() ? Optional.empty()
          : Optional.of(LocalDateTime.parse(value.replace(' ', 'T')));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}

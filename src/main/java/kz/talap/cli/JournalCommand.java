package kz.talap.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.talap.check.Finding;
import kz.talap.compile.CompileResult;
import kz.talap.journal.CheckRecord;
import kz.talap.journal.Journal;
import kz.talap.journal.JournalQuery;
import kz.talap.journal.JournalUnavailable;
import kz.talap.json.JournalJson;
import kz.talap.json.JournalJson.StoredResult;
import kz.talap.model.Language;
import kz.talap.recheck.Recheck;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code talap journal}: lists the recorded checks (filtered; text, CSV or JSON Lines), shows one ({@code show ID}),
 * or checks one again against today's catalogue and says what would change ({@code rerun ID}).
 */
final class JournalCommand {
  static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private final PrintWriter out;
  private final PrintWriter err;

  JournalCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Options options = CompileCommand.catalogueOptions();
    options.addOption(JournalAccess.db());
    options.addOption(kz.talap.cli.Options.asOf());
    for (String[] filter : new String[][] {{"from", "DAY", "checks made on or after DAY (YYYY-MM-DD, Asia/Almaty)"},
        {"to", "DAY", "checks made on or before DAY"}, {"office", "OFFICE", "checks made at OFFICE"},
        {"clerk", "NAME", "checks made by the clerk or API client NAME"},
        {"service", "CODE", "checks of the service CODE"}, {"verdict", "VERDICT", "complete or incomplete"},
        {"format", "FORMAT", "text (default), csv or jsonl"},
        {"lang", "LANG", "show, rerun: language of the findings: kk, ru or en (default: en)"}}) {
      options.addOption(Option.builder().longOpt(filter[0]).hasArg().argName(filter[1]).desc(filter[2]).build());
    }
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("journal", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("journal [show ID | rerun ID]",
          "Lists the checks in the journal, shows one, or re-runs one on today's catalogue (--catalogue, --as-of).",
          options));
      return Main.OK;
    }
    List<String> rest = line.getArgList();
    String action = rest.isEmpty() ? "list" : rest.get(0);
    if (!rest.isEmpty() && !(rest.size() == 2 && List.of("show", "rerun").contains(action))) {
      err.println("talap journal: expected no argument, 'show ID' or 'rerun ID', not '" + String.join(" ", rest)
          + "'");
      return Main.USAGE;
    }
    Optional<Language> language = Language.parse(line.getOptionValue("lang", "en").toLowerCase(Locale.ROOT));
    if (language.isEmpty()) {
      err.println("talap journal: unknown language '" + line.getOptionValue("lang") + "' (expected kk, ru or en)");
      return Main.USAGE;
    }
    Optional<JournalQuery> query = action.equals("list") ? query(line) : Optional.of(JournalQuery.all());
    String format = line.getOptionValue("format", "text");
    if (!List.of("text", "csv", "jsonl").contains(format)) {
      err.println("talap journal: unknown format '" + format + "' (expected text, csv or jsonl)");
      return Main.USAGE;
    }
    if (query.isEmpty()) {
      return Main.USAGE;
    }
    Optional<Journal> opened = JournalAccess.open("journal", line, err);
    if (opened.isEmpty()) {
      return Main.USAGE;
    }
    try (Journal journal = opened.get()) {
      if (action.equals("list")) {
        List<CheckRecord> found = journal.find(query.get());
        switch (format) {
          case "csv" -> JournalCsv.write(found, out);
          case "jsonl" -> found.forEach(c -> out.println(JournalJson.line(c)));
          default -> list(found);
        }
        return Main.OK;
      }
      Optional<CheckRecord> check = journal.get(rest.get(1));
      if (check.isEmpty()) {
        err.println("talap journal " + action + ": no check with the id '" + rest.get(1) + "' in " + journal.name());
        return Main.USAGE;
      }
      try {
        return action.equals("show") ? show(check.get(), language.get()) : rerun(check.get(), line, language.get());
      } catch (IllegalArgumentException e) {
        // Only a record written by something other than talap gets here.
        err.println("talap journal " + action + ": check " + rest.get(1) + ": " + e.getMessage());
        return Main.USAGE;
      }
    } catch (JournalUnavailable e) {
      err.println("talap journal: " + e.getMessage());
      return Main.USAGE;
    }
  }

  private Optional<JournalQuery> query(CommandLine line) {
    JournalQuery query = JournalQuery.all();
    Optional<LocalDate> from = day(line, "from");
    Optional<LocalDate> to = day(line, "to");
    if (from == null || to == null) {
      return Optional.empty();
    }
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      err.println("talap journal: --from " + from.get() + " is after --to " + to.get());
      return Optional.empty();
    }
    query = from.map(query::from).orElse(query);
    query = to.map(query::to).orElse(query);
    if (line.hasOption("office")) {
      query = query.office(line.getOptionValue("office"));
    }
    if (line.hasOption("clerk")) {
      query = query.actor(line.getOptionValue("clerk"));
    }
    if (line.hasOption("service")) {
      query = query.service(line.getOptionValue("service"));
    }
    if (line.hasOption("verdict")) {
      String verdict = line.getOptionValue("verdict");
      if (!List.of("complete", "incomplete").contains(verdict)) {
        err.println("talap journal: unknown verdict '" + verdict + "' (expected complete or incomplete)");
        return Optional.empty();
      }
      query = query.verdict(verdict);
    }
    return Optional.of(query);
  }

  /** The day of an option; empty if not given; null (after a message) if it is not a date. */
  private Optional<LocalDate> day(CommandLine line, String option) {
    if (!line.hasOption(option)) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(line.getOptionValue(option)));
    } catch (DateTimeParseException e) {
      err.println("talap journal: bad date '" + line.getOptionValue(option) + "' for --" + option
          + " (expected YYYY-MM-DD)");
      return null;
    }
  }

  private void list(List<CheckRecord> found) {
    if (found.isEmpty()) {
      out.println("No checks match.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("TIME", "OFFICE", "BY", "SERVICE", "VERDICT", "DUE", "ID"));
    for (CheckRecord c : found) {
      rows.add(List.of(time(c), c.office(), c.actor(), c.service() + c.subtype().map(s -> "/" + s).orElse(""),
          c.verdict(), c.due().map(LocalDate::toString).orElse("-"), c.id()));
    }
    JournalAccess.table(out, rows);
    out.println(found.size() == 1 ? "1 check." : found.size() + " checks.");
  }

  static String time(CheckRecord c) {
    return SECONDS.format(c.recordedAt().atZone(CheckRecord.ZONE));
  }

  private int show(CheckRecord c, Language language) {
    StoredResult result = JournalJson.read(c.result());
    out.println("Check " + c.id());
    out.println("Recorded:  " + time(c) + " (Asia/Almaty)");
    out.println("Office:    " + c.office());
    out.println("By:        " + c.actor() + (c.actorKind().name().equals("STAFF") ? " (staff)" : " (API client)"));
    out.println("Catalogue: " + c.catalogueVersion() + ", release " + c.releaseHash());
    out.println("Release:   " + c.releaseLine());
    out.println("Service:   " + c.service() + c.subtype().map(s -> " / " + s).orElse(""));
    out.println("Verdict:   " + c.verdict());
    out.println("Due:       " + c.due().map(LocalDate::toString).orElse("-"));
    findings("Findings:", "  ", result.findings(), language);
    out.println("Submission:");
    out.println(c.submission().strip());
    return Main.OK;
  }

  private void findings(String title, String mark, List<Finding> findings, Language language) {
    if (findings.isEmpty()) {
      out.println(title + " none");
      return;
    }
    out.println(title);
    for (Finding f : findings) {
      out.println(mark + f.severity().name().toLowerCase(Locale.ROOT) + f.subject().map(s -> " [" + s + "]")
          .orElse("") + ": " + f.message(language));
      out.println("      " + f.citation().in(language));
    }
  }

  private int rerun(CheckRecord c, CommandLine line, Language language) {
    Optional<LocalDate> asOf = kz.talap.cli.Options.asOf("journal", line, err);
    if (asOf.isEmpty()) {
      return Main.USAGE;
    }
    CompileResult compiled = CompileCommand.compile(line, asOf.get());
    if (compiled.catalogue().isEmpty()) {
      return CompileCommand.explainErrors("journal", compiled, err);
    }
    String version = compiled.catalogue().get().version();
    Recheck recheck = Recheck.of(c, compiled.catalogue().get());
    out.println("Check " + c.id() + " of " + time(c) + " (catalogue " + c.catalogueVersion() + ") on catalogue "
        + version + ":");
    if (recheck.now().isEmpty()) {
      out.println("The catalogue cannot read the stored submission any more:");
      recheck.problems().forEach(p -> out.println("  " + p));
      return Main.FAILED;
    }
    if (!recheck.changed()) {
      out.println("Nothing would change: the verdict (" + c.verdict() + "), the due date ("
          + c.due().map(LocalDate::toString).orElse("none") + ") and the findings are the same.");
      return Main.OK;
    }
    out.println("Verdict:  " + change(c.verdict(), recheck.verdictNow().get()));
    out.println("Due date: " + change(c.due().map(LocalDate::toString).orElse("none"),
        recheck.dueNow().map(LocalDate::toString).orElse("none")));
    if (!recheck.gone().isEmpty()) {
      findings("No longer raised:", "  - ", recheck.gone(), language);
    }
    if (!recheck.added().isEmpty()) {
      findings("Raised now:", "  + ", recheck.added(), language);
    }
    return Main.OK;
  }

  private static String change(String then, String now) {
    return then.equals(now) ? then + " (unchanged)" : then + " -> " + now;
  }
}

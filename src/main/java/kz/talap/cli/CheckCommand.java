package kz.talap.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import kz.talap.check.CheckResult;
import kz.talap.check.CheckResult.Verdict;
import kz.talap.calendar.WorkingCalendar;
import kz.talap.check.Checker;
import kz.talap.compile.CompileResult;
import kz.talap.condition.Condition;
import kz.talap.json.JsonLines;
import kz.talap.json.SubmissionJson;
import kz.talap.json.SubmissionJson.Problem;
import kz.talap.model.Catalogue;
import kz.talap.model.Language;
import kz.talap.publish.Templates;
import kz.talap.publish.Templates.TemplateProblem;
import kz.talap.source.Phrase;
import kz.talap.source.AtomicFile;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code talap check}: checks submissions (JSON files, JSON Lines files or folders of them) against the catalogue and
 * reports the verdict, findings and due date of each.
 */
final class CheckCommand {
  /** Batches at least this long show a progress bar on a terminal. */
  static final int PROGRESS_FROM = 200;

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  /** The unescaped error stream, for the progress bar's carriage returns; messages go to {@link #err}. */
  private final PrintWriter progressErr;
  private int total;
  private int complete;
  private int incomplete;
  private int notAccepted;
  private int invalid;
  /** Submissions the catalogue could not decide (a condition that fails for their facts): a catalogue error. */
  private int catalogueFailures;

  CheckCommand(PrintWriter out, PrintWriter err, boolean terminal, PrintWriter progressErr) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.progressErr = progressErr;
  }

  int run(String[] args) {
    Options options = CompileCommand.catalogueOptions();
    options.addOption(CompileCommand.noCache());
    options.addOption(kz.talap.cli.Options.asOf());
    options.addOption(Option.builder("f").longOpt("format").hasArg().argName("FORMAT")
        .desc("text (default), json or html").build());
    options.addOption(Option.builder("l").longOpt("lang").hasArg().argName("LANG")
        .desc("language of the report: kk, ru or en (default: en; for --format json, all three)").build());
    options.addOption(Option.builder("o").longOpt("out").hasArg().argName("FILE")
        .desc("write the report to FILE (atomically) instead of standard output").build());
    options.addOption(Option.builder().longOpt("templates").hasArg().argName("DIR")
        .desc("template folder for --format html (default: templates)").build());
    options.addOption(Option.builder().longOpt("progress").desc("always show the progress bar").build());
    options.addOption(Option.builder().longOpt("no-progress").desc("never show the progress bar").build());
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("check", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("check FILE...",
          "Checks submissions (.json, .jsonl with one per line, or folders of them) against the catalogue.",
          options));
      return Main.OK;
    }
    String format = line.getOptionValue("format", "text").toLowerCase(Locale.ROOT);
    if (!List.of("text", "json", "html").contains(format)) {
      err.println("talap check: unknown format '" + format + "' (expected text, json or html)");
      return Main.USAGE;
    }
    Optional<Language> language = Language.parse(line.getOptionValue("lang", "en").toLowerCase(Locale.ROOT));
    if (language.isEmpty()) {
      err.println("talap check: unknown language '" + line.getOptionValue("lang") + "' (expected kk, ru or en)");
      return Main.USAGE;
    }
    if (line.getArgList().isEmpty()) {
      err.println("talap check: no submissions given (expected .json or .jsonl files, or folders)");
      return Main.USAGE;
    }
    Optional<LocalDate> asOf = kz.talap.cli.Options.asOf("check", line, err);
    if (asOf.isEmpty()) {
      return Main.USAGE;
    }
    if (line.hasOption("out")) {
      List<OutputPath.Input> read = new ArrayList<>(OutputPath.Input.catalogue(CompileCommand.inputs(line)));
      line.getArgList().forEach(a -> read.add(OutputPath.Input.submissions(Path.of(a))));
      if (format.equals("html")) {
        read.add(OutputPath.Input.templates(Path.of(line.getOptionValue("templates", "templates"))));
      }
      if (OutputPath.refused("check", Path.of(line.getOptionValue("out")), OutputPath.Kind.FILE, read, err,
          language.get().code())) {
        return Main.USAGE;
      }
    }
    Templates templates = null;
    if (format.equals("html")) {
      try {
        templates = Templates.in(Path.of(line.getOptionValue("templates", "templates")));
      } catch (TemplateProblem e) {
        err.println("talap check: " + e.getMessage());
        return Main.USAGE;
      }
    }
    if (!CompileCommand.announce(line, "check", err)) {
      return Main.FAILED;
    }
    CompileResult compiled = CompileCommand.compiled(line, asOf.get());
    if (compiled.catalogue().isEmpty()) {
      return CompileCommand.explainErrors("check", compiled, err, language.get().code());
    }
    Catalogue catalogue = compiled.catalogue().get();
    List<Input> inputs = inputs(line.getArgList());
    boolean progress = line.hasOption("progress") || (terminal && !line.hasOption("no-progress"));
    Templates html = templates;
    // The JSON report gives every language unless one is asked for.
    Optional<Language> only = line.hasOption("lang") ? language : Optional.empty();
    try {
      if (line.hasOption("out")) {
        AtomicFile.write(Path.of(line.getOptionValue("out")), stream -> {
          if (format.equals("json")) {
            // Straight to bytes: the generator encodes UTF-8 itself, far faster than a writer does.
            check(catalogue, inputs, CheckReport.json(catalogue, language.get(), only, stream), progress);
            return;
          }
          Writer file = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
          Writer writer = format.equals("text") ? new EscapingWriter(file) : file;
          check(catalogue, inputs, CheckReport.of(format, catalogue, language.get(), only, writer, html), progress);
          writer.flush();
        });
      } else {
        check(catalogue, inputs, CheckReport.of(format, catalogue, language.get(), only, out, html), progress);
      }
    } catch (TemplateFailure e) {
      err.println("talap check: " + e.getCause().getMessage());
      return Main.USAGE;
    } catch (IOException | UncheckedIOException e) {
      err.println("talap check: cannot write the report: " + e.getMessage());
      return Main.USAGE;
    }
    return invalid > catalogueFailures ? Main.USAGE
        : incomplete + notAccepted > 0 || catalogueFailures > 0 ? Main.FAILED : Main.OK;
  }

  /** One file to read: a single JSON submission, or JSON Lines. */
  private record Input(Path path, boolean lines) {}

  private List<Input> inputs(List<String> args) {
    List<Input> inputs = new ArrayList<>();
    for (String arg : args) {
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.list(path)) {
          files.filter(p -> isJson(p) || isJsonLines(p)).sorted()
              .forEach(p -> inputs.add(new Input(p, isJsonLines(p))));
        } catch (IOException e) {
          inputs.add(new Input(path, false));
        }
      } else {
        inputs.add(new Input(path, isJsonLines(path)));
      }
    }
    return inputs;
  }

  private static boolean isJson(Path path) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static boolean isJsonLines(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".ndjson");
  }

  private void check(Catalogue catalogue, List<Input> inputs, CheckReport report, boolean progress)
      throws IOException {
    Checker checker = new Checker(catalogue);
    SubmissionJson.Reader submissions = SubmissionJson.reader(catalogue);
    Progress bar = new Progress(progress ? expected(inputs) : 0);
    for (Input input : inputs) {
      if (!Files.isRegularFile(input.path())) {
        fail(report, input.path().toString(), List.of(said(report, Files.exists(input.path())
            ? Phrase.of("input.not-a-file") : Phrase.of("input.file-not-found"))), bar);
        continue;
      }
      if (!input.lines()) {
        String text;
        try {
          text = Files.readString(input.path(), StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
          fail(report, input.path().toString(), List.of(said(report, Phrase.of("input.not-utf8"))), bar);
          continue;
        } catch (IOException e) {
          fail(report, input.path().toString(),
            List.of(said(report, Phrase.of("input.cannot-read", "reason", String.valueOf(e.getMessage())))), bar);
          continue;
        }
        one(submissions, checker, report, input.path().toString(), text, null, bar);
        continue;
      }
      // Read as bytes: a well-formed line goes to the parser without being decoded into a string; a line that is
      // not UTF-8 is reported on its own and the lines after it are still checked.
      try (JsonLines lines = new JsonLines(Files.newInputStream(input.path()))) {
        while (lines.next()) {
          String source = input.path() + ":" + lines.number();
          if (!lines.utf8()) {
            fail(report, source, List.of(said(report, Phrase.of("input.not-utf8"))), bar);
          } else if (!lines.blank()) {
            one(submissions, checker, report, source, null, lines, bar);
          }
        }
      } catch (IOException e) {
        fail(report, input.path().toString(),
            List.of(said(report, Phrase.of("input.cannot-read", "reason", String.valueOf(e.getMessage())))), bar);
      }
    }
    bar.done();
    try {
      report.finish(total, complete, incomplete, notAccepted, invalid);
    } catch (TemplateProblem e) {
      throw new TemplateFailure(e);
    }
  }

  /** Reads and checks one submission, given as the text of a file or as a line of JSON Lines ({@code line}). */
  private void one(SubmissionJson.Reader submissions, Checker checker, CheckReport report, String source,
      String text, JsonLines line, Progress bar) throws IOException {
    boolean jsonLines = line != null;
    SubmissionJson.Parsed parsed;
    CheckResult result;
    try {
      parsed = jsonLines ? submissions.read(line.bytes(), line.offset(), line.length()) : submissions.read(text);
      result = parsed.submission().isEmpty() ? null : checker.check(parsed.submission().get());
    } catch (Condition.Failure | WorkingCalendar.NoWorkingDay e) {
      // The catalogue compiled but cannot decide this submission: report it here and check the others.
      catalogueFailures++;
      fail(report, source, List.of("error: cannot check: " + e.getMessage()), bar);
      return;
    } catch (RuntimeException e) {
      // Never expected: the submission is reported on its own and the rest of the batch is still checked.
      fail(report, source, List.of("could not be checked because of a fault in talap, not in the submission ("
          + e + "); please report it with this submission"), bar);
      return;
    }
    if (parsed.submission().isEmpty()) {
      List<String> problems = new ArrayList<>();
      for (Problem p : parsed.problems()) {
        // Malformed JSON: file:line:column, or for JSON Lines file:line:column within that line.
        String where = p.line() == 0 ? ": " : (jsonLines ? "" : ":" + p.line()) + ":" + p.column() + ": ";
        problems.add(source + where + p.toString(report.language.code()));
      }
      failLocated(report, source, problems, bar);
      return;
    }
    total++;
    switch (result.verdict()) {
      case COMPLETE -> complete++;
      case INCOMPLETE -> incomplete++;
      case NOT_ACCEPTED -> notAccepted++;
    }
    report.result(source, result);
    bar.step();
  }

  /** An input error in the report's language. */
  private static String said(CheckReport report, Phrase phrase) {
    return phrase.in(report.language.code());
  }

  private void fail(CheckReport report, String source, List<String> problems, Progress bar) throws IOException {
    List<String> located = new ArrayList<>();
    problems.forEach(p -> located.add(source + (p.startsWith(":") ? "" : ": ") + p));
    failLocated(report, source, located, bar);
  }

  /** Reports input errors; each problem already starts with its source. */
  private void failLocated(CheckReport report, String source, List<String> problems, Progress bar)
      throws IOException {
    total++;
    invalid++;
    bar.clear();
    problems.forEach(err::println);
    report.invalid(source, problems);
    bar.step();
  }

  /** How many submissions the inputs hold: one per file, one per non-blank line of JSON Lines. */
  private static int expected(List<Input> inputs) {
    int count = 0;
    for (Input input : inputs) {
      if (!input.lines()) {
        count++;
        continue;
      }
      try (JsonLines lines = new JsonLines(Files.newInputStream(input.path()))) {
        while (lines.next()) {
          if (!lines.utf8() || !lines.blank()) {
            count++;
          }
        }
      } catch (IOException e) {
        count++;
      }
    }
    return count;
  }

  /** A one-line progress bar on the error stream, redrawn at most once per percent. */
  private final class Progress {
    private final int expected;
    private int done;
    private int drawn = -1;

    Progress(int expected) {
      this.expected = expected >= PROGRESS_FROM ? expected : 0;
    }

    void step() {
      done++;
      if (expected == 0) {
        return;
      }
      int percent = (int) Math.min(100, done * 100L / expected);
      if (percent != drawn) {
        drawn = percent;
        int width = 30;
        int filled = percent * width / 100;
        progressErr.print("\rchecking [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + percent + "% "
            + done + "/" + expected);
        progressErr.flush();
      }
    }

    void clear() {
      if (expected > 0 && drawn >= 0) {
        progressErr.print("\r" + " ".repeat(60) + "\r");
        drawn = -1;
      }
    }

    void done() {
      if (expected > 0 && drawn >= 0) {
        progressErr.println();
      }
    }
  }

  /** Carries a template problem out of the report writer. */
  private static final class TemplateFailure extends IOException {
    TemplateFailure(TemplateProblem cause) {
      super(cause);
    }
  }
}

package kz.talap.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.talap.compile.CompileResult;
import kz.talap.scenario.ScenarioRunner;
import kz.talap.scenario.ScenarioRunner.Failure;
import kz.talap.scenario.ScenarioRunner.Report;
import kz.talap.workbook.RawRow;
import kz.talap.workbook.ReadResult;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code talap test}: runs the scenarios of the Tests sheets and prints each failure with its row. */
final class TestCommand {
  private final PrintWriter out;
  private final PrintWriter err;

  TestCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Options options = CompileCommand.catalogueOptions();
    options.addOption(kz.talap.cli.Options.asOf());
    options.addOption(kz.talap.cli.Options.lang("language of the catalogue's error messages"));
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("test", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("test",
          "Runs the scenarios of the Tests sheets: each row is checked and compared with its expected result.",
          options));
      return Main.OK;
    }
    if (!line.getArgList().isEmpty()) {
      err.println("talap test: unexpected argument '" + line.getArgList().get(0) + "'");
      return Main.USAGE;
    }
    Optional<LocalDate> asOf = kz.talap.cli.Options.asOf("test", line, err);
    Optional<String> lang = kz.talap.cli.Options.lang("test", line, err);
    if (asOf.isEmpty() || lang.isEmpty()) {
      return Main.USAGE;
    }
    if (!CompileCommand.announce(line, "test", err)) {
      return Main.FAILED;
    }
    ReadResult read = CompileCommand.read(line);
    CompileResult compiled = CompileCommand.compile(read, line, asOf.get());
    if (compiled.catalogue().isEmpty()) {
      return CompileCommand.explainErrors("test", compiled, err, lang.get());
    }
    List<RawRow> rows = read.rows(ScenarioRunner.table()).toList();
    if (rows.isEmpty()) {
      err.println("talap test: no scenarios: the catalogue has no rows in a " + ScenarioRunner.table() + " sheet");
      return Main.FAILED;
    }
    Report report = new ScenarioRunner(compiled.catalogue().get()).run(rows);
    for (Failure failure : report.failures()) {
      out.println(failure);
    }
    long failed = report.failures().stream().map(f -> f.where().row() + "/" + f.where().file()).distinct().count();
    out.println(CompileCommand.count(report.total(), "scenario") + ": " + (report.total() - failed) + " passed, "
        + failed + " failed");
    return failed == 0 ? Main.OK : Main.FAILED;
  }
}

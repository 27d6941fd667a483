package kz.talap.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.compile.CompileResult;
import kz.talap.json.QualityJson;
import kz.talap.quality.Quality;
import kz.talap.quality.QualityReport;
import kz.talap.workbook.ReadResult;
import kz.talap.workbook.WorkbookReader;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code talap quality}: what is legal but probably wrong in the catalogue, each at its cell. Missing translations are
 * counted, not errors, so that a catalogue in translation can be looked at.
 */
final class QualityCommand {
  private static final List<String> FORMATS = List.of("text", "markdown", "json");
  private final PrintWriter out;
  private final PrintWriter err;

  QualityCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Options options = kz.talap.cli.Options.withHelp(new Options());
    options.addOption(Option.builder("c").longOpt("catalogue").hasArgs().argName("PATH")
        .desc("catalogue workbook(s) or folder(s) of .xlsx files (default: catalogue)").build());
    options.addOption(Option.builder().longOpt("allow-missing-translations")
        .desc("accepted as for compile; quality always counts missing translations instead of failing").build());
    options.addOption(kz.talap.cli.Options.asOf());
    options.addOption(kz.talap.cli.Options.lang("language of the catalogue's error messages"));
    options.addOption(Option.builder("f").longOpt("format").hasArg().argName("FORMAT")
        .desc("text (default), markdown or json").build());
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("quality", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("quality",
          "Reports what compiles but is probably wrong: texts missing per language, conditions that never or "
              + "always hold, suspicious citations, rows whose validity has ended, duplicate wording. Exit 0 with "
              + "a report, 1 when the catalogue has errors.", options));
      return Main.OK;
    }
    if (!line.getArgList().isEmpty()) {
      err.println("talap quality: unexpected argument '" + line.getArgList().get(0) + "'");
      return Main.USAGE;
    }
    String format = line.getOptionValue("format", "text");
    if (!FORMATS.contains(format)) {
      err.println("talap quality: unknown format '" + format + "' (expected text, markdown or json)");
      return Main.USAGE;
    }
    Optional<LocalDate> asOf = kz.talap.cli.Options.asOf("quality", line, err);
    Optional<String> lang = kz.talap.cli.Options.lang("quality", line, err);
    if (asOf.isEmpty() || lang.isEmpty()) {
      return Main.USAGE;
    }
    if (!CompileCommand.announce(line, "quality", err)) {
      return Main.FAILED;
    }
    ReadResult read = WorkbookReader.read(CompileCommand.inputs(line));
    // A translation in progress is what the completeness table is for, so it must not stop the report.
    CompileResult result = CatalogueCompiler.compile(read, asOf.get(), false);
    if (result.catalogue().isEmpty()) {
      CompileCommand.printDiagnostics(result.diagnostics(), true, err, lang.get());
      if (result.hasFatal()) {
        return Main.USAGE;
      }
      err.println("talap quality: " + CompileCommand.count(result.errors(), "error")
          + " in the catalogue; fix them first (talap compile, talap annotate)");
      return Main.FAILED;
    }
    QualityReport report = Quality.analyse(read, result.catalogue().get(), result.diagnostics(), asOf.get());
    out.print(switch (format) {
      case "markdown" -> report.markdown();
      case "json" -> QualityJson.write(report);
      default -> report.text();
    });
    return Main.OK;
  }
}

package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.talap.workbook.WorkbookWriter;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code talap new-workbook FILE}: an empty workbook with every table, header comments and drop-downs. */
final class NewWorkbookCommand {
  private final PrintWriter out;
  private final PrintWriter err;

  NewWorkbookCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Options options = kz.talap.cli.Options.withHelp(new Options());
    options.addOption(Option.builder("f").longOpt("force").desc("overwrite an existing file").build());
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("new-workbook", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("new-workbook FILE",
          "Writes an empty catalogue workbook with every table, header comments and drop-down lists.", options));
      return Main.OK;
    }
    if (line.getArgList().size() != 1) {
      err.println("talap new-workbook: give exactly one file name, e.g. talap new-workbook catalogue/ministry.xlsx");
      return Main.USAGE;
    }
    Path target = Path.of(line.getArgList().get(0));
    if (!target.getFileName().toString().endsWith(".xlsx")) {
      err.println("talap new-workbook: " + target + ": the file name must end with .xlsx");
      return Main.USAGE;
    }
    if (OutputPath.refused("new-workbook", target, OutputPath.Kind.WORKBOOK, List.of(), err)) {
      return Main.USAGE;
    }
    if (Files.exists(target) && !line.hasOption("force")) {
      err.println("talap new-workbook: " + target + " already exists (use --force to overwrite)");
      return Main.USAGE;
    }
    try {
      WorkbookWriter.write(target, Map.of());
    } catch (IOException e) {
      err.println("talap new-workbook: cannot write " + target + ": " + e.getMessage());
      return Main.USAGE;
    }
    out.println("Wrote " + target);
    return Main.OK;
  }
}

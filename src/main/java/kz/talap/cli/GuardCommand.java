package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.talap.workbook.WorkbookAnnotator;
import kz.talap.workbook.WorkbookGuard;
import kz.talap.workbook.WorkbookReader;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code talap guard [FILE|FOLDER ...]}: adds (or renews) the data validation and header comments of
 * {@link WorkbookGuard} to catalogue workbooks in place; their content is left as it was.
 */
final class GuardCommand {
  private final PrintWriter out;
  private final PrintWriter err;

  GuardCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Options options = kz.talap.cli.Options.withHelp(new Options());
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("guard", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("guard [FILE|FOLDER ...]",
          "Adds drop-down lists (with a STOP alert) for code and enum columns, date and number validation and "
              + "header comments to catalogue workbooks, in place; the content of the cells is not changed. "
              + "Default: every workbook in catalogue/. Run it again after adding codes in another workbook of "
              + "the folder, so the drop-downs offer them.", options));
      return Main.OK;
    }
    List<Path> inputs = line.getArgList().isEmpty() ? List.of(Path.of(CompileCommand.DEFAULT_CATALOGUE))
        : line.getArgList().stream().map(Path::of).toList();
    List<Path> workbooks = WorkbookAnnotator.workbooks(inputs);
    for (Path input : inputs) {
      if (Files.isDirectory(input) && WorkbookReader.files(List.of(input)).isEmpty()) {
        err.println("talap guard: " + input + ": no .xlsx workbook in this folder");
        return Main.USAGE;
      }
    }
    for (Path workbook : workbooks) {
      if (!workbook.getFileName().toString().endsWith(".xlsx")) {
        err.println("talap guard: " + workbook + ": not an .xlsx workbook");
        return Main.USAGE;
      }
      if (!Files.isRegularFile(workbook)) {
        err.println("talap guard: " + workbook + ": no such file");
        return Main.USAGE;
      }
    }
    for (Path workbook : workbooks) {
      List<Path> others = new ArrayList<>(WorkbookReader.files(List.of(folderOf(workbook))));
      others.removeIf(other -> sameFile(other, workbook) || WorkbookAnnotator.isAnnotatedCopy(other));
      try {
        int columns = WorkbookGuard.guardFile(workbook, WorkbookGuard.codes(others));
        out.println("Guarded " + workbook + ": " + CompileCommand.count(columns, "column") + " validated");
      } catch (IOException e) {
        err.println("talap guard: " + workbook + ": " + e.getMessage());
        return Main.USAGE;
      }
    }
    return Main.OK;
  }

  private static Path folderOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}

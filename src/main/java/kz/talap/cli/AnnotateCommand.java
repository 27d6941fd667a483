package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.talap.compile.CompileResult;
import kz.talap.source.Diagnostic;
import kz.talap.workbook.WorkbookAnnotator;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code talap annotate}: copies of the workbooks that have diagnostics, each problem cell filled and commented, for
 * the editor to fix in Excel or LibreOffice. The originals are never written.
 */
final class AnnotateCommand {
  static final String DEFAULT_OUT = "out/annotated";
  private final PrintWriter out;
  private final PrintWriter err;

  AnnotateCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Options options = CompileCommand.catalogueOptions();
    options.addOption(kz.talap.cli.Options.asOf());
    options.addOption(Option.builder("o").longOpt("out").hasArg().argName("FOLDER_OR_FILE")
        .desc("folder for the annotated copies, or an .xlsx file when one workbook has diagnostics "
            + "(default: " + DEFAULT_OUT + ")").build());
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("annotate", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("annotate",
          "Writes a copy of each workbook that has diagnostics, with every problem cell filled (red: error, "
              + "yellow: warning) and commented, and a _talap sheet listing them. Exit 1 when the catalogue has "
              + "errors (the copies are still written).", options));
      return Main.OK;
    }
    if (!line.getArgList().isEmpty()) {
      err.println("talap annotate: unexpected argument '" + line.getArgList().get(0) + "'");
      return Main.USAGE;
    }
    Optional<LocalDate> asOf = kz.talap.cli.Options.asOf("annotate", line, err);
    if (asOf.isEmpty()) {
      return Main.USAGE;
    }
    Path target = Path.of(line.getOptionValue("out", DEFAULT_OUT));
    boolean toFile = target.getFileName() != null && target.getFileName().toString().endsWith(".xlsx")
        && !Files.isDirectory(target);
    if (!toFile && Files.exists(target) && !Files.isDirectory(target)) {
      err.println("talap annotate: " + target + " is a file; give a folder or an .xlsx file with --out");
      return Main.USAGE;
    }
    if (OutputPath.refused("annotate", target, toFile ? OutputPath.Kind.WORKBOOK : OutputPath.Kind.FOLDER,
        OutputPath.Input.catalogue(CompileCommand.inputs(line)), err)) {
      return Main.USAGE;
    }
    if (!CompileCommand.announce(line, "annotate", err)) {
      return Main.FAILED;
    }
    CompileResult result = CompileCommand.compile(line, asOf.get());
    CompileCommand.printDiagnostics(result.diagnostics(), false, err);
    if (result.hasFatal()) {
      return Main.USAGE;
    }
    List<Path> workbooks = WorkbookAnnotator.workbooks(CompileCommand.named(line));
    Map<String, Path> byName = new LinkedHashMap<>();
    for (Path workbook : workbooks) {
      Path earlier = byName.put(workbook.getFileName().toString(), workbook);
      if (earlier != null) {
        err.println("talap annotate: two workbooks are named " + workbook.getFileName() + " (" + earlier + ", "
            + workbook + "); annotate them one at a time");
        return Main.USAGE;
      }
    }
    Map<Path, Path> copies = new LinkedHashMap<>();
    for (Path workbook : workbooks) {
      if (count(result.diagnostics(), workbook, true) + count(result.diagnostics(), workbook, false) > 0) {
        copies.put(workbook, toFile ? target : target.resolve(workbook.getFileName().toString()));
      }
    }
    if (toFile && copies.size() > 1) {
      err.println("talap annotate: " + copies.size() + " workbooks have diagnostics; give a folder with --out");
      return Main.USAGE;
    }
    for (Path copy : copies.values()) {
      Optional<Path> input = workbooks.stream().filter(w -> sameFile(copy, w)).findFirst();
      if (input.isPresent()) {
        err.println("talap annotate: " + copy + " is the input workbook " + input.get()
            + "; choose another --out (the original is never changed)");
        return Main.USAGE;
      }
    }
    removeStaleCopies(workbooks, copies, target, toFile);
    if (copies.isEmpty()) {
      out.println("No diagnostics: nothing to annotate");
      return Main.OK;
    }
    for (Map.Entry<Path, Path> copy : copies.entrySet()) {
      try {
        List<Path> others = new java.util.ArrayList<>(WorkbookAnnotator.workbooks(CompileCommand.inputs(line)));
        others.removeIf(other -> sameFile(other, copy.getKey()));
        WorkbookAnnotator.annotate(copy.getKey(), copy.getValue(), result.diagnostics(),
            kz.talap.workbook.WorkbookGuard.codes(others));
      } catch (IOException | RuntimeException e) {
        err.println("talap annotate: cannot write " + copy.getValue() + ": " + e.getMessage());
        return Main.USAGE;
      }
    }
    out.println("Annotated " + CompileCommand.count(copies.size(), "workbook") + ": "
        + tally(result.errors(), result.warnings()));
    copies.forEach((source, copy) -> out.println("  " + copy + ": "
        + tally(count(result.diagnostics(), source, true), count(result.diagnostics(), source, false))));
    return result.errors() > 0 ? Main.FAILED : Main.OK;
  }

  /**
   * Removes copies left by an earlier run that would now mislead: in a folder, those of workbooks without diagnostics;
   * a single file, when no workbook has any. Only talap's own copies (with a _talap sheet) are removed.
   */
  private void removeStaleCopies(List<Path> workbooks, Map<Path, Path> copies, Path target, boolean toFile) {
    List<Path> candidates = toFile
        ? (copies.isEmpty() ? List.of(target) : List.of())
        : workbooks.stream().filter(w -> !copies.containsKey(w))
            .map(w -> target.resolve(w.getFileName().toString())).toList();
    for (Path stale : candidates) {
      if (!Files.isRegularFile(stale) || workbooks.stream().anyMatch(w -> sameFile(stale, w))
          || !WorkbookAnnotator.isAnnotatedCopy(stale)) {
        continue;
      }
      try {
        Files.delete(stale);
        out.println("Removed " + stale + " (no diagnostics now)");
      } catch (IOException e) {
        err.println("talap annotate: cannot remove the old copy " + stale + ": " + e.getMessage());
      }
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  private static long count(List<Diagnostic> diagnostics, Path workbook, boolean errors) {
    String name = workbook.getFileName().toString();
    return diagnostics.stream().filter(d -> d.where().file().equals(name) && d.isError() == errors).count();
  }

  private static String tally(long errors, long warnings) {
    return CompileCommand.count(errors, "error") + ", " + CompileCommand.count(warnings, "warning");
  }
}

package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.talap.compile.CompileResult;
import kz.talap.diff.CatalogueDiff;
import kz.talap.json.DiffJson;
import kz.talap.model.Catalogue;
import kz.talap.source.AtomicFile;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code talap diff OLD NEW}: what changed between two catalogues, by meaning, as text, Markdown or JSON. */
final class DiffCommand {
  private static final List<String> FORMATS = List.of("text", "markdown", "json");
  private final PrintWriter out;
  private final PrintWriter err;

  DiffCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Options options = kz.talap.cli.Options.withHelp(new Options());
    options.addOption(kz.talap.cli.Options.asOf());
    options.addOption(kz.talap.cli.Options.lang("language of the catalogues' error messages"));
    options.addOption(Option.builder().longOpt("allow-missing-translations")
        .desc("report missing kk/ru/en texts as warnings instead of errors").build());
    options.addOption(Option.builder("f").longOpt("format").hasArg().argName("FORMAT")
        .desc("text (default), markdown or json").build());
    options.addOption(Option.builder("o").longOpt("out").hasArg().argName("FILE")
        .desc("write the report to FILE (atomically) instead of the standard output").build());
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("diff", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("diff OLD NEW",
          "Lists what changed from the catalogue OLD to NEW: rows added, removed or changed, by table and code. "
              + "OLD and NEW are each a workbook, a folder of workbooks, or git:REV (catalogue/ at a git "
              + "revision). Exit 0 whether or not anything changed, 1 if a catalogue has errors, 2 on bad input.",
          options));
      return Main.OK;
    }
    if (line.getArgList().size() != 2) {
      err.println("talap diff: expected two catalogues, OLD and NEW (a workbook, a folder of workbooks, or "
          + "git:REV); got " + line.getArgList().size());
      return Main.USAGE;
    }
    String format = line.getOptionValue("format", "text");
    if (!FORMATS.contains(format)) {
      err.println("talap diff: unknown format '" + format + "' (text, markdown or json)");
      return Main.USAGE;
    }
    Optional<LocalDate> asOf = kz.talap.cli.Options.asOf("diff", line, err);
    Optional<String> lang = kz.talap.cli.Options.lang("diff", line, err);
    if (asOf.isEmpty() || lang.isEmpty()) {
      return Main.USAGE;
    }
    boolean translations = !line.hasOption("allow-missing-translations");
    String oldName = line.getArgList().get(0);
    String newName = line.getArgList().get(1);
    if (line.hasOption("out") && OutputPath.refused("diff", Path.of(line.getOptionValue("out")),
        OutputPath.Kind.FILE, java.util.stream.Stream.of(oldName, newName).filter(n -> !n.startsWith("git:"))
            .map(n -> OutputPath.Input.catalogue(Path.of(n))).toList(), err, lang.get())) {
      return Main.USAGE;
    }
    Compared compared = compare(oldName, newName, asOf.get(), translations, "diff", err, lang.get());
    if (compared.exit() != Main.OK) {
      return compared.exit();
    }
    CatalogueDiff diff = CatalogueDiff.between(compared.old(), compared.now());
    DiffReport report = new DiffReport(diff, oldName, newName);
    String text = switch (format) {
      case "markdown" -> report.markdown();
      case "json" -> DiffJson.toJson(diff, oldName, newName);
      default -> report.text();
    };
    if (!line.hasOption("out")) {
      out.print(text);
      return Main.OK;
    }
    Path target = Path.of(line.getOptionValue("out"));
    try {
      String shown = format.equals("json") ? text : kz.talap.source.Quoted.escape(text);
      AtomicFile.write(target, stream -> stream.write(shown.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      err.println("talap diff: cannot write " + target + ": " + e.getMessage());
      return Main.USAGE;
    }
    out.println("Wrote " + report.summary() + " to " + target);
    return Main.OK;
  }

  /** Both catalogues compiled, or the exit code of the first problem (its diagnostics already printed). */
  record Compared(int exit, Catalogue old, Catalogue now) {}

  /**
   * Opens and compiles OLD and NEW (every version of every row), printing their diagnostics. Exit 2 for a bad
   * argument or an unreadable workbook, 1 when a catalogue has errors.
   */
  static Compared compare(String oldName, String newName, LocalDate asOf, boolean translations, String command,
      PrintWriter err, String lang) {
    String[] names = {oldName, newName};
    CatalogueSource[] sources = new CatalogueSource[2];
    try {
      for (int i = 0; i < 2; i++) {
        try {
          sources[i] = CatalogueSource.of(names[i]);
        } catch (CatalogueSource.Problem e) {
          err.println("talap " + command + ": " + e.getMessage());
          return new Compared(Main.USAGE, null, null);
        }
      }
      List<List<Path>> inputs = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Optional<List<Path>> side = side(sources[i], names[i], sources[1 - i], names[1 - i], command, err);
        if (side.isEmpty()) {
          return new Compared(Main.FAILED, null, null);
        }
        inputs.add(side.get());
      }
      Catalogue[] catalogues = new Catalogue[2];
      int exit = Main.OK;
      for (int i = 0; i < 2; i++) {
        CompileResult result = CatalogueSource.compile(inputs.get(i), asOf, translations);
        CompileCommand.printDiagnostics(result.diagnostics(), false, err, lang);
        if (result.hasFatal()) {
          return new Compared(Main.USAGE, null, null);
        }
        if (result.catalogue().isEmpty()) {
          err.println("talap " + command + ": " + names[i] + ": " + CompileCommand.count(result.errors(), "error")
              + ", " + CompileCommand.count(result.warnings(), "warning"));
          exit = Main.FAILED;
        } else {
          catalogues[i] = result.catalogue().get();
        }
      }
      return new Compared(exit, catalogues[0], catalogues[1]);
    } finally {
      for (CatalogueSource source : sources) {
        if (source != null) {
          source.close();
        }
      }
    }
  }

  /**
   * The workbooks one side compiles: a workbook named alone with the companions of its own folder, or, when its
   * folder has none that declare the names it uses, with those of the other side's folder (said in one line).
   */
  private static Optional<List<Path>> side(CatalogueSource source, String name, CatalogueSource other,
      String otherName, String command, PrintWriter err) {
    Companions.Resolution own = Companions.compute(List.of(source.path()), List.of());
    if (own.problem().isPresent() && Files.isRegularFile(other.path())) {
      Path otherFolder = other.path().toAbsolutePath().getParent();
      List<Path> shared = kz.talap.workbook.WorkbookReader.files(List.of(otherFolder)).stream()
          .filter(f -> !f.getFileName().equals(other.path().getFileName()))
          .map(f -> other.path().resolveSibling(f.getFileName()))
          .toList();
      Companions.Resolution borrowed = Companions.compute(List.of(source.path()), shared);
      if (borrowed.problem().isEmpty() && borrowed.note().isPresent()) {
        Path ownFolder = source.path().getParent();
        err.println(borrowed.note().get() + ", shared from the folder of " + otherName + " as "
            + (ownFolder == null ? "." : ownFolder) + " has none");
        return Optional.of(borrowed.inputs());
      }
    }
    own.note().ifPresent(err::println);
    if (own.problem().isPresent()) {
      err.println("talap " + command + ": " + own.problem().get());
      return Optional.empty();
    }
    return Optional.of(own.inputs());
  }
}

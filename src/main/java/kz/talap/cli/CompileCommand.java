package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.talap.cache.CompiledCache;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.compile.CompileResult;
import kz.talap.json.CatalogueJson;
import kz.talap.model.Catalogue;
import kz.talap.source.Diagnostic;
import kz.talap.source.Phrase;
import kz.talap.workbook.ReadResult;
import kz.talap.workbook.WorkbookReader;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code talap compile}: workbooks to a checked catalogue, printed diagnostics and {@code out/catalogue.json}. */
final class CompileCommand {
  static final String DEFAULT_CATALOGUE = "catalogue";
  private final PrintWriter out;
  private final PrintWriter err;

  CompileCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** The options every command that reads the catalogue takes. */
  static Options catalogueOptions() {
    Options options = kz.talap.cli.Options.withHelp(new Options());
    options.addOption(Option.builder("c").longOpt("catalogue").hasArgs().argName("PATH")
        .desc("catalogue workbook(s) or folder(s) of .xlsx files (default: catalogue)").build());
    options.addOption(Option.builder().longOpt("allow-missing-translations")
        .desc("report missing kk/ru/en texts as warnings instead of errors").build());
    return options;
  }

  int run(String[] args) {
    Options options = catalogueOptions();
    options.addOption(kz.talap.cli.Options.asOf());
    options.addOption(Option.builder("o").longOpt("out").hasArg().argName("FILE")
        .desc("where to write the compiled model (default: out/catalogue.json)").build());
    options.addOption(Option.builder("q").longOpt("quiet").desc("print errors only, no warnings").build());
    options.addOption(kz.talap.cli.Options.lang("language of the messages"));
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("compile", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("compile",
          "Compiles the catalogue workbooks and writes the compiled model as JSON.", options));
      return Main.OK;
    }
    if (!line.getArgList().isEmpty()) {
      err.println("talap compile: unexpected argument '" + line.getArgList().get(0) + "'");
      return Main.USAGE;
    }
    Optional<LocalDate> asOf = kz.talap.cli.Options.asOf("compile", line, err);
    Optional<String> lang = kz.talap.cli.Options.lang("compile", line, err);
    if (asOf.isEmpty() || lang.isEmpty()) {
      return Main.USAGE;
    }
    Path target = Path.of(line.getOptionValue("out", "out/catalogue.json"));
    if (OutputPath.refused("compile", target, OutputPath.Kind.FILE, OutputPath.Input.catalogue(inputs(line)), err,
        lang.get())) {
      return Main.USAGE;
    }
    long started = System.nanoTime();
    if (!announce(line, "compile", err)) {
      return Main.FAILED;
    }
    CompileResult result = compile(line, asOf.get());
    printDiagnostics(result.diagnostics(), line.hasOption("quiet"), err, lang.get());
    if (result.hasFatal()) {
      return Main.USAGE;
    }
    if (result.catalogue().isEmpty()) {
      err.println(lang.get().equals("en")
          ? "talap compile: " + count(result.errors(), "error") + ", " + count(result.warnings(), "warning")
              + "; nothing written"
          : "talap compile: " + Phrase.of("cli.nothing-written", "errors", result.errors(), "warnings",
              result.warnings()).in(lang.get()));
      return Main.FAILED;
    }
    long warnings = result.warnings();
    Catalogue snapshot = result.catalogue().get().at(asOf.get());
    // Only the snapshot is written: dropping the full catalogue (its rows not in force, the diagnostics) leaves the
    // writer of a national catalogue's JSON that much more of a small heap.
    result = null;
    try {
      CatalogueJson.write(snapshot, asOf.get(), target);
    } catch (IOException e) {
      err.println("talap compile: cannot write " + target + ": " + e.getMessage());
      return Main.USAGE;
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    // English says each count with its noun in the right number ("1 warning", "4 services"); the Russian and
    // Kazakh phrases put the noun before the number ("услуг: 4"), which needs no plural forms.
    String[] nouns = {"service", "sub-type", "document", "requirement", "warning"};
    long[] counts = {snapshot.services().size(), snapshot.subTypes().size(), snapshot.documents().size(),
        snapshot.requirements().size(), warnings};
    java.util.List<Object> summary = new java.util.ArrayList<>(List.of("version", snapshot.version(), "date",
        asOf.get().toString()));
    String[] names = {"services", "subtypes", "documents", "requirements", "warnings"};
    for (int i = 0; i < names.length; i++) {
      summary.add(names[i]);
      summary.add(java.util.Map.of("en", count(counts[i], nouns[i]), "ru", String.valueOf(counts[i]), "kk",
          String.valueOf(counts[i])));
    }
    out.println(kz.talap.source.Phrase.of("cli.compiled", summary.toArray()).in(lang.get()));
    out.println(kz.talap.source.Phrase.of("cli.wrote", "path", target.toString(), "ms", millis).in(lang.get()));
    return Main.OK;
  }

  /** Reads and compiles the workbooks named by --catalogue, raw rows freed as they are compiled. */
  static CompileResult compile(CommandLine line, LocalDate asOf) {
    return CatalogueCompiler.compile(inputs(line), asOf, !line.hasOption("allow-missing-translations"));
  }

  /** The option of commands that use the compiled-catalogue cache. */
  static Option noCache() {
    return Option.builder().longOpt("no-cache")
        .desc("compile the workbooks even when a compiled catalogue for them is cached").build();
  }

  /**
   * For commands that only need the model: the compiled catalogue from the cache when the workbooks, the templates
   * and the options are unchanged since it was compiled, otherwise compiled now (see {@link CompiledCache}).
   */
  static CompileResult compiled(CommandLine line, LocalDate asOf) {
    if (line.hasOption("no-cache")) {
      return compile(line, asOf);
    }
    Path templates = Path.of(line.hasOption("templates") ? line.getOptionValue("templates")
        : PublishCommand.DEFAULT_TEMPLATES);
    return new CompiledCache(cacheFolder()).compile(inputs(line), Optional.of(templates), asOf,
        !line.hasOption("allow-missing-translations")).result();
  }

  /** The cache folder: out/cache, or the system property talap.cache (tests and the benchmark set it). */
  static Path cacheFolder() {
    String folder = System.getProperty("talap.cache");
    return folder == null ? CompiledCache.DEFAULT_FOLDER : Path.of(folder);
  }

  /** Reads the workbooks named by --catalogue (default: the catalogue folder). */
  static ReadResult read(CommandLine line) {
    return WorkbookReader.read(inputs(line));
  }

  static CompileResult compile(ReadResult read, CommandLine line, LocalDate asOf) {
    return CatalogueCompiler.compile(read, asOf, !line.hasOption("allow-missing-translations"));
  }

  /**
   * The files and folders given with --catalogue, or the default catalogue folder, with the companions of a
   * workbook named alone (see {@link Companions}).
   */
  static List<Path> inputs(CommandLine line) {
    return Companions.resolve(named(line)).inputs();
  }

  /** The files and folders given with --catalogue, or the default catalogue folder, as written. */
  static List<Path> named(CommandLine line) {
    String[] paths = line.getOptionValues("catalogue");
    return paths == null ? List.of(Path.of(DEFAULT_CATALOGUE))
        : java.util.Arrays.stream(paths).map(Path::of).toList();
  }

  /**
   * Says in one line which workbooks a workbook named alone is compiled with; when the names it uses are declared
   * nowhere within reach, says which workbook declares them and how to include it, and returns false (exit 1).
   */
  static boolean announce(CommandLine line, String command, PrintWriter err) {
    Companions.Resolution resolution = Companions.resolve(named(line));
    resolution.note().ifPresent(err::println);
    resolution.problem().ifPresent(problem -> err.println("talap " + command + ": " + problem));
    return resolution.problem().isEmpty();
  }

  /**
   * For a command that needs the catalogue but got errors: prints them (errors only) and a hint, and returns the exit
   * code (2 for unreadable input, 1 for catalogue errors).
   */
  static int explainErrors(String command, CompileResult result, PrintWriter err) {
    return explainErrors(command, result, err, "en");
  }

  /** As {@link #explainErrors(String, CompileResult, PrintWriter)}, in the language {@code lang}. */
  static int explainErrors(String command, CompileResult result, PrintWriter err, String lang) {
    printDiagnostics(result.diagnostics(), true, err, lang);
    err.println("talap " + command + ": " + Phrase.of("cli.catalogue-has-errors").in(lang));
    return result.hasFatal() ? Main.USAGE : Main.FAILED;
  }

  static void printDiagnostics(List<Diagnostic> diagnostics, boolean quiet, PrintWriter err) {
    printDiagnostics(diagnostics, quiet, err, "en");
  }

  /** Prints the diagnostics in the language {@code lang}; with {@code quiet}, only the errors. */
  static void printDiagnostics(List<Diagnostic> diagnostics, boolean quiet, PrintWriter err, String lang) {
    for (Diagnostic diagnostic : diagnostics) {
      if (!quiet || diagnostic.isError()) {
        err.println(diagnostic.toString(lang));
      }
    }
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.compile.CompileResult;
import kz.talap.diff.CatalogueDiff;
import kz.talap.json.CatalogueJson;
import kz.talap.json.DiffJson;
import kz.talap.json.QualityJson;
import kz.talap.model.Catalogue;
import kz.talap.publish.PdfFonts;
import kz.talap.publish.SitePublisher;
import kz.talap.publish.Templates;
import kz.talap.quality.Quality;
import kz.talap.quality.QualityReport;
import kz.talap.release.Manifest;
import kz.talap.release.ReleaseShelf;
import kz.talap.scenario.ScenarioRunner;
import kz.talap.workbook.ReadResult;
import kz.talap.workbook.WorkbookReader;

/**
 * {@code talap release build}: the catalogue, if it compiles without errors and passes every scenario, as a new
 * release folder: the workbooks, the compiled model, the site, the diff against the newest release before it, the
 * scenario results and the quality report, sealed by a manifest.
 */
final class ReleaseBuild {
  /** The workbooks of a release, as built: what {@code talap serve} compiles. */
  static final String WORKBOOKS = "workbooks";
  /** The diff, scenario and quality lines of a release, as {@code talap release show} prints them. */
  static final String SUMMARY = "summary.txt";

  /** What to build. */
  record Request(List<Path> catalogue, LocalDate asOf, String editor, Instant at, Path templates,
      Optional<Path> fonts) {}

  private final ReleaseShelf shelf;
  private final PrintWriter out;
  private final PrintWriter err;

  ReleaseBuild(ReleaseShelf shelf, PrintWriter out, PrintWriter err) {
    this.shelf = shelf;
    this.out = out;
    this.err = err;
  }

  int run(Request request) {
    List<Path> workbooks = WorkbookReader.files(request.catalogue());
    for (Path workbook : workbooks) {
      if (!Files.isRegularFile(workbook)) {
        return refuse(workbook + ": no such workbook", Main.USAGE);
      }
    }
    if (workbooks.isEmpty()) {
      return refuse("no .xlsx workbook in " + request.catalogue().stream().map(Path::toString).toList(), Main.USAGE);
    }
    Set<String> names = new HashSet<>();
    for (Path workbook : workbooks) {
      if (!names.add(workbook.getFileName().toString())) {
        return refuse("two workbooks are named " + workbook.getFileName() + "; a release keeps them in one folder",
            Main.USAGE);
      }
    }
    Templates templates;
    Optional<PdfFonts> fonts = Optional.empty();
    try {
      templates = Templates.in(request.templates());
      if (request.fonts().isPresent()) {
        fonts = Optional.of(PdfFonts.in(request.fonts().get()));
      }
    } catch (Templates.TemplateProblem e) {
      return refuse(e.getMessage(), Main.USAGE);
    } catch (SitePublisher.Problem e) {
      return refuse(e.getMessage(), Main.USAGE);
    }
    // The workbooks are copied first and the copies compiled, so the release holds exactly what was checked even if
    // an editor saves a workbook while it builds.
    Path staging;
    try {
      staging = shelf.stage();
      Path copies = Files.createDirectories(staging.resolve(WORKBOOKS));
      for (Path workbook : workbooks) {
        Files.copy(workbook, copies.resolve(workbook.getFileName().toString()));
      }
    } catch (IOException e) {
      return refuse("cannot copy the workbooks into " + shelf.root() + ": " + e.getMessage(), Main.USAGE);
    }
    int code = build(request, staging, templates, fonts);
    if (code != Main.OK) {
      shelf.discard(staging);
    }
    return code;
  }

  private int build(Request request, Path staging, Templates templates, Optional<PdfFonts> fonts) {
    ReadResult read = WorkbookReader.read(List.of(staging.resolve(WORKBOOKS)));
    CompileResult compiled = CatalogueCompiler.compile(read, request.asOf(), true);
    if (compiled.catalogue().isEmpty()) {
      CompileCommand.printDiagnostics(compiled.diagnostics(), true, err);
      return refuse("the catalogue has " + CompileCommand.count(compiled.errors(), "error")
          + " (talap compile, talap annotate)", compiled.hasFatal() ? Main.USAGE : Main.FAILED);
    }
    Catalogue catalogue = compiled.catalogue().get();
    ScenarioRunner.Report scenarios = new ScenarioRunner(catalogue).run(read.rows(ScenarioRunner.table()).toList());
    long failed = scenarios.failures().stream().map(f -> f.where().row() + "/" + f.where().file()).distinct().count();
    String scenarioLine = CompileCommand.count(scenarios.total(), "scenario") + ": " + (scenarios.total() - failed)
        + " passed, " + failed + " failed";
    if (failed > 0) {
      scenarios.failures().forEach(err::println);
      return refuse(scenarioLine + " (talap test)", Main.FAILED);
    }
    Optional<ReleaseShelf.Entry> previous = shelf.latest();
    Optional<Catalogue> before = Optional.empty();
    if (previous.isPresent()) {
      ReleaseShelf.Entry entry = previous.get();
      if (!entry.verified()) {
        return refuse("the previous release " + entry.id() + " fails verification (talap release verify "
            + entry.id() + ")", Main.FAILED);
      }
      CompileResult old = CatalogueCompiler.compile(WorkbookReader.read(List.of(entry.folder().resolve(WORKBOOKS))),
          request.asOf(), true);
      if (old.catalogue().isEmpty()) {
        return refuse("the previous release " + entry.id() + " does not compile as of " + request.asOf(),
            Main.FAILED);
      }
      before = old.catalogue();
    }
    QualityReport quality = Quality.analyse(read, catalogue, compiled.diagnostics(), request.asOf());
    String id = shelf.nextId(request.asOf());
    Manifest manifest;
    String diffSummary;
    String qualityLine;
    try {
      CatalogueJson.write(catalogue.at(request.asOf()), request.asOf(), staging.resolve("catalogue.json"));
      publishSite(catalogue, before, request.asOf(), templates, staging, fonts);
      if (before.isPresent()) {
        CatalogueDiff diff = CatalogueDiff.between(before.get(), catalogue);
        String from = "release " + previous.get().id();
        DiffReport report = new DiffReport(diff, from, "release " + id);
        write(staging.resolve("diff.txt"), report.text());
        write(staging.resolve("diff.json"), DiffJson.toJson(diff, from, "release " + id));
        diffSummary = report.summary() + " since release " + previous.get().id();
      } else {
        diffSummary = "first release: no diff";
      }
      StringBuilder lines = new StringBuilder();
      scenarios.failures().forEach(f -> lines.append(f).append('\n'));
      write(staging.resolve("scenarios.txt"), lines.append(scenarioLine).append('\n').toString());
      write(staging.resolve("quality.txt"), quality.text());
      write(staging.resolve("quality.json"), QualityJson.write(quality));
      qualityLine = CompileCommand.count(quality.count(QualityReport.Level.WARNING), "warning") + ", "
          + CompileCommand.count(quality.count(QualityReport.Level.INFO), "note");
      write(staging.resolve(SUMMARY), "Diff: " + diffSummary + "\nScenarios: " + scenarioLine + "\nQuality: "
          + qualityLine + "\n");
      manifest = shelf.seal(staging, id, catalogue.version(), request.asOf(), request.editor(), request.at(),
          previous.map(ReleaseShelf.Entry::id));
    } catch (IOException | Templates.TemplateProblem | ReleaseShelf.Problem e) {
      return refuse(e.getMessage(), Main.USAGE);
    } catch (SitePublisher.Problem e) {
      return refuse(e.getMessage(), e.inCatalogue() ? Main.FAILED : Main.USAGE);
    }
    out.println("Built release " + id + ": catalogue " + manifest.catalogueVersion() + " as of " + request.asOf()
        + ", " + CompileCommand.count(manifest.files().size(), "file") + ", by " + request.editor() + " at "
        + request.at());
    out.println("Diff: " + diffSummary);
    out.println("Scenarios: " + scenarioLine);
    out.println("Quality: " + qualityLine);
    out.println("Wrote " + shelf.root().resolve(id) + "; it awaits approval by a second editor: talap release "
        + "approve " + id + " --editor NAME");
    return Main.OK;
  }

  /**
   * Publishes the site as {@code talap publish} does, then keeps only the site itself as {@code site/}: publish swaps
   * a link to a versioned folder, whose random name must not reach the manifest.
   */
  private static void publishSite(Catalogue catalogue, Optional<Catalogue> before, LocalDate asOf,
      Templates templates, Path staging, Optional<PdfFonts> fonts)
      throws IOException, Templates.TemplateProblem, SitePublisher.Problem {
    Path work = Files.createDirectory(staging.resolve(".publish"));
    SitePublisher.publish(catalogue, before, asOf, templates, work.resolve("site"), fonts);
    Files.move(work.resolve("site").toRealPath(), staging.resolve("site"));
    try (java.util.stream.Stream<Path> paths = Files.walk(work)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private int refuse(String reason, int code) {
    err.println("talap release build: " + reason);
    err.println("talap release build: nothing built");
    return code;
  }
}

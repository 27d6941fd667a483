package kz.talap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import kz.talap.compile.CompileResult;
import kz.talap.diff.CatalogueDiff;
import kz.talap.model.Catalogue;
import kz.talap.publish.PdfFonts;
import kz.talap.publish.Site;
import kz.talap.publish.SitePublisher;
import kz.talap.publish.Templates;
import kz.talap.publish.Templates.TemplateProblem;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code talap publish}: the catalogue in force on a day as a static site of checklists in kk, ru and en. */
final class PublishCommand {
  static final String DEFAULT_OUT = "out/site";
  static final String DEFAULT_TEMPLATES = "templates";
  private final PrintWriter out;
  private final PrintWriter err;

  PublishCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Options options = CompileCommand.catalogueOptions();
    options.addOption(CompileCommand.noCache());
    options.addOption(kz.talap.cli.Options.asOf());
    options.addOption(Option.builder("o").longOpt("out").hasArg().argName("FOLDER")
        .desc("the site folder, replaced as a whole (default: " + DEFAULT_OUT + ")").build());
    options.addOption(Option.builder("t").longOpt("templates").hasArg().argName("FOLDER")
        .desc("the FreeMarker templates and site.css (default: " + DEFAULT_TEMPLATES + ")").build());
    options.addOption(Option.builder().longOpt("previous").hasArg().argName("OLD")
        .desc("the previous catalogue (a workbook, a folder of workbooks, or git:REV): adds a page per language "
            + "listing what changed since it").build());
    options.addOption(Option.builder().longOpt("pdf")
        .desc("also write an A4 PDF of every checklist page next to its HTML (en/trp/trp-work.pdf), linked from it")
        .build());
    options.addOption(Option.builder().longOpt("fonts").hasArg().argName("FOLDER")
        .desc("with --pdf: the folder of DejaVuSans.ttf and DejaVuSans-Bold.ttf (default: " + PdfFonts.DEBIAN + ")")
        .build());
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("publish", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("publish",
          "Publishes the catalogue as a static site of checklists in Kazakh, Russian and English.", options));
      return Main.OK;
    }
    if (!line.getArgList().isEmpty()) {
      err.println("talap publish: unexpected argument '" + line.getArgList().get(0) + "'");
      return Main.USAGE;
    }
    Optional<LocalDate> asOf = kz.talap.cli.Options.asOf("publish", line, err);
    if (asOf.isEmpty()) {
      return Main.USAGE;
    }
    Path target = Path.of(line.getOptionValue("out", DEFAULT_OUT));
    List<OutputPath.Input> read = new java.util.ArrayList<>(OutputPath.Input.catalogue(CompileCommand.inputs(line)));
    read.add(OutputPath.Input.templates(Path.of(line.getOptionValue("templates", DEFAULT_TEMPLATES))));
    if (line.hasOption("previous") && !line.getOptionValue("previous").startsWith("git:")) {
      read.add(OutputPath.Input.catalogue(Path.of(line.getOptionValue("previous"))));
    }
    if (OutputPath.refused("publish", target, OutputPath.Kind.FOLDER, read, err)) {
      return Main.USAGE;
    }
    try {
      SitePublisher.tidy(target);
    } catch (java.io.IOException e) {
      err.println("talap publish: cannot tidy up next to " + target + ": " + e.getMessage());
      return Main.USAGE;
    }
    Optional<PdfFonts> fonts = Optional.empty();
    if (line.hasOption("pdf")) {
      try {
        fonts = Optional.of(PdfFonts.in(Path.of(line.getOptionValue("fonts", PdfFonts.DEBIAN.toString()))));
      } catch (SitePublisher.Problem e) {
        return nothingPublished("talap publish: " + e.getMessage(), target, Main.USAGE);
      }
    } else if (line.hasOption("fonts")) {
      err.println("talap publish: --fonts is only for --pdf");
      return Main.USAGE;
    }
    long started = System.nanoTime();
    Templates templates;
    try {
      templates = Templates.in(Path.of(line.getOptionValue("templates", DEFAULT_TEMPLATES)));
    } catch (TemplateProblem e) {
      return nothingPublished(e.getMessage(), target, Main.USAGE);
    }
    if (!CompileCommand.announce(line, "publish", err)) {
      return nothingPublished(null, target, Main.FAILED);
    }
    CompileResult result = CompileCommand.compiled(line, asOf.get());
    CompileCommand.printDiagnostics(result.diagnostics(), false, err);
    if (result.hasFatal()) {
      return nothingPublished(null, target, Main.USAGE);
    }
    if (result.catalogue().isEmpty()) {
      return nothingPublished("talap publish: " + CompileCommand.count(result.errors(), "error") + ", "
          + CompileCommand.count(result.warnings(), "warning") + " in the catalogue", target, Main.FAILED);
    }
    Catalogue catalogue = result.catalogue().get();
    Optional<Catalogue> previous = Optional.empty();
    if (line.hasOption("previous")) {
      String name = line.getOptionValue("previous");
      CompileResult old;
      try (CatalogueSource source = CatalogueSource.of(name)) {
        old = source.compile(asOf.get(), !line.hasOption("allow-missing-translations"));
      } catch (CatalogueSource.Problem e) {
        return nothingPublished("talap publish: --previous " + e.getMessage(), target, Main.USAGE);
      }
      CompileCommand.printDiagnostics(old.diagnostics(), false, err);
      if (old.hasFatal()) {
        return nothingPublished(null, target, Main.USAGE);
      }
      if (old.catalogue().isEmpty()) {
        return nothingPublished("talap publish: " + CompileCommand.count(old.errors(), "error") + ", "
            + CompileCommand.count(old.warnings(), "warning") + " in the previous catalogue " + name, target,
            Main.FAILED);
      }
      previous = old.catalogue();
    }
    Site site;
    try {
      site = SitePublisher.publish(catalogue, previous, asOf.get(), templates, target, fonts);
    } catch (TemplateProblem e) {
      return nothingPublished(e.getMessage(), target, Main.USAGE);
    } catch (SitePublisher.Problem e) {
      return nothingPublished(e.inCatalogue() ? e.getMessage() : "talap publish: " + e.getMessage(), target,
          e.inCatalogue() ? Main.FAILED : Main.USAGE);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    Catalogue snapshot = catalogue.at(asOf.get());
    out.println("Catalogue " + snapshot.version() + " as of " + asOf.get() + ": "
        + CompileCommand.count(snapshot.services().size(), "service") + ", "
        + CompileCommand.count(snapshot.subTypes().size(), "sub-type") + ", "
        + CompileCommand.count(result.warnings(), "warning"));
    long pdfs = site.files().stream().filter(f -> f.endsWith(".pdf")).count();
    String questionnaires = site.questionnairePages() + " questionnaire pages";
    out.println("Published " + site.pages() + " pages" + (fonts.isPresent() ? ", " + questionnaires + " and " + pdfs
        + " PDFs" : " and " + questionnaires) + " in kk, ru, en to " + target + " in " + millis + " ms");
    if (previous.isPresent()) {
      DiffReport changes = new DiffReport(CatalogueDiff.between(previous.get(), catalogue),
          line.getOptionValue("previous"), "");
      out.println("What changed since " + line.getOptionValue("previous") + ": " + changes.summary() + " ("
          + String.join(", ", Stream.of("kk", "ru", "en").map(l -> l + "/changes.html").toList()) + ")");
    }
    out.println("Open " + target.resolve("index.html"));
    return Main.OK;
  }

  private int nothingPublished(String problem, Path target, int code) {
    if (problem != null) {
      err.println(problem);
    }
    err.println("talap publish: nothing published; " + target + " is unchanged");
    return code;
  }
}

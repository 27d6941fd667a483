package kz.talap.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import kz.talap.diff.CatalogueDiff;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums;
import kz.talap.model.Label;
import kz.talap.model.Language;
import kz.talap.publish.Templates.TemplateProblem;
import kz.talap.questionnaire.Questionnaire;

/**
 * Publishes the catalogue in force on a day as a static site: every page in every language rendered from the
 * templates, written to a temporary folder next to the target, then swapped in. Nothing on disk changes when a
 * template or the catalogue has a problem.
 */
public final class SitePublisher {
  /** Labels the publisher itself uses (the templates use more; a missing one is a template error at its line). */
  static final Set<String> LABELS = labels();
  /** Every page links the stylesheet copied from the templates folder. */
  static final String STYLESHEET = "site.css";
  /** The accessibility statement of each language, linked from every page's footer. */
  static final String ACCESSIBILITY = "accessibility.html";

  private SitePublisher() {}

  private static Set<String> labels() {
    Set<String> codes = new TreeSet<>(List.of("FREE", "MCI", "MCI_VALUE", "ORIGINAL_SHOWN", "MAX_AGE",
        "MIN_VALIDITY", "ONLY_FOR", "ONLY_CHANNELS", "ONLY_RECIPIENTS", "ORIGIN_FOREIGN", "ORIGIN_ANY",
        "ORIGIN_FOREIGN_TRANSLATION", "ORIGIN_ANY_TRANSLATION", "SET_ITEMS",
        "VALID_FROM", "VALID_TO", "LANGUAGE_NAME", "AS_OF", "ACCESSIBILITY", "ACCESSIBILITY_DATE", "SHARED_ITEMS"));
    for (Enums.TermUnit unit : Enums.TermUnit.values()) {
      codes.addAll(List.of(unit.name(), unit.name() + "_ONE", unit.name() + "_FEW"));
    }
    Stream.of(Enums.ServiceStatus.values()).forEach(s -> codes.add("STATUS_" + s.name()));
    Stream.of(Enums.SchedulePart.values()).forEach(p -> codes.add("PART_" + p.name()));
    Stream.of(Enums.DaySet.values()).forEach(d -> codes.add("DAYS_" + d.name()));
    Stream.of(Enums.Recipient.values()).forEach(r -> codes.add(r.name()));
    Stream.of(Enums.RuleKind.values()).forEach(k -> codes.add(k.name()));
    return Set.copyOf(codes);
  }

  /**
   * Renders every page of the catalogue in force on {@code asOf} and replaces the folder {@code target} with the
   * result.
   *
   * @throws TemplateProblem when a template is missing, does not parse or fails (nothing is written)
   * @throws Problem when the catalogue lacks labels, or the target cannot be written (nothing is changed)
   */
  public static Site publish(Catalogue catalogue, LocalDate asOf, Templates templates, Path target)
      throws TemplateProblem, Problem {
    return publish(catalogue, Optional.empty(), asOf, templates, target);
  }

  /**
   * Removes what killed runs left next to the site at {@code target} and puts back a site a killed run left without
   * its folder; run first, so that even a run that then fails leaves a complete site.
   */
  public static void tidy(Path target) throws IOException {
    SiteFolder.tidy(target);
  }

  /**
   * Publishes as {@link #publish(Catalogue, LocalDate, Templates, Path)} does and, given the previous catalogue, adds a
   * "what changed" page per language ({@code {lang}/changes.html}, template {@code changes.ftlh}) linked from each
   * language's index.
   */
  public static Site publish(Catalogue catalogue, Optional<Catalogue> previous, LocalDate asOf, Templates templates,
      Path target) throws TemplateProblem, Problem {
    return publish(catalogue, previous, asOf, templates, target, Optional.empty());
  }

  /**
   * Publishes as {@link #publish(Catalogue, Optional, LocalDate, Templates, Path)} does and, given fonts, adds an A4
   * PDF of every service and sub-type page next to its HTML ({@code {lang}/trp/trp-work.pdf}), rendered from that
   * HTML with the template folder's {@code pdf.css}, and a link to it on the page ({@code pdf} in page.ftlh).
   */
  public static Site publish(Catalogue catalogue, Optional<Catalogue> previous, LocalDate asOf, Templates templates,
      Path target, Optional<PdfFonts> pdf) throws TemplateProblem, Problem {
    Catalogue snapshot = catalogue.at(asOf);
    Set<String> missing = new TreeSet<>(LABELS);
    if (previous.isPresent()) {
      missing.addAll(ChangesPage.LABELS);
    }
    missing.addAll(new SiteIndex(snapshot).intentLabels());
    snapshot.labels().stream().map(Label::code).forEach(missing::remove);
    if (!missing.isEmpty()) {
      throw new Problem(true, "Labels: the catalogue has no label " + String.join(", ", missing)
          + " (talap publish needs them; add them to the Labels sheet)");
    }
    Map<String, Questionnaire> questionnaires = questionnaires(snapshot, asOf);
    Optional<Changes> changes = previous.map(p -> new Changes(CatalogueDiff.between(p, catalogue), catalogue, p));
    List<String> narrowedPdfs = new ArrayList<>();
    Map<String, byte[]> files = render(snapshot, asOf, templates, changes, pdf.isPresent(), questionnaires,
        narrowedPdfs);
    if (pdf.isPresent()) {
      addPdfs(files, new SiteIndex(snapshot).pages(), narrowedPdfs, pdf.get(), asOf, templates);
    }
    int questionnairePages = (int) files.keySet().stream()
        .filter(f -> f.endsWith(".html") && f.contains("/" + QuestionnairePages.FOLDER)).count();
    int pages = (int) files.keySet().stream().filter(f -> f.endsWith(".html")).count() - questionnairePages;
    try {
      SiteFolder.replace(target, files);
    } catch (IOException e) {
      throw new Problem(false, "cannot write " + target + ": " + e.getMessage());
    }
    return new Site(target, pages, questionnairePages, List.copyOf(files.keySet()));
  }

  /**
   * The questionnaire of every page that has one, by the page's path; checks that the catalogue has every label its
   * pages use.
   *
   * @throws Problem when a questionnaire would exceed its limits, or a label is missing (catalogue problems)
   */
  private static Map<String, Questionnaire> questionnaires(Catalogue snapshot, LocalDate asOf) throws Problem {
    Map<String, Questionnaire> questionnaires = new TreeMap<>();
    Set<String> labels = new TreeSet<>();
    for (SiteIndex.Page page : new SiteIndex(snapshot).pages()) {
      try {
        Optional<Questionnaire> questionnaire = Questionnaire.of(snapshot, asOf, page.service(), page.subtype());
        if (questionnaire.isPresent()) {
          questionnaires.put(page.path(), questionnaire.get());
          labels.addAll(QuestionnairePages.LABELS);
          labels.addAll(QuestionnairePages.labels(questionnaire.get()));
        }
      } catch (Questionnaire.TooLarge e) {
        throw new Problem(true, "Questionnaire " + e.getMessage());
      } catch (kz.talap.condition.Condition.Failure e) {
        // A condition that cannot be evaluated for some answers is a catalogue error; talap check would fail on it too.
        throw new Problem(true, "Questionnaire " + page.service().code()
            + page.subtype().map(s -> "/" + s.code()).orElse("") + ": " + e.getMessage());
      }
    }
    snapshot.labels().stream().map(Label::code).forEach(labels::remove);
    if (!labels.isEmpty()) {
      throw new Problem(true, "Labels: the catalogue has no label " + String.join(", ", labels)
          + " (the questionnaire pages need them; add them to the Labels sheet)");
    }
    return questionnaires;
  }

  /** The changes from the previous catalogue, and both catalogues (every version) to name the rows they refer to. */
  private record Changes(CatalogueDiff diff, Catalogue catalogue, Catalogue previous) {}

  /** Every file of the site, by its path relative to the site root, sorted. */
  private static Map<String, byte[]> render(Catalogue catalogue, LocalDate asOf, Templates templates,
      Optional<Changes> changes, boolean pdf, Map<String, Questionnaire> questionnaires, List<String> pdfSources)
      throws TemplateProblem {
    Map<String, byte[]> files = new TreeMap<>();
    SiteIndex index = new SiteIndex(catalogue);
    Map<Language, PageText> texts = new LinkedHashMap<>();
    for (Language language : Language.values()) {
      texts.put(language, new PageText(language, catalogue.labels()));
    }
    // Pages are independent: the service pages of every language are rendered on every core in one pass (not one
    // language after another), then collected in page order, so the first problem is reported and the output is
    // the same whatever the threads did.
    List<SiteIndex.Page> pages = index.pages();
    List<PageText> inOrder = new ArrayList<>(texts.values());
    List<Object> rendered = java.util.stream.IntStream.range(0, inOrder.size() * pages.size()).parallel()
        .mapToObj(n -> {
          PageText text = inOrder.get(n / pages.size());
          SiteIndex.Page page = pages.get(n % pages.size());
          String folder = text.language().code() + "/";
          try {
            Map<String, Object> pageModel = common(catalogue, asOf, text, texts, folder, page.path());
            pageModel.putAll(new ServicePage(catalogue, asOf, page.service(), page.subtype(), text).model());
            if (questionnaires.containsKey(page.path())) {
              String start = QuestionnairePages.folder(page.path()) + QuestionnairePages.FIRST;
              pageModel.put("questionnaire", Map.of("href", start.substring(start.indexOf('/') + 1),
                  "text", text.label("Q_START")));
            }
            if (pdf) {
              String file = PdfPage.path(page.path());
              pageModel.put("pdf", Map.of("href", file.substring(file.lastIndexOf('/') + 1),
                  "text", text.labels().getOrDefault("DOWNLOAD_PDF", DOWNLOAD_PDF.get(text.language()))));
            }
            return (Object) html(templates.render("page.ftlh", pageModel));
          } catch (TemplateProblem e) {
            return e;
          }
        }).toList();
    for (PageText text : inOrder) {
      String folder = text.language().code() + "/";
      Map<String, Object> model = common(catalogue, asOf, text, texts, folder, "index.html");
      model.put("intents", index.intents(text));
      model.put("services", index.services(text));
      Map<String, Object> statement = common(catalogue, asOf, text, texts, folder, ACCESSIBILITY);
      statement.put("title", text.label("ACCESSIBILITY"));
      statement.put("providers", index.providers(text));
      statement.put("date", text.format("ACCESSIBILITY_DATE", text.date(asOf), catalogue.version()));
      files.put(folder + ACCESSIBILITY, html(templates.render("accessibility.ftlh", statement)));
      model.put("questionnaires", questionnaireLinks(questionnaires, text));
      if (changes.isPresent()) {
        model.put("changes", Map.of("href", ChangesPage.PATH, "text", text.label("CHANGES")));
        Map<String, Object> changesModel = common(catalogue, asOf, text, texts, folder, ChangesPage.PATH);
        Changes c = changes.get();
        changesModel.putAll(new ChangesPage(c.diff(), c.catalogue(), c.previous(), text).model());
        files.put(folder + ChangesPage.PATH, html(templates.render("changes.ftlh", changesModel)));
      }
      files.put(folder + "index.html", html(templates.render("index.ftlh", model)));
      int first = inOrder.indexOf(text) * pages.size();
      for (int i = 0; i < pages.size(); i++) {
        if (rendered.get(first + i) instanceof TemplateProblem problem) {
          throw problem;
        }
        files.put(folder + pages.get(i).path(), (byte[]) rendered.get(first + i));
      }
      renderQuestionnaires(catalogue, asOf, templates, questionnaires, texts, text, pdf, files, pdfSources);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("catalogue", catalogueModel(catalogue, asOf, texts.get(Language.KK)));
    root.put("stylesheet", STYLESHEET);
    List<Map<String, Object>> languages = new ArrayList<>();
    for (PageText text : texts.values()) {
      Map<String, Object> language = new LinkedHashMap<>();
      language.put("code", text.language().code());
      language.put("name", text.label("LANGUAGE_NAME"));
      language.put("href", text.language().code() + "/index.html");
      language.put("accessibility", text.language().code() + "/" + ACCESSIBILITY);
      language.put("labels", text.labels());
      languages.add(language);
    }
    root.put("languages", languages);
    files.put("index.html", html(templates.render("root.ftlh", root)));
    copyAssets(templates, files);
    files.put(SiteFolder.MARKER, SiteFolder.MARKER_TEXT.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** The questionnaire links of the index: by page path, the link to its first question. */
  private static Map<String, Object> questionnaireLinks(Map<String, Questionnaire> questionnaires, PageText text) {
    Map<String, Object> links = new TreeMap<>();
    questionnaires.keySet().forEach(path -> links.put(path, Map.of("href",
        QuestionnairePages.folder(path) + QuestionnairePages.FIRST, "text", text.label("Q_START"))));
    return links;
  }

  /** Every questionnaire page of one language, rendered on every core, added in a fixed order. */
  private static void renderQuestionnaires(Catalogue catalogue, LocalDate asOf, Templates templates,
      Map<String, Questionnaire> questionnaires, Map<Language, PageText> texts, PageText text, boolean pdf,
      Map<String, byte[]> files, List<String> pdfSources) throws TemplateProblem {
    String folder = text.language().code() + "/";
    List<QuestionnairePages.Rendered> pages = new ArrayList<>();
    for (SiteIndex.Page page : new SiteIndex(catalogue).pages()) {
      Questionnaire questionnaire = questionnaires.get(page.path());
      if (questionnaire != null) {
        pages.addAll(new QuestionnairePages(catalogue, page, questionnaire, text).pages());
      }
    }
    List<Object> rendered = pages.parallelStream().map(page -> {
      try {
        Map<String, Object> model = common(catalogue, asOf, text, texts, folder, page.path());
        model.putAll(page.model());
        if (pdf && page.pdf().isPresent()) {
          model.put("pdf", Map.of("href", page.pdf().get(),
              "text", text.labels().getOrDefault("DOWNLOAD_PDF", DOWNLOAD_PDF.get(text.language()))));
        }
        return (Object) html(templates.render("questionnaire.ftlh", model));
      } catch (TemplateProblem e) {
        return e;
      }
    }).toList();
    for (int i = 0; i < pages.size(); i++) {
      if (rendered.get(i) instanceof TemplateProblem problem) {
        throw problem;
      }
      files.put(folder + pages.get(i).path(), (byte[]) rendered.get(i));
      if (pdf && pages.get(i).makesPdf()) {
        pdfSources.add(folder + pages.get(i).path());
      }
    }
  }

  /**
   * The floor the benchmark compares publishing with: the page models of every language are built first, then only
   * FreeMarker's rendering of them is timed, one page after another.
   *
   * @return the number of pages rendered and the nanoseconds rendering took
   */
  public static long[] bareRendering(Catalogue catalogue, LocalDate asOf, Templates templates)
      throws TemplateProblem {
    Catalogue snapshot = catalogue.at(asOf);
    SiteIndex index = new SiteIndex(snapshot);
    Map<Language, PageText> texts = new LinkedHashMap<>();
    for (Language language : Language.values()) {
      texts.put(language, new PageText(language, snapshot.labels()));
    }
    List<Map<String, Object>> models = new ArrayList<>();
    for (PageText text : texts.values()) {
      String folder = text.language().code() + "/";
      for (SiteIndex.Page page : index.pages()) {
        Map<String, Object> pageModel = common(snapshot, asOf, text, texts, folder, page.path());
        pageModel.putAll(new ServicePage(snapshot, asOf, page.service(), page.subtype(), text).model());
        models.add(pageModel);
      }
    }
    long started = System.nanoTime();
    long bytes = 0;
    for (Map<String, Object> model : models) {
      bytes += templates.render("page.ftlh", model).length();
    }
    return new long[] {models.size(), System.nanoTime() - started, bytes};
  }

  /** The link text to a page's PDF when the catalogue has no label {@code DOWNLOAD_PDF}. */
  private static final Map<Language, String> DOWNLOAD_PDF = Map.of(
      Language.KK, "PDF жүктеп алу", Language.RU, "Скачать PDF", Language.EN, "Download PDF");

  /** The PDF of every service page in every language, rendered on every core from the HTML already in the site. */
  private static void addPdfs(Map<String, byte[]> files, List<SiteIndex.Page> pages,
      List<String> narrowed, PdfFonts fonts, LocalDate asOf, Templates templates)
      throws TemplateProblem, Problem {
    byte[] css = files.get(PdfPage.STYLESHEET);
    if (css == null) {
      throw new TemplateProblem(templates.folder().resolve(PdfPage.STYLESHEET).toString(), 0,
          "stylesheet not found (talap publish --pdf styles the PDFs with it)");
    }
    String style = new String(css, StandardCharsets.UTF_8);
    List<String> paths = new ArrayList<>();
    for (Language language : Language.values()) {
      pages.forEach(page -> paths.add(language.code() + "/" + page.path()));
    }
    // The narrowed checklists too, one per distinct list (the question pages are no list to hand out).
    paths.addAll(narrowed);
    List<Object> rendered = paths.parallelStream().map(path -> {
      try {
        return (Object) PdfPage.render(files.get(path), style, fonts, asOf);
      } catch (IOException | RuntimeException e) {
        return new Problem(false, "cannot write the PDF of " + path + ": " + e.getMessage());
      }
    }).toList();
    for (int i = 0; i < paths.size(); i++) {
      if (rendered.get(i) instanceof Problem problem) {
        throw problem;
      }
      files.put(PdfPage.path(paths.get(i)), (byte[]) rendered.get(i));
    }
  }

  /** What every page of one language receives: see docs/templates.md. */
  private static Map<String, Object> common(Catalogue catalogue, LocalDate asOf, PageText text,
      Map<Language, PageText> texts, String folder, String path) {
    String up = SitePaths.up(folder + path);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("lang", text.language().code());
    model.put("labels", text.labels());
    model.put("catalogue", catalogueModel(catalogue, asOf, text));
    model.put("root", up);
    model.put("stylesheet", up + STYLESHEET);
    model.put("home", up + folder + "index.html");
    model.put("chooseLanguage", up + "index.html");
    model.put("accessibility", up + folder + ACCESSIBILITY);
    List<Map<String, Object>> languages = new ArrayList<>();
    for (PageText other : texts.values()) {
      Map<String, Object> language = new LinkedHashMap<>();
      language.put("code", other.language().code());
      language.put("name", other.label("LANGUAGE_NAME"));
      language.put("href", up + other.language().code() + "/" + path);
      language.put("current", other.language() == text.language());
      languages.add(language);
    }
    model.put("languages", languages);
    return model;
  }

  private static Map<String, Object> catalogueModel(Catalogue catalogue, LocalDate asOf, PageText text) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("version", catalogue.version());
    model.put("asOf", text.date(asOf));
    model.put("asOfIso", asOf.toString());
    model.put("asOfText", text.format("AS_OF", text.date(asOf)));
    return model;
  }

  /** Stylesheets (and images) in the template folder are copied to the site root as they are. */
  private static void copyAssets(Templates templates, Map<String, byte[]> files) throws TemplateProblem {
    try (Stream<Path> listing = Files.list(templates.folder())) {
      for (Path file : listing.sorted().toList()) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && name.matches("[a-z0-9][a-z0-9-]*\\.(css|png|svg)")) {
          files.put(name, Files.readAllBytes(file));
        }
      }
    } catch (IOException e) {
      throw new TemplateProblem(templates.folder().toString(), 0, "cannot read: " + e.getMessage());
    }
    if (!files.containsKey(STYLESHEET)) {
      throw new TemplateProblem(templates.folder().resolve(STYLESHEET).toString(), 0, "stylesheet not found");
    }
  }

  private static byte[] html(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A problem that stops publishing: in the catalogue (exit code 1) or with the output folder (exit code 2). */
  public static final class Problem extends Exception {
    private final boolean inCatalogue;

    Problem(boolean inCatalogue, String message) {
      super(message);
      this.inCatalogue = inCatalogue;
    }

    public boolean inCatalogue() {
      return inCatalogue;
    }
  }
}

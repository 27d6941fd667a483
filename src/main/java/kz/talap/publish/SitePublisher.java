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
   * @throws TemplateProblem when a template is missing, does not parse or fails (the site is unchanged)
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
    try {
      // Each page goes to disk as soon as it is rendered (into the new version folder, swapped in at the end), so a
      // national catalogue of a hundred thousand pages needs no more memory than the pages being rendered.
      List<String> files = SiteFolder.replace(target, out -> {
        List<String> narrowedPdfs = render(snapshot, asOf, templates, changes, pdf.isPresent(), questionnaires, out);
        if (pdf.isPresent()) {
          addPdfs(out, new SiteIndex(snapshot).pages(), narrowedPdfs, pdf.get(), asOf, templates);
        }
        return out.files();
      });
      int questionnairePages = (int) files.stream()
          .filter(f -> f.endsWith(".html") && f.contains("/" + QuestionnairePages.FOLDER)).count();
      int pages = (int) files.stream().filter(f -> f.endsWith(".html")).count() - questionnairePages;
      return new Site(target, pages, questionnairePages, files);
    } catch (IOException e) {
      throw new Problem(false, "cannot write " + target + ": " + e.getMessage());
    }
  }

  /**
   * The questionnaire of every page that has one, by the page's path; checks that the catalogue has every label its
   * pages use. The questionnaires are built on every core (they share the checkers), and a problem is reported for
   * the first page in index order that has one, whatever the threads did.
   *
   * @throws Problem when a questionnaire would exceed its limits, or a label is missing (catalogue problems)
   */
  private static Map<String, Questionnaire> questionnaires(Catalogue snapshot, LocalDate asOf) throws Problem {
    Questionnaire.Checkers checkers = new Questionnaire.Checkers(snapshot);
    List<SiteIndex.Page> pages = new SiteIndex(snapshot).pages();
    List<Object> built = pages.parallelStream().map(page -> {
      try {
        return (Object) Questionnaire.of(checkers, asOf, page.service(), page.subtype());
      } catch (Questionnaire.TooLarge e) {
        return new Problem(true, "Questionnaire " + e.getMessage());
      } catch (kz.talap.condition.Condition.Failure e) {
        // A condition that cannot be evaluated for some answers is a catalogue error; talap check would fail on it.
        return new Problem(true, "Questionnaire " + page.service().code()
            + page.subtype().map(s -> "/" + s.code()).orElse("") + ": " + e.getMessage());
      }
    }).toList();
    Map<String, Questionnaire> questionnaires = new TreeMap<>();
    Set<String> labels = new TreeSet<>();
    for (int i = 0; i < pages.size(); i++) {
      if (built.get(i) instanceof Problem problem) {
        throw problem;
      }
      @SuppressWarnings("unchecked")
      Optional<Questionnaire> questionnaire = (Optional<Questionnaire>) built.get(i);
      if (questionnaire.isPresent()) {
        questionnaires.put(pages.get(i).path(), questionnaire.get());
        labels.addAll(QuestionnairePages.LABELS);
        labels.addAll(QuestionnairePages.labels(questionnaire.get()));
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

  /**
   * One part of the site (a page, or a questionnaire's pages in one language), rendered and written on any thread;
   * returns the narrowed lists it wrote that get a PDF.
   */
  private interface Part {
    List<String> write() throws TemplateProblem, IOException;
  }

  /**
   * Renders every page of the site and writes it; returns the narrowed lists to make PDFs of, in order. Pages are
   * independent: every part of every language is rendered on every core in one pass (not one language after another),
   * each written as soon as it is rendered; the first problem in page order is reported, so the outcome is the same
   * whatever the threads did.
   */
  private static List<String> render(Catalogue catalogue, LocalDate asOf, Templates templates,
      Optional<Changes> changes, boolean pdf, Map<String, Questionnaire> questionnaires, SiteFolder.Output out)
      throws TemplateProblem, IOException {
    SiteIndex index = new SiteIndex(catalogue);
    Map<Language, PageText> texts = new LinkedHashMap<>();
    for (Language language : Language.values()) {
      texts.put(language, new PageText(language, catalogue.labels()));
    }
    List<SiteIndex.Page> pages = index.pages();
    List<Part> parts = new ArrayList<>();
    for (PageText text : texts.values()) {
      String folder = text.language().code() + "/";
      parts.add(() -> {
        Map<String, Object> statement = common(catalogue, asOf, text, texts, folder, ACCESSIBILITY);
        statement.put("title", text.label("ACCESSIBILITY"));
        statement.put("providers", index.providers(text));
        statement.put("date", text.format("ACCESSIBILITY_DATE", text.date(asOf), catalogue.version()));
        out.write(folder + ACCESSIBILITY, w -> templates.render("accessibility.ftlh", statement, w));
        return List.of();
      });
      if (changes.isPresent()) {
        parts.add(() -> {
          Map<String, Object> changesModel = common(catalogue, asOf, text, texts, folder, ChangesPage.PATH);
          Changes c = changes.get();
          changesModel.putAll(new ChangesPage(c.diff(), c.catalogue(), c.previous(), text).model());
          out.write(folder + ChangesPage.PATH, w -> templates.render("changes.ftlh", changesModel, w));
          return List.of();
        });
      }
      parts.add(() -> {
        Map<String, Object> model = common(catalogue, asOf, text, texts, folder, "index.html");
        model.put("intents", index.intents(text));
        model.put("services", index.services(text));
        model.put("questionnaires", questionnaireLinks(questionnaires, text));
        if (changes.isPresent()) {
          model.put("changes", Map.of("href", ChangesPage.PATH, "text", text.label("CHANGES")));
        }
        out.write(folder + "index.html", w -> templates.render("index.ftlh", model, w));
        return List.of();
      });
      for (SiteIndex.Page page : pages) {
        parts.add(() -> {
          Map<String, Object> model = servicePage(catalogue, asOf, texts, text, page, questionnaires, pdf);
          out.write(folder + page.path(), w -> templates.render("page.ftlh", model, w));
          return List.of();
        });
      }
      for (SiteIndex.Page page : pages) {
        Questionnaire questionnaire = questionnaires.get(page.path());
        if (questionnaire != null) {
          parts.add(() -> writeQuestionnaire(catalogue, asOf, templates, texts, text, page, questionnaire, pdf, out));
        }
      }
    }
    parts.add(() -> {
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
      out.write("index.html", w -> templates.render("root.ftlh", root, w));
      return List.of();
    });
    List<String> narrowed = new ArrayList<>();
    for (Object result : inParallel(parts)) {
      narrowed.addAll(orThrow(result));
    }
    copyAssets(templates, out);
    out.write(SiteFolder.MARKER, SiteFolder.MARKER_TEXT.getBytes(StandardCharsets.UTF_8));
    return narrowed;
  }

  /** Writes each part on every core; returns, in the parts' order, what each wrote or the problem that stopped it. */
  private static List<Object> inParallel(List<Part> parts) {
    return parts.parallelStream().map(part -> {
      try {
        return (Object) part.write();
      } catch (TemplateProblem | IOException e) {
        return e;
      }
    }).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> orThrow(Object result) throws TemplateProblem, IOException {
    if (result instanceof TemplateProblem problem) {
      throw problem;
    }
    if (result instanceof IOException problem) {
      throw problem;
    }
    return (List<String>) result;
  }

  /** The data of a service or sub-type page in one language, for {@code page.ftlh}. */
  private static Map<String, Object> servicePage(Catalogue catalogue, LocalDate asOf, Map<Language, PageText> texts,
      PageText text, SiteIndex.Page page, Map<String, Questionnaire> questionnaires, boolean pdf) {
    String folder = text.language().code() + "/";
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
    return pageModel;
  }

  /** The questionnaire links of the index: by page path, the link to its first question. */
  private static Map<String, Object> questionnaireLinks(Map<String, Questionnaire> questionnaires, PageText text) {
    Map<String, Object> links = new TreeMap<>();
    questionnaires.keySet().forEach(path -> links.put(path, Map.of("href",
        QuestionnairePages.folder(path) + QuestionnairePages.FIRST, "text", text.label("Q_START"))));
    return links;
  }

  /**
   * The pages of one questionnaire in one language, rendered on every core (one questionnaire may have a thousand)
   * and written as each is done; returns the narrowed lists that get a PDF, in page order.
   */
  private static List<String> writeQuestionnaire(Catalogue catalogue, LocalDate asOf, Templates templates,
      Map<Language, PageText> texts, PageText text, SiteIndex.Page page, Questionnaire questionnaire, boolean pdf,
      SiteFolder.Output out) throws TemplateProblem, IOException {
    String folder = text.language().code() + "/";
    List<QuestionnairePages.Rendered> pages = new QuestionnairePages(catalogue, page, questionnaire, text).pages();
    List<Part> parts = new ArrayList<>();
    for (QuestionnairePages.Rendered rendered : pages) {
      parts.add(() -> {
        Map<String, Object> model = questionnaireModel(catalogue, asOf, texts, text, rendered, pdf);
        out.write(folder + rendered.path(), w -> templates.render("questionnaire.ftlh", model, w));
        return List.of();
      });
    }
    List<Object> written = inParallel(parts);
    List<String> narrowed = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      orThrow(written.get(i));
      if (pdf && pages.get(i).makesPdf()) {
        narrowed.add(folder + pages.get(i).path());
      }
    }
    return narrowed;
  }

  /** The data of one questionnaire page, for {@code questionnaire.ftlh}. */
  private static Map<String, Object> questionnaireModel(Catalogue catalogue, LocalDate asOf,
      Map<Language, PageText> texts, PageText text, QuestionnairePages.Rendered page, boolean pdf) {
    Map<String, Object> model = common(catalogue, asOf, text, texts, text.language().code() + "/", page.path());
    model.putAll(page.model());
    if (pdf && page.pdf().isPresent()) {
      model.put("pdf", Map.of("href", page.pdf().get(),
          "text", text.labels().getOrDefault("DOWNLOAD_PDF", DOWNLOAD_PDF.get(text.language()))));
    }
    return model;
  }

  /**
   * The floor the benchmark compares publishing with: FreeMarker alone rendering the same pages as a publish (every
   * service page and every questionnaire page of every language), on every core as publishing does, from page models
   * built beforehand. The models are built a batch at a time (the service pages of a language; one questionnaire in
   * one language) so that a national catalogue's do not fill the memory; only the rendering of each batch is timed,
   * and nothing is written.
   *
   * @return the number of pages rendered, the nanoseconds rendering took and the characters rendered
   */
  public static long[] bareRendering(Catalogue catalogue, LocalDate asOf, Templates templates)
      throws TemplateProblem, Problem {
    Catalogue snapshot = catalogue.at(asOf);
    SiteIndex index = new SiteIndex(snapshot);
    Map<Language, PageText> texts = new LinkedHashMap<>();
    for (Language language : Language.values()) {
      texts.put(language, new PageText(language, snapshot.labels()));
    }
    Map<String, Questionnaire> questionnaires = questionnaires(snapshot, asOf);
    long[] total = new long[3];
    for (PageText text : texts.values()) {
      List<Map<String, Object>> models = new ArrayList<>();
      for (SiteIndex.Page page : index.pages()) {
        models.add(servicePage(snapshot, asOf, texts, text, page, questionnaires, false));
      }
      renderTimed(templates, "page.ftlh", models, total);
      for (SiteIndex.Page page : index.pages()) {
        Questionnaire questionnaire = questionnaires.get(page.path());
        if (questionnaire != null) {
          models = new ArrayList<>();
          for (QuestionnairePages.Rendered rendered
              : new QuestionnairePages(snapshot, page, questionnaire, text).pages()) {
            models.add(questionnaireModel(snapshot, asOf, texts, text, rendered, false));
          }
          renderTimed(templates, "questionnaire.ftlh", models, total);
        }
      }
    }
    return total;
  }

  /** Renders the models on every core and adds the pages, the nanoseconds and the characters to {@code total}. */
  private static void renderTimed(Templates templates, String template, List<Map<String, Object>> models,
      long[] total) throws TemplateProblem {
    long started = System.nanoTime();
    List<Object> rendered = models.parallelStream().map(model -> {
      try {
        return (Object) templates.render(template, model).length();
      } catch (TemplateProblem e) {
        return e;
      }
    }).toList();
    total[1] += System.nanoTime() - started;
    for (Object result : rendered) {
      if (result instanceof TemplateProblem problem) {
        throw problem;
      }
      total[0]++;
      total[2] += (Integer) result;
    }
  }

  /** The link text to a page's PDF when the catalogue has no label {@code DOWNLOAD_PDF}. */
  private static final Map<Language, String> DOWNLOAD_PDF = Map.of(
      Language.KK, "PDF жүктеп алу", Language.RU, "Скачать PDF", Language.EN, "Download PDF");

  /**
   * The PDF of every service page in every language and of each distinct narrowed list, rendered on every core from
   * the HTML already written, and written next to it.
   */
  private static void addPdfs(SiteFolder.Output out, List<SiteIndex.Page> pages, List<String> narrowed,
      PdfFonts fonts, LocalDate asOf, Templates templates) throws TemplateProblem, Problem, IOException {
    if (!out.has(PdfPage.STYLESHEET)) {
      throw new TemplateProblem(templates.folder().resolve(PdfPage.STYLESHEET).toString(), 0,
          "stylesheet not found (talap publish --pdf styles the PDFs with it)");
    }
    String style = new String(out.read(PdfPage.STYLESHEET), StandardCharsets.UTF_8);
    List<String> paths = new ArrayList<>();
    for (Language language : Language.values()) {
      pages.forEach(page -> paths.add(language.code() + "/" + page.path()));
    }
    // The narrowed checklists too, one per distinct list (the question pages are no list to hand out).
    paths.addAll(narrowed);
    List<Object> rendered = paths.parallelStream().map(path -> {
      byte[] made;
      try {
        made = PdfPage.render(out.read(path), style, fonts, asOf);
      } catch (IOException | RuntimeException e) {
        return (Object) new Problem(false, "cannot write the PDF of " + path + ": " + e.getMessage());
      }
      try {
        out.write(PdfPage.path(path), made);
        return null;
      } catch (IOException e) {
        return e;
      }
    }).toList();
    for (Object result : rendered) {
      if (result instanceof Problem problem) {
        throw problem;
      }
      if (result instanceof IOException problem) {
        throw problem;
      }
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
  private static void copyAssets(Templates templates, SiteFolder.Output out) throws TemplateProblem, IOException {
    List<Path> assets;
    try (Stream<Path> listing = Files.list(templates.folder())) {
      assets = listing.sorted().filter(file -> Files.isRegularFile(file)
          && file.getFileName().toString().matches("[a-z0-9][a-z0-9-]*\\.(css|png|svg)")).toList();
    } catch (IOException e) {
      throw new TemplateProblem(templates.folder().toString(), 0, "cannot read: " + e.getMessage());
    }
    if (assets.stream().noneMatch(file -> file.getFileName().toString().equals(STYLESHEET))) {
      throw new TemplateProblem(templates.folder().resolve(STYLESHEET).toString(), 0, "stylesheet not found");
    }
    for (Path file : assets) {
      byte[] content;
      try {
        content = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new TemplateProblem(templates.folder().toString(), 0, "cannot read: " + e.getMessage());
      }
      out.write(file.getFileName().toString(), content);
    }
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

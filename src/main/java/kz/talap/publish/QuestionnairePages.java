package kz.talap.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import kz.talap.model.Catalogue;
import kz.talap.model.Fact;
import kz.talap.model.Stage;
import kz.talap.questionnaire.Questionnaire;
import kz.talap.questionnaire.Questionnaire.Answer;
import kz.talap.questionnaire.Questionnaire.Branch;
import kz.talap.questionnaire.Questionnaire.Node;
import kz.talap.questionnaire.Questionnaire.Outcome;
import kz.talap.questionnaire.Questionnaire.Question;

/**
 * The static pages of one questionnaire in one language, for {@code questionnaire.ftlh}: a page per question, then per
 * outcome a "check your answers" page and the narrowed checklist. Pages live in a folder {@code q/} next to the
 * sub-type's page ({@code trp/trp-work/q/}); a page's name is its answers so far, joined by '_' ({@code index.html}
 * for the first question, {@code eaeu_yes.check.html}, {@code eaeu_yes.list.html}), so the address is the answers.
 */
final class QuestionnairePages {
  /** The labels every questionnaire page uses; the answers' own labels are checked per questionnaire. */
  static final Set<String> LABELS = Set.of("Q_START", "Q_STEP", "Q_BACK", "Q_START_AGAIN", "Q_CHECK_ANSWERS",
      "Q_CHANGE", "Q_SHOW_LIST", "Q_YOUR_LIST", "Q_YOUR_ANSWERS", "Q_NARROWED", "Q_FULL_LIST", "Q_ANY_OF");
  static final String FOLDER = "q/";
  static final String FIRST = "index.html";

  private final Catalogue catalogue;
  private final SiteIndex.Page page;
  private final Questionnaire questionnaire;
  private final PageText text;
  /** The full checklist of the page, which every narrowed list is cut from (built once, not per outcome). */
  private final Checklist checklist;
  /** The service and the plain name every page shows, made once (only read by the templates). */
  private final Map<String, Object> service;
  private final String plainName;

  QuestionnairePages(Catalogue catalogue, SiteIndex.Page page, Questionnaire questionnaire, PageText text) {
    this.catalogue = catalogue;
    this.page = page;
    this.questionnaire = questionnaire;
    this.text = text;
    this.checklist = new Checklist(catalogue, page.service(), page.subtype().map(s -> s.code()), text);
    this.service = SiteIndex.service(page.service(), text);
    this.plainName = page.subtype().map(s -> text.of(s.shortName().orElse(s.name())))
        .orElse(text.of(page.service().shortName().orElse(page.service().name())));
  }

  /** The folder of a sub-type's questionnaire, relative to the language folder: trp/trp-work/q/, prp/q/. */
  static String folder(String pagePath) {
    String base = pagePath.substring(0, pagePath.length() - ".html".length());
    return (base.endsWith("/index") ? base.substring(0, base.length() - "index".length()) : base + "/") + FOLDER;
  }

  /** The label codes an answer's words come from, for the check that the catalogue has them all. */
  static Set<String> labels(Questionnaire questionnaire) {
    Set<String> codes = new TreeSet<>();
    collect(questionnaire.root(), codes);
    return codes;
  }

  private static void collect(Node node, Set<String> codes) {
    if (node instanceof Question question) {
      for (Branch branch : question.branches()) {
        codes.add(labelCode(branch.answer()));
        collect(branch.next(), codes);
      }
    }
  }

  private static String labelCode(Answer answer) {
    return switch (answer.kind()) {
      case YES -> "Q_YES";
      case NO -> "Q_NO";
      case TEXT -> "Q_TEXT_" + answer.args().get(0);
      case GROUP -> "Q_GROUP_" + String.join("_", answer.args());
      case COUNTRY -> "Q_COUNTRY_" + answer.args().get(0);
      case OTHER_COUNTRY -> "Q_COUNTRY_OTHER";
      case AGE_UNDER -> "Q_AGE_UNDER";
      case AGE_RANGE -> "Q_AGE_RANGE";
      case AGE_FROM -> "Q_AGE_FROM";
    };
  }

  private String words(Answer answer) {
    return text.format(labelCode(answer), answer.args().toArray(String[]::new));
  }

  /**
   * One page to render: its path relative to the language folder, its data (without the common part), and for a
   * narrowed list the name of its PDF and whether this page is the one the PDF is made from. Answers that lead to the
   * same list share one PDF (made from the first such page; the PDF shows no answers). A list's data (its checklist)
   * is made when the page is rendered, so that a questionnaire's pages never hold every list at once.
   */
  record Rendered(String path, Supplier<Map<String, Object>> data, Optional<String> pdf, boolean makesPdf) {
    /** The page's data (a list's is made anew on each call, and can be dropped once rendered). */
    Map<String, Object> model() {
      return data.get();
    }
  }

  /** The first list page of each distinct list, by its requirements. */
  private final Map<List<String>, String> firstList = new java.util.HashMap<>();

  /** Every page of the questionnaire, in a fixed order (depth first, answers in their order). */
  List<Rendered> pages() {
    List<Rendered> pages = new ArrayList<>();
    walk(questionnaire.root(), new ArrayList<>(), pages);
    return pages;
  }

  /** An answer given on the way: the question, the answer's words, and the page that asks it again. */
  private record Given(Question question, Answer answer, String asked) {}

  private void walk(Node node, List<Given> given, List<Rendered> pages) {
    String name = name(given);
    if (node instanceof Question question) {
      String here = given.isEmpty() ? FIRST : name + ".html";
      Map<String, Object> model = base("question", here, given);
      model.put("title", question(question));
      model.put("step", text.format("Q_STEP", String.valueOf(given.size() + 1)));
      List<Fact> facts = new ArrayList<>(List.of(question.fact()));
      facts.addAll(question.also());
      model.put("facts", facts.stream().map(Fact::name).toList());
      if (!question.also().isEmpty()) {
        model.put("anyOf", facts.stream().map(f -> text.of(f.label())).toList());
      }
      List<Map<String, Object>> answers = new ArrayList<>();
      for (Branch branch : question.branches()) {
        List<Given> next = new ArrayList<>(given);
        next.add(new Given(question, branch.answer(), here));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("text", words(branch.answer()));
        answer.put("token", branch.answer().token());
        answer.put("href", branch.next() instanceof Question ? name(next) + ".html" : name(next) + ".check.html");
        answers.add(answer);
      }
      model.put("answers", answers);
      pages.add(new Rendered(folder(page.path()) + here, () -> model, Optional.empty(), false));
      for (int i = 0; i < question.branches().size(); i++) {
        List<Given> next = new ArrayList<>(given);
        next.add(new Given(question, question.branches().get(i).answer(), here));
        walk(question.branches().get(i).next(), next, pages);
      }
      return;
    }
    Outcome outcome = (Outcome) node;
    Map<String, Object> check = base("answers", name + ".check.html", given);
    check.put("title", text.label("Q_CHECK_ANSWERS"));
    check.put("next", name + ".list.html");
    pages.add(new Rendered(folder(page.path()) + name + ".check.html", () -> check, Optional.empty(), false));
    String owner = firstList.computeIfAbsent(outcome.requirements(), r -> name);
    pages.add(new Rendered(folder(page.path()) + name + ".list.html", () -> list(outcome, name, given),
        Optional.of(owner + ".list.pdf"), owner.equals(name)));
  }

  /** The data of the narrowed list an outcome leads to. */
  private Map<String, Object> list(Outcome outcome, String name, List<Given> given) {
    Map<String, Object> list = base("list", name + ".list.html", given);
    list.put("title", text.label("Q_YOUR_LIST"));
    list.put("back", name + ".check.html");
    list.putAll(narrowed(outcome.requirements()));
    return list;
  }

  /** Lists made lately, by their requirements, most recently used last (see {@link #narrowed}). */
  private final Map<List<String>, Map<String, Object>> recentLists = new LinkedHashMap<>(32, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<List<String>, Map<String, Object>> eldest) {
      return size() > RECENT_LISTS;
    }
  };
  private static final int RECENT_LISTS = 16;

  /**
   * The checklist of one list of requirements: its items, the notes they share and its stages. Many answers lead to
   * the same list (the shipped catalogue's 282 list pages per language have 65 lists), and pages are rendered in
   * their order, so the last few lists made are kept (only read once made) rather than every list, which for a
   * national questionnaire would hold hundreds of documents per list at once.
   */
  private Map<String, Object> narrowed(List<String> requirements) {
    synchronized (recentLists) {
      Map<String, Object> known = recentLists.get(requirements);
      if (known != null) {
        return known;
      }
    }
    Map<String, Object> list = new LinkedHashMap<>();
    Set<String> codes = Set.copyOf(requirements);
    // Notes shared by several items are said once above the list, as on the full page.
    SharedNotes.Result shared = SharedNotes.of(checklist.items(Optional.empty(), codes), text);
    list.put("checklist", shared.items());
    list.put("sharedNotes", shared.notes());
    List<Map<String, Object>> stages = new ArrayList<>();
    for (Stage stage : catalogue.stagesOf(page.service().code())) {
      List<Map<String, Object>> items = checklist.items(Optional.of(stage.code()), codes);
      if (!items.isEmpty()) {
        stages.add(Map.of("name", text.of(stage.name()), "order", stage.order(), "checklist", items));
      }
    }
    list.put("stages", stages);
    // Two threads may both make a list: equal data, and either is kept.
    synchronized (recentLists) {
      recentLists.put(requirements, list);
    }
    return list;
  }

  /** What every page of the questionnaire shows: the service, the way back, the answers so far. */
  private Map<String, Object> base(String kind, String here, List<Given> given) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("kind", kind);
    model.put("service", service);
    model.put("plainName", plainName);
    String up = SitePaths.up(folder(page.path()) + here);
    model.put("fullList", Map.of("href", up + page.path() + "#documents", "text", text.label("Q_FULL_LIST")));
    // The notes on translation and legalisation point at the rules, which are on the full page.
    model.put("rulesHref", up + page.path() + "#rules");
    model.put("startAgain", FIRST);
    if (!given.isEmpty()) {
      model.put("back", given.get(given.size() - 1).asked());
    }
    List<Map<String, Object>> answers = new ArrayList<>();
    for (Given g : given) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("question", g.question().also().isEmpty() ? question(g.question())
          : question(g.question()) + " " + String.join("; ", java.util.stream.Stream.concat(
              java.util.stream.Stream.of(g.question().fact()), g.question().also().stream())
              .map(f -> text.of(f.label())).toList()));
      answer.put("answer", words(g.answer()));
      answer.put("change", g.asked());
      answers.add(answer);
    }
    model.put("given", answers);
    return model;
  }

  /** The words of a question: the fact's label, or for several facts asked at once, "does any of these apply". */
  private String question(Question question) {
    if (question.also().isEmpty()) {
      return text.of(question.fact().label());
    }
    return text.label("Q_ANY_OF");
  }

  private static String name(List<Given> given) {
    return given.isEmpty() ? "index" : String.join("_", given.stream().map(g -> g.answer().token()).toList());
  }
}

package kz.talap.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.talap.account.Account;
import kz.talap.check.CheckResult;
import kz.talap.check.Submission;
import kz.talap.journal.CheckRecord;
import kz.talap.journal.Journal;
import kz.talap.json.ApiJson;
import kz.talap.json.JournalJson;
import kz.talap.json.SubmissionJson;
import kz.talap.model.Catalogue;
import kz.talap.model.Language;
import kz.talap.server.Entered.Problem;
import kz.talap.server.Entered.Step;
import kz.talap.source.Phrase;

/**
 * The counter: server-rendered pages a clerk goes through (service, sub-type and channel → the applicant's facts →
 * the documents presented → the result with its "Change" links → the receipt), in Kazakh, Russian or English, with
 * every answer carried in the forms and links. Works without JavaScript.
 */
final class Counter {
  static final String PREFIX = "/counter";
  private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
  static final String TOKEN = "talap.csrf";
  private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final Releases releases;
  private final Pages pages;
  private final Csrf csrf = new Csrf();
  private final CounterModel model;
  private final Summary summary;
  private final SignIn signIn;
  private final Journal journal;

  Counter(Releases releases, Pages pages, Limits limits, SignIn signIn, Journal journal) {
    this.releases = releases;
    this.pages = pages;
    this.signIn = signIn;
    this.journal = journal;
    this.model = new CounterModel();
    this.summary = new Summary(model);
  }

  /**
   * The one gate every counter request passes before its page: the login page needs no session (its form is guarded
   * by the double-submit CSRF cookie); every other page needs a signed-in account (else a redirect to the login page)
   * and every form sent with it the session's CSRF token.
   */
  void guard(RoutesConfig routes) {
    routes.before(PREFIX + "/*", ctx -> {
      String[] parts = ctx.path().split("/", -1);
      String lang = parts.length > 2 && Language.parse(parts[2]).isPresent() ? parts[2] : "kk";
      if (parts.length == 4 && parts[3].equals("login")) {
        String cookie = ctx.cookie(Csrf.COOKIE);
        if (ctx.method() == HandlerType.POST) {
          if (!csrf.valid(cookie, ctx.formParam(Csrf.FIELD))) {
            throw new ApiProblem(403, "csrf", Phrase.of("problem.csrf"), Phrase.of("server.csrf"));
          }
        } else if (cookie == null || cookie.length() < 20) {
          cookie = Csrf.newCookie();
          ctx.res().addHeader("Set-Cookie", Csrf.COOKIE + "=" + cookie + "; Path=" + PREFIX
              + "; HttpOnly; SameSite=Strict");
        }
        ctx.attribute(TOKEN, csrf.token(cookie));
        return;
      }
      ctx.attribute(TOKEN, signIn.require(ctx, lang));
    });
  }

  void routes(RoutesConfig routes) {
    routes.get("/", ctx -> ctx.redirect(PREFIX + "/kk/", HttpStatus.SEE_OTHER));
    routes.get(PREFIX, ctx -> ctx.redirect(PREFIX + "/kk/", HttpStatus.SEE_OTHER));
    routes.get(PREFIX + "/{lang}", ctx -> page(ctx, Step.START));
    for (Step step : List.of(Step.FACTS, Step.DOCUMENTS, Step.RESULT)) {
      routes.get(PREFIX + "/{lang}/" + slug(step), ctx -> page(ctx, step));
      routes.post(PREFIX + "/{lang}/" + slug(step), ctx -> page(ctx, step));
    }
    routes.get(PREFIX + "/{lang}/receipt", this::receipt);
    routes.post(PREFIX + "/{lang}/receipt", this::receipt);
    routes.get(PREFIX + "/{lang}/status", this::status);
    routes.get(PREFIX + "/{lang}/login", ctx -> signIn.loginPage(ctx, ctx.attribute(TOKEN)));
    routes.post(PREFIX + "/{lang}/login", ctx -> signIn.login(ctx, ctx.attribute(TOKEN)));
    routes.post(PREFIX + "/{lang}/logout", signIn::logout);
    routes.get("/static/counter.css", this::css);
    // Browsers ask for an icon on every page; there is none, and a 404 would be logged as an error.
    routes.get("/favicon.ico", ctx -> ctx.status(HttpStatus.NO_CONTENT));
  }

  static String slug(Step step) {
    return switch (step) {
      case START -> "";
      case FACTS -> "facts";
      case DOCUMENTS -> "documents";
      case RESULT -> "result";
    };
  }

  /** What one request works with: its language, answers, release and the catalogue in force on the day. */
  private record Visit(Context ctx, Language lang, Answers answers, Release release, Entered entered,
      Catalogue now) {}

  private Visit visit(Context ctx) {
    Language lang = Language.parse(ctx.pathParam("lang").toLowerCase(Locale.ROOT)).orElseThrow(() ->
        new ApiProblem(404, "not-found", "No such page", "no counter in language '" + ctx.pathParam("lang") + "'"));
    Answers answers = Answers.of(ctx.method() == HandlerType.POST ? ctx.formParamMap() : ctx.queryParamMap());
    Release release = Server.release(ctx);
    Entered entered = new Entered(release.catalogue(), answers);
    return new Visit(ctx, lang, answers, release, entered,
        release.catalogue().at(entered.day(LocalDate.now(ALMATY))));
  }

  private void page(Context ctx, Step target) {
    Visit v = visit(ctx);
    List<Problem> start = startProblems(v);
    if (target == Step.START || !start.isEmpty()) {
      render(v, Step.START, target == Step.START ? List.of() : start, Optional.empty());
      return;
    }
    if (target == Step.FACTS) {
      render(v, Step.FACTS, List.of(), Optional.empty());
      return;
    }
    Optional<Outcome> outcome = outcome(v, target);
    outcome.filter(o -> o.result() != null).ifPresent(o -> record(v, o));
    outcome.ifPresent(o -> render(v, o.step(), o.problems(), Optional.ofNullable(o.result())));
  }

  /** Where the answers lead: the first step with problems, or the checked result. */
  private record Outcome(Step step, List<Problem> problems, List<Map<String, Object>> listed, CheckResult result) {}

  private Optional<Outcome> outcome(Visit v, Step target) {
    SubmissionJson.Reader reader = v.release().reader();
    SubmissionJson.Parsed facts = reader.read(v.entered().tree(Step.DOCUMENTS, List.of()));
    List<Problem> problems = v.entered().place(facts.problems(), v.lang().code());
    if (!problems.isEmpty()) {
      Step first = problems.stream().map(Problem::step).min(Enum::compareTo).orElseThrow();
      return Optional.of(new Outcome(first, only(problems, first, v.lang()), List.of(), null));
    }
    List<Map<String, Object>> listed = model.listed(v.release().checker().check(facts.submission().get()), v.now(),
        v.lang());
    if (target == Step.DOCUMENTS) {
      return Optional.of(new Outcome(Step.DOCUMENTS, List.of(), listed, null));
    }
    List<String> codes = listed.stream().map(i -> (String) i.get("code")).toList();
    SubmissionJson.Parsed full = reader.read(v.entered().tree(Step.RESULT, codes));
    List<Problem> late = v.entered().place(full.problems(), v.lang().code());
    if (!late.isEmpty()) {
      Step first = late.stream().map(Problem::step).min(Enum::compareTo).orElseThrow();
      return Optional.of(new Outcome(first, only(late, first, v.lang()), listed, null));
    }
    Submission submission = full.submission().get();
    return Optional.of(new Outcome(Step.RESULT, List.of(), listed, v.release().checker().check(submission)));
  }

  /**
   * Records a counter result before its page is sent. The id is derived from the clerk, the release and the
   * submission (which includes the time of submission), so that reloading the result or printing its receipt records
   * it once.
   */
  private void record(Visit v, Outcome outcome) {
    Account account = SignIn.account(v.ctx(), Account.Permission.CHECK);
    Release release = v.release();
    String submission = ApiJson.write(v.entered().tree(Step.RESULT,
        outcome.listed().stream().map(i -> (String) i.get("code")).toList()));
    String id = "counter-" + sha256(account.name() + "\n" + release.hash() + "\n" + submission)
        .substring(0, 40);
    journal.record(CheckRecord.of(id, Instant.now(), account, release.version(), release.hash(), outcome.result(),
        submission, JournalJson.result(id, outcome.result(), release.version())).on(release.label(),
        release.preview()));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static List<Problem> only(List<Problem> problems, Step step, Language lang) {
    return problems.stream().filter(p -> p.step() == step).map(p -> new Problem(p.step(), p.field(),
        p.missing() ? Strings.get(lang, "error.missing") : Strings.get(lang, "error.invalid") + " " + p.message(),
        p.missing())).toList();
  }

  private List<Problem> startProblems(Visit v) {
    List<Problem> problems = new ArrayList<>();
    Optional<String> what = v.answers().get("what");
    boolean known = what.isPresent() && model.services(v.now(), v.lang()).stream()
        .anyMatch(o -> o.get("value").equals(what.get()));
    if (!known) {
      problems.add(new Problem(Step.START, "what", Strings.get(v.lang(), "error.what"), what.isEmpty()));
    }
    Optional<String> channel = v.answers().get("channel");
    if (channel.isEmpty() || v.now().channels().stream().noneMatch(c -> c.code().equals(channel.get()))) {
      problems.add(new Problem(Step.START, "channel", Strings.get(v.lang(), "error.channel"), channel.isEmpty()));
    }
    if (v.entered().submittedAt().isEmpty()) {
      problems.add(new Problem(Step.START, "submitted_at", Strings.get(v.lang(), "error.submitted_at"), false));
    }
    return problems;
  }

  private void render(Visit v, Step step, List<Problem> problems, Optional<CheckResult> result) {
    Map<String, Object> page = common(v, slug(step), problems);
    Language lang = v.lang();
    switch (step) {
      case START -> {
        page.put("services", model.services(v.now(), lang));
        page.put("channels", model.channels(v.now(), lang));
        page.put("submittedAt", v.answers().get("submitted_at").orElse(
            LocalDateTime.now(ALMATY).truncatedTo(ChronoUnit.MINUTES).toString()));
        page.put("hidden", v.answers().hidden("what", "channel", "submitted_at"));
      }
      case FACTS -> {
        page.put("chosen", model.chosen(v.entered(), v.now(), lang));
        page.put("stages", model.stages(v.entered(), v.now(), lang));
        page.put("facts", model.facts(v.entered(), v.now(), lang));
        page.put("countries", Choices.countries(lang));
        page.put("hidden", v.answers().hidden("stage", "fact."));
      }
      case DOCUMENTS -> {
        page.put("chosen", model.chosen(v.entered(), v.now(), lang));
        page.put("documents", model.documentFields(listedFor(v), v.answers()));
        page.put("fee", model.fee(v.entered(), v.now(), lang).orElse(null));
        page.put("countries", Choices.countries(lang));
        page.put("languages", Choices.languages(lang));
        page.put("hidden", v.answers().hidden("doc.", "pay."));
      }
      case RESULT -> {
        page.put("chosen", model.chosen(v.entered(), v.now(), lang));
        page.putAll(model.result(result.orElseThrow(), lang));
        page.put("summary", summary.summary(v.entered(), v.answers(), v.now(), lang, listedFor(v),
            PREFIX + "/" + lang.code()));
        page.put("hidden", v.answers().hidden("receipt_lang"));
        page.put("receiptLang", v.answers().get("receipt_lang").orElse(lang.code()));
      }
    }
    v.ctx().contentType("text/html; charset=utf-8").result(pages.render("counter/" + page.get("step") + ".ftlh",
        page));
  }

  /** The documents listed for the applicant, worked out again from the facts (they are valid at this point). */
  private List<Map<String, Object>> listedFor(Visit v) {
    SubmissionJson.Parsed facts = v.release().reader().read(v.entered().tree(Step.DOCUMENTS, List.of()));
    return facts.submission().map(s -> model.listed(v.release().checker().check(s), v.now(), v.lang()))
        .orElse(List.of());
  }

  private void receipt(Context ctx) {
    Visit v = visit(ctx);
    List<Problem> start = startProblems(v);
    if (!start.isEmpty()) {
      render(v, Step.START, start, Optional.empty());
      return;
    }
    Outcome outcome = outcome(v, Step.RESULT).orElseThrow();
    if (outcome.step() != Step.RESULT) {
      render(v, outcome.step(), outcome.problems(), Optional.empty());
      return;
    }
    record(v, outcome);
    Language applicant = v.answers().get("receipt_lang").flatMap(Language::parse).orElse(v.lang());
    Map<String, Object> page = common(v, "receipt", List.of());
    page.put("lang", applicant.code());
    page.put("t", Strings.of(applicant));
    page.putAll(Receipt.of(outcome.result(), v.now(), applicant, outcome.listed()));
    page.put("back", PREFIX + "/" + v.lang().code() + "/result?" + v.answers().query());
    ctx.contentType("text/html; charset=utf-8").result(pages.render("counter/receipt.ftlh", page));
  }

  private void status(Context ctx) {
    SignIn.account(ctx, Account.Permission.RELOAD_CATALOGUE);
    Visit v = visit(ctx);
    Map<String, Object> page = common(v, "status", List.of());
    Releases.Attempt attempt = releases.lastAttempt();
    page.put("ok", attempt.ok());
    page.put("compiledAt", v.release().compiledAt().toString());
    page.put("attemptAt", attempt.at().toString());
    page.put("catalogue", releases.source().toString());
    page.put("diagnostics", attempt.diagnostics().stream().map(d -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
      one.put("where", d.where().toString());
      one.put("message", d.message());
      return one;
    }).toList());
    ctx.contentType("text/html; charset=utf-8").result(pages.render("counter/status.ftlh", page));
  }

  private void css(Context ctx) {
    try {
      String css = Files.readString(pages.folder().resolve("counter").resolve("counter.css"));
      ctx.contentType("text/css; charset=utf-8").result(css);
    } catch (IOException e) {
      throw new ApiProblem(404, "not-found", "No such file", "the stylesheet counter/counter.css is missing from "
          + pages.folder());
    }
  }

  /** What every counter page gets: language, strings, switcher, token, errors, the release. */
  private Map<String, Object> common(Visit v, String step, List<Problem> problems) {
    Map<String, Object> page = new LinkedHashMap<>();
    Language lang = v.lang();
    page.put("step", step.isEmpty() ? "start" : step);
    page.put("lang", lang.code());
    page.put("t", Strings.of(lang));
    page.put("base", PREFIX + "/" + lang.code());
    page.put("csrf", v.ctx().attribute(TOKEN));
    page.put("version", v.release().version());
    page.put("release", v.release().shortHash());
    page.put("preview", v.release().preview());
    page.put("query", v.answers().query());
    page.put("a", v.answers().values());
    Account account = v.ctx().attribute(SignIn.ACCOUNT);
    page.put("user", account.name() + " · " + account.office());
    page.put("mayStatus", account.may(Account.Permission.RELOAD_CATALOGUE));
    page.put("mayAccounts", account.may(Account.Permission.MANAGE_ACCOUNTS));
    List<Map<String, Object>> langs = new ArrayList<>();
    for (Language other : Language.values()) {
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("code", other.code());
      link.put("name", Strings.get(other, "language.name"));
      link.put("href", PREFIX + "/" + other.code() + "/" + step + (v.answers().query().isEmpty() ? ""
          : "?" + v.answers().query()));
      link.put("current", other == lang);
      langs.add(link);
    }
    page.put("langs", langs);
    List<Map<String, Object>> errors = new ArrayList<>();
    Map<String, String> byField = new LinkedHashMap<>();
    for (Problem problem : problems) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("field", problem.field());
      error.put("id", CounterModel.id(problem.field()));
      error.put("text", problem.message());
      errors.add(error);
      byField.merge(problem.field(), problem.message(), (a, b) -> a + " " + b);
    }
    page.put("errors", errors);
    page.put("fieldErrors", byField);
    return page;
  }

  static String dotted(LocalDate date) {
    return DOTTED.format(date);
  }

  static Optional<LocalDate> date(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}

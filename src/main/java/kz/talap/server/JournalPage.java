package kz.talap.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.talap.account.Account;
import kz.talap.check.Finding;
import kz.talap.journal.CheckRecord;
import kz.talap.journal.Journal;
import kz.talap.journal.JournalQuery;
import kz.talap.json.JournalJson;
import kz.talap.model.Language;
import kz.talap.recheck.Recheck;
import kz.talap.source.Phrase;

/**
 * The journal at the counter: the checks an account may read (a clerk their own, a supervisor their office's, an
 * admin all), filtered by day, office, clerk, service and verdict; and one check shown again from its stored record,
 * in any of the three languages.
 */
final class JournalPage {
  private static final int PAGE = 50;
  private static final List<String> VERDICTS = List.of("complete", "incomplete", "not_accepted");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Journal journal;
  private final Pages pages;

  JournalPage(Journal journal, Pages pages) {
    this.journal = journal;
    this.pages = pages;
  }

  void routes(RoutesConfig routes) {
    routes.get(Counter.PREFIX + "/{lang}/journal", this::list);
    routes.get(Counter.PREFIX + "/{lang}/journal/{id}", this::one);
  }

  private void list(Context ctx) {
    Account account = SignIn.account(ctx, Account.Permission.READ_OWN_JOURNAL);
    Language lang = language(ctx);
    Map<String, String> filters = new LinkedHashMap<>();
    JournalQuery query = JournalQuery.all();
    String day = param(ctx, "day", filters);
    if (!day.isEmpty()) {
      try {
        LocalDate date = LocalDate.parse(day);
        query = query.from(date).to(date);
      } catch (DateTimeParseException e) {
        throw new ApiProblem(400, "bad-parameter", Phrase.of("problem.bad-day"), Phrase.of("server.bad-day", "value", day));
      }
    }
    String office = param(ctx, "office", filters);
    query = office.isEmpty() ? query : query.office(office);
    String clerk = param(ctx, "clerk", filters);
    query = clerk.isEmpty() ? query : query.actor(clerk);
    String service = param(ctx, "service", filters);
    query = service.isEmpty() ? query : query.service(service);
    String verdict = param(ctx, "verdict", filters);
    if (!verdict.isEmpty() && !VERDICTS.contains(verdict)) {
      throw new ApiProblem(400, "bad-parameter", Phrase.of("problem.bad-verdict"),
          Phrase.of("server.bad-verdict", "value", verdict));
    }
    query = verdict.isEmpty() ? query : query.verdict(verdict);
    int page = pageNumber(ctx.queryParam("page"));
    Optional<JournalQuery> visible = query.page(PAGE, page * PAGE).visibleTo(account);
    if (visible.isEmpty()) {
      throw new ApiProblem(403, "forbidden", Phrase.of("problem.forbidden"),
          Phrase.of("server.journal-forbidden", "account", account.name()));
    }
    long total = journal.count(visible.get());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CheckRecord check : journal.find(visible.get())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("href", Counter.PREFIX + "/" + lang.code() + "/journal/" + check.id());
      row.put("time", TIME.format(check.recordedAt().atZone(CheckRecord.ZONE)));
      row.put("office", check.office());
      row.put("actor", check.actor());
      row.put("service", check.service() + check.subtype().map(s -> " / " + s).orElse(""));
      row.put("verdict", check.verdict());
      rows.add(row);
    }
    Map<String, Object> model = common(ctx, lang, "journal", "");
    model.put("filters", filters);
    model.put("rows", rows);
    model.put("total", total);
    String query2 = query(filters);
    model.put("previous", page > 0 ? link(lang, query2, page - 1) : null);
    model.put("next", (long) (page + 1) * PAGE < total ? link(lang, query2, page + 1) : null);
    ctx.contentType("text/html; charset=utf-8").result(pages.render("counter/journal.ftlh", model));
  }

  private void one(Context ctx) {
    Account account = SignIn.account(ctx, Account.Permission.READ_OWN_JOURNAL);
    Language lang = language(ctx);
    String id = ctx.pathParam("id");
    // Another office's check is "not found", so that its existence is not revealed either.
    CheckRecord check = (CheckRecord.ID.matcher(id).matches() ? journal.get(id) : Optional.<CheckRecord>empty())
        .filter(c -> c.visibleTo(account)).orElseThrow(() -> new ApiProblem(404, "not-found", Phrase.of("problem.no-check"),
            Phrase.of("server.no-check", "id", id)));
    JournalJson.StoredResult stored = JournalJson.read(check.result());
    Map<String, Object> model = common(ctx, lang, "journal", "/" + id);
    model.put("time", TIME.format(check.recordedAt().atZone(CheckRecord.ZONE)));
    model.put("office", check.office());
    model.put("actor", check.actor());
    model.put("catalogue", check.catalogueVersion());
    model.put("releaseHash", check.releaseHash().substring(0, Math.min(12, check.releaseHash().length())));
    model.put("releaseId", check.releaseId().orElse("-"));
    model.put("releasePreview", check.preview());
    model.put("service", check.service() + check.subtype().map(s -> " / " + s).orElse(""));
    model.put("verdict", check.verdict());
    model.put("complete", check.verdict().equals("complete"));
    stored.due().ifPresent(due -> {
      model.put("due", Counter.dotted(due.date()));
      model.put("received", Counter.dotted(due.received()));
      model.put("dueCitation", due.citation().in(lang));
    });
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Finding finding : stored.findings()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
      one.put("text", finding.message(lang));
      one.put("citation", finding.citation().in(lang));
      findings.add(one);
    }
    model.put("findings", findings);
    model.put("submission", check.submission());
    model.put("rerunHref", Counter.PREFIX + "/" + lang.code() + "/journal/" + id + "?rerun=1");
    if (ctx.queryParam("rerun") != null) {
      model.put("rerun", rerun(check, Server.release(ctx), lang));
    }
    model.put("back", Counter.PREFIX + "/" + lang.code() + "/journal");
    ctx.contentType("text/html; charset=utf-8").result(pages.render("counter/journal-check.ftlh", model));
  }

  /**
   * The stored submission checked again on the release served now: what would change. Shown only, not recorded: it
   * is not a check made for an applicant.
   */
  private static Map<String, Object> rerun(CheckRecord check, Release release, Language lang) {
    Recheck recheck = Recheck.of(check, release.catalogue());
    Map<String, Object> rerun = new LinkedHashMap<>();
    rerun.put("version", release.version() + " · " + release.shortHash());
    rerun.put("problems", recheck.problems());
    rerun.put("changed", recheck.changed());
    recheck.verdictNow().ifPresent(v -> rerun.put("verdict", v));
    recheck.dueNow().ifPresent(d -> rerun.put("due", Counter.dotted(d)));
    rerun.put("gone", texts(recheck.gone(), lang));
    rerun.put("added", texts(recheck.added(), lang));
    return rerun;
  }

  private static List<Map<String, Object>> texts(List<Finding> findings, Language lang) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Finding finding : findings) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
      one.put("text", finding.message(lang));
      one.put("citation", finding.citation().in(lang));
      list.add(one);
    }
    return list;
  }

  private static String param(Context ctx, String name, Map<String, String> filters) {
    String value = Optional.ofNullable(ctx.queryParam(name)).orElse("").strip();
    if (value.length() > 100) {
      throw new ApiProblem(400, "bad-parameter", Phrase.of("problem.bad-filter"),
          Phrase.of("server.filter-too-long", "name", name));
    }
    filters.put(name, value);
    return value;
  }

  private static int pageNumber(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      int page = Integer.parseInt(text.strip());
      if (page >= 0 && page <= 1_000_000) {
        return page;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiProblem(400, "bad-parameter", Phrase.of("problem.bad-page"), Phrase.of("server.bad-page", "value", text));
  }

  private static String query(Map<String, String> filters) {
    List<String> parts = new ArrayList<>();
    filters.forEach((k, v) -> {
      if (!v.isEmpty()) {
        parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    });
    return String.join("&", parts);
  }

  private static String link(Language lang, String query, int page) {
    return Counter.PREFIX + "/" + lang.code() + "/journal?" + (query.isEmpty() ? "" : query + "&") + "page=" + page;
  }

  private static Language language(Context ctx) {
    return Language.parse(ctx.pathParam("lang").toLowerCase(Locale.ROOT)).orElseThrow(() ->
        new ApiProblem(404, "not-found", "No such page", "no counter in language '" + ctx.pathParam("lang") + "'"));
  }

  /** The layout's data; the language links lead to the same page ({@code tail}) in the other languages. */
  static Map<String, Object> common(Context ctx, Language lang, String step, String tail) {
    Release release = Server.release(ctx);
    Account account = ctx.attribute(SignIn.ACCOUNT);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("step", step);
    model.put("lang", lang.code());
    model.put("t", Strings.of(lang));
    model.put("base", Counter.PREFIX + "/" + lang.code());
    model.put("csrf", ctx.attribute(Counter.TOKEN));
    model.put("version", release.version());
    model.put("release", release.shortHash());
    model.put("preview", release.preview());
    model.put("user", account.name() + " · " + account.office());
    model.put("mayStatus", account.may(Account.Permission.RELOAD_CATALOGUE));
    model.put("mayAccounts", account.may(Account.Permission.MANAGE_ACCOUNTS));
    String query = ctx.queryString();
    List<Map<String, Object>> langs = new ArrayList<>();
    for (Language other : Language.values()) {
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("code", other.code());
      link.put("name", Strings.get(other, "language.name"));
      link.put("href", Counter.PREFIX + "/" + other.code() + (tail.startsWith("/accounts") ? "" : "/journal") + tail
          + (query == null ? "" : "?" + query));
      link.put("current", other == lang);
      langs.add(link);
    }
    model.put("langs", langs);
    model.put("errors", List.of());
    model.put("fieldErrors", Map.of());
    return model;
  }
}

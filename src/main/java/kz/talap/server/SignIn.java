package kz.talap.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.talap.account.Account;
import kz.talap.account.Accounts;
import kz.talap.account.LoginLimiter;
import kz.talap.account.Sessions;
import kz.talap.model.Language;
import kz.talap.source.Phrase;

/**
 * Staff sign-in at the counter: the login page, sessions in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS),
 * logins rate limited per name and per address, logout. Every counter page but the login page needs a session whose
 * account is still enabled; every form sent with one must carry the session's CSRF token.
 */
final class SignIn {
  static final String COOKIE = "talap_session";
  /** The request attribute holding the signed-in {@link Account}. */
  static final String ACCOUNT = "talap.account";

  private final Accounts accounts;
  private final Sessions sessions;
  private final LoginLimiter byName;
  private final LoginLimiter byAddress;
  private final Pages pages;

  /**
   * @param byName limits failed logins per account name
   * @param byAddress limits failed logins per client address; looser, since a whole office behind one proxy or NAT
   *     shares an address and one mistyping clerk must not lock the others out
   */
  SignIn(Accounts accounts, Sessions sessions, LoginLimiter byName, LoginLimiter byAddress, Pages pages) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.byName = byName;
    this.byAddress = byAddress;
    this.pages = pages;
  }

  /** Sends a page request to the login page (303): thrown by the guard, answered by the server. */
  static final class Required extends RuntimeException {
    final String location;

    Required(String location) {
      super(location, null, false, false);
      this.location = location;
    }
  }

  /**
   * The session of a request to a page other than the login page: its account (as the database has it now) is put
   * in {@link #ACCOUNT}, a form sent (POST) must carry its CSRF token; returns that token for the page's forms.
   */
  String require(Context ctx, String lang) {
    Optional<Sessions.Session> session = sessions.find(ctx.cookie(COOKIE));
    Optional<Account> account = session.flatMap(s -> accounts.staff(s.account().name())).filter(a -> !a.disabled());
    if (account.isEmpty()) {
      session.ifPresent(s -> sessions.end(s.id()));
      String query = ctx.queryString();
      String next = ctx.method() == HandlerType.GET ? ctx.path() + (query == null ? "" : "?" + query)
          : Counter.PREFIX + "/" + lang + "/";
      throw new Required(Counter.PREFIX + "/" + lang + "/login?next=" + URLEncoder.encode(next,
          StandardCharsets.UTF_8));
    }
    if (ctx.method() == HandlerType.POST && !session.get().csrfMatches(ctx.formParam(Csrf.FIELD))) {
      throw new ApiProblem(403, "csrf", Phrase.of("problem.csrf"), Phrase.of("server.csrf"));
    }
    ctx.attribute(ACCOUNT, account.get());
    return session.get().csrf();
  }

  /** The signed-in account, which must be allowed {@code permission} (403 otherwise). */
  static Account account(Context ctx, Account.Permission permission) {
    Account account = ctx.attribute(ACCOUNT);
    if (account == null || !account.may(permission)) {
      throw new ApiProblem(403, "forbidden", Phrase.of("problem.forbidden"), Phrase.of("server.account-forbidden",
          "name", account == null ? "?" : account.name(), "role", account == null ? "?" : account.role().code()));
    }
    return account;
  }

  Sessions sessions() {
    return sessions;
  }

  void loginPage(Context ctx, String token) {
    Language lang = language(ctx);
    render(ctx, lang, token, next(ctx.queryParam("next"), lang), "", List.of());
  }

  void login(Context ctx, String token) {
    Language lang = language(ctx);
    String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip().toLowerCase(Locale.ROOT);
    char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
    String next = next(ctx.formParam("next"), lang);
    String address = ctx.ip();
    Optional<Duration> wait = java.util.stream.Stream.of(byName.blocked(name), byAddress.blocked(address))
        .flatMap(Optional::stream).max(Duration::compareTo);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      ctx.status(429).header("Retry-After", Long.toString(seconds));
      render(ctx, lang, token, next, name, List.of(Strings.get(lang, "login.limited")
          .replace("{minutes}", Long.toString((seconds + 59) / 60))));
      return;
    }
    Optional<Account> account = accounts.login(name, password);
    java.util.Arrays.fill(password, '\0');
    if (account.isEmpty()) {
      byName.failed(name);
      byAddress.failed(address);
      ctx.status(401);
      render(ctx, lang, token, next, name, List.of(Strings.get(lang, "login.wrong")));
      return;
    }
    byName.succeeded(name);
    Sessions.Session session = sessions.start(account.get());
    ctx.res().addHeader("Set-Cookie", COOKIE + "=" + session.id() + "; Path=" + Counter.PREFIX + "; HttpOnly; "
        + "SameSite=Strict" + (secure(ctx) ? "; Secure" : ""));
    ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** Logout (a POST with the session's CSRF token, checked by the guard). */
  void logout(Context ctx) {
    Optional.ofNullable(ctx.cookie(COOKIE)).ifPresent(sessions::end);
    ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=" + Counter.PREFIX + "; Max-Age=0; HttpOnly; SameSite=Strict"
        + (secure(ctx) ? "; Secure" : ""));
    ctx.redirect(Counter.PREFIX + "/" + language(ctx).code() + "/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /**
   * Whether the browser reached the server over HTTPS: directly, or through a reverse proxy that says so. Trusting
   * the header can only add the Secure flag, never remove it.
   */
  private static boolean secure(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  /** Where to go after login: a counter page of this server only (never another site). */
  private static String next(String wanted, Language lang) {
    if (wanted != null && wanted.startsWith(Counter.PREFIX + "/") && !wanted.contains("//")
        && !wanted.contains("\\") && !wanted.startsWith(Counter.PREFIX + "/" + lang.code() + "/login")
        && wanted.length() <= 4000) {
      return wanted;
    }
    return Counter.PREFIX + "/" + lang.code() + "/";
  }

  private static Language language(Context ctx) {
    return Language.parse(ctx.pathParam("lang").toLowerCase(Locale.ROOT)).orElseThrow(() ->
        new ApiProblem(404, "not-found", "No such page", "no counter in language '" + ctx.pathParam("lang") + "'"));
  }

  private void render(Context ctx, Language lang, String token, String next, String name, List<String> problems) {
    Release release = Server.release(ctx);
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("step", "login");
    page.put("lang", lang.code());
    page.put("t", Strings.of(lang));
    page.put("base", Counter.PREFIX + "/" + lang.code());
    page.put("csrf", token);
    page.put("version", release.version());
    page.put("release", release.shortHash());
    page.put("preview", release.preview());
    page.put("next", next);
    page.put("name", name);
    List<Map<String, Object>> langs = new ArrayList<>();
    for (Language other : Language.values()) {
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("code", other.code());
      link.put("name", Strings.get(other, "language.name"));
      link.put("href", Counter.PREFIX + "/" + other.code() + "/login");
      link.put("current", other == lang);
      langs.add(link);
    }
    page.put("langs", langs);
    List<Map<String, Object>> errors = new ArrayList<>();
    for (String problem : problems) {
      errors.add(Map.of("id", "f-name", "text", problem));
    }
    page.put("errors", errors);
    page.put("fieldErrors", Map.of());
    ctx.contentType("text/html; charset=utf-8").result(pages.render("counter/login.ftlh", page));
  }
}

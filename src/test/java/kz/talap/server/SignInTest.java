package kz.talap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.talap.account.Account;
import kz.talap.account.Accounts;
import kz.talap.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in at the counter through HTTP: no page without a session, CSRF on every form, roles, rate-limited logins. */
class SignInTest {
  private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Limits LIMITS = new Limits(64 * 1024, 256 * 1024, 5, Duration.ofSeconds(5));

  @TempDir
  Path folder;

  private static String token(String page) {
    Matcher matcher = TOKEN.matcher(page);
    assertTrue(matcher.find(), page);
    return matcher.group(1);
  }

  /** The login page's CSRF cookie and token, as {cookie, token}. */
  private static String[] loginForm(Http http) throws Exception {
    HttpResponse<String> page = http.get("/counter/ru/login");
    assertEquals(200, page.statusCode(), page.body());
    String set = page.headers().firstValue("Set-Cookie").orElseThrow();
    return new String[] {set.substring(0, set.indexOf(';')), token(page.body())};
  }

  private static HttpResponse<String> login(Http http, String[] form, String name, String password) throws Exception {
    return http.form("/counter/ru/login", form[0], "csrf=" + form[1] + "&name=" + name + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&next=%2Fcounter%2Fru%2Ffacts%3Fwhat%3DPRP");
  }

  @Test
  void everyPage_withoutASession_redirectsToTheLoginPage() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http http = new Http(server.port());
      for (String path : List.of("/counter/ru/", "/counter/kk/facts?what=TRP", "/counter/en/documents",
          "/counter/en/result", "/counter/kk/receipt", "/counter/en/status", "/counter/en/journal",
          "/counter/kk/journal/some-id", "/counter/en/nothing")) {
        HttpResponse<String> page = http.get(path);
        assertEquals(303, page.statusCode(), path);
        String lang = path.substring(9, 11);
        assertEquals("/counter/" + lang + "/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8),
            page.headers().firstValue("Location").orElseThrow(), path);
        assertFalse(page.body().contains("<form"), page.body());
      }
      String[] form = loginForm(http);
      HttpResponse<String> post = http.form("/counter/ru/result", form[0], "csrf=" + form[1] + "&what=TRP");
      assertEquals(303, post.statusCode());
      assertEquals("/counter/ru/login?next=%2Fcounter%2Fru%2F", post.headers().firstValue("Location").orElseThrow());
      assertEquals(303, http.form("/counter/ru/logout", form[0], "csrf=" + form[1]).statusCode());
      assertEquals(303, http.get("/counter/ru/", "talap_session=" + "A".repeat(43)).statusCode());
    }
  }

  @Test
  void login_setsAStrictSessionCookie_andGoesToTheAskedPage_logoutEndsIt() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http.staff(journal, "dana", Account.Role.CLERK, "ALM-01");
      Http http = new Http(server.port());
      HttpResponse<String> page = http.get("/counter/ru/login");
      assertTrue(page.body().contains("<h1>Вход</h1>"), page.body());
      assertTrue(page.body().contains("<input type=\"password\" id=\"f-password\" name=\"password\""), page.body());
      HttpResponse<String> ok = login(http, loginForm(http), "dana", Http.PASSWORD);
      assertEquals(303, ok.statusCode(), ok.body());
      assertEquals("/counter/ru/facts?what=PRP", ok.headers().firstValue("Location").orElseThrow());
      String set = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("talap_session="))
          .findFirst().orElseThrow();
      assertTrue(set.matches("talap_session=[A-Za-z0-9_-]{43}; Path=/counter; HttpOnly; SameSite=Strict"), set);
      String cookie = set.substring(0, set.indexOf(';'));

      HttpResponse<String> start = http.get("/counter/ru/", cookie);
      assertEquals(200, start.statusCode());
      assertTrue(start.body().contains("<span class=\"user\">dana · ALM-01</span>"), start.body());
      String token = token(start.body());
      HttpResponse<String> out = http.form("/counter/ru/logout", cookie, "csrf=" + token);
      assertEquals(303, out.statusCode());
      assertEquals("/counter/ru/login", out.headers().firstValue("Location").orElseThrow());
      assertEquals(303, http.get("/counter/ru/", cookie).statusCode());
    }
  }

  @Test
  void login_behindAnHttpsProxy_setsASecureCookie() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http.staff(journal, "dana", Account.Role.CLERK, "ALM-01");
      Http http = new Http(server.port());
      String[] form = loginForm(http);
      HttpResponse<String> ok = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base()
          + "/counter/en/login")).header("Content-Type", "application/x-www-form-urlencoded")
          .header("Cookie", form[0]).header("X-Forwarded-Proto", "https")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=" + form[1] + "&name=dana&password="
              + URLEncoder.encode(Http.PASSWORD, StandardCharsets.UTF_8))));
      assertEquals(303, ok.statusCode(), ok.body());
      String set = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("talap_session="))
          .findFirst().orElseThrow();
      assertTrue(set.endsWith("; Path=/counter; HttpOnly; SameSite=Strict; Secure"), set);
    }
  }

  @Test
  void login_redirectsOnlyToTheCounter() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http.staff(journal, "dana", Account.Role.CLERK, "ALM-01");
      Http http = new Http(server.port());
      String[] form = loginForm(http);
      HttpResponse<String> ok = http.form("/counter/en/login", form[0], "csrf=" + form[1]
          + "&name=dana&password=" + URLEncoder.encode(Http.PASSWORD, StandardCharsets.UTF_8)
          + "&next=%2F%2Fevil.example%2Fcounter%2F");
      assertEquals("/counter/en/", ok.headers().firstValue("Location").orElseThrow());
    }
  }

  @Test
  void postWithoutCsrf_isRefused_theLoginFormToo() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http.staff(journal, "dana", Account.Role.CLERK, "ALM-01");
      Http http = new Http(server.port());
      String[] form = loginForm(http);
      HttpResponse<String> noToken = http.form("/counter/ru/login", form[0], "name=dana&password="
          + URLEncoder.encode(Http.PASSWORD, StandardCharsets.UTF_8));
      assertEquals(403, noToken.statusCode());
      assertTrue(noToken.body().contains("<h1>Срок действия формы истёк</h1>"), noToken.body());
      String cookie = http.signIn("dana", Http.PASSWORD);
      assertEquals(403, http.form("/counter/ru/facts", cookie, "what=TRP%2FTRP_WORK").statusCode());
      assertEquals(403, http.form("/counter/ru/logout", cookie, "").statusCode());
      // The login page's token is not the session's.
      assertEquals(403, http.form("/counter/ru/facts", cookie, "csrf=" + form[1] + "&what=TRP").statusCode());
      assertEquals(200, http.get("/counter/ru/", cookie).statusCode());
    }
  }

  @Test
  void clerk_cannotReachTheStatusPage_anEditorCan() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http.staff(journal, "dana", Account.Role.CLERK, "ALM-01");
      Http.staff(journal, "erlan", Account.Role.EDITOR, "ALM-01");
      Http http = new Http(server.port());
      String clerk = http.signIn("dana", Http.PASSWORD);
      HttpResponse<String> refused = http.get("/counter/en/status", clerk);
      assertEquals(403, refused.statusCode());
      assertTrue(refused.body().contains("the account &#39;dana&#39; (role clerk) may not open this page"),
          refused.body());
      assertFalse(http.get("/counter/en/", clerk).body().contains("/counter/en/status"));
      String editor = http.signIn("erlan", Http.PASSWORD);
      assertEquals(200, http.get("/counter/en/status", editor).statusCode());
      assertTrue(http.get("/counter/en/", editor).body().contains("<a href=\"/counter/en/status\">"));
    }
  }

  @Test
  void disabledAccount_losesItsOpenSession() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http.staff(journal, "dana", Account.Role.CLERK, "ALM-01");
      Http http = new Http(server.port());
      String cookie = http.signIn("dana", Http.PASSWORD);
      assertEquals(200, http.get("/counter/ru/", cookie).statusCode());
      new Accounts(journal.accounts()).disable("dana");
      assertEquals(303, http.get("/counter/ru/", cookie).statusCode());
      assertEquals(401, login(http, loginForm(http), "dana", Http.PASSWORD).statusCode());
    }
  }

  @Test
  void wrongPasswords_areRateLimited() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http.staff(journal, "dana", Account.Role.CLERK, "ALM-01");
      Http http = new Http(server.port());
      String[] form = loginForm(http);
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> wrong = login(http, form, "dana", "not the password " + i);
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("Неверное имя учётной записи или пароль."), wrong.body());
        assertFalse(wrong.headers().firstValue("Set-Cookie").orElse("").contains("talap_session"));
      }
      HttpResponse<String> limited = login(http, form, "dana", Http.PASSWORD);
      assertEquals(429, limited.statusCode(), limited.body());
      long wait = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(wait > 800 && wait <= 900, "Retry-After " + wait);
      assertTrue(limited.body().contains("Слишком много неудачных попыток. Повторите через 15 мин."), limited.body());
      assertFalse(limited.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.contains("talap_session")));
      // Another clerk at the same address is not locked out by dana's mistakes.
      Http.staff(journal, "bolat", Account.Role.CLERK, "ALM-01");
      assertEquals(303, login(http, form, "bolat", Http.PASSWORD).statusCode());
    }
  }

  @Test
  void wrongPasswords_fromOneAddress_areRateLimitedWhateverTheName() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http.staff(journal, "dana", Account.Role.CLERK, "ALM-01");
      Http http = new Http(server.port());
      String[] form = loginForm(http);
      for (int i = 0; i < 30; i++) {
        assertEquals(401, login(http, form, "guess" + i, "not the password").statusCode());
      }
      HttpResponse<String> limited = login(http, form, "dana", Http.PASSWORD);
      assertEquals(429, limited.statusCode(), limited.body());
    }
  }
}

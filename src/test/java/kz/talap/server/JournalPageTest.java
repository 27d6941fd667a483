package kz.talap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.talap.account.Account;
import kz.talap.journal.Journal;
import kz.talap.journal.JournalQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal page through HTTP: scoped by role, filtered, one check re-rendered in any language. */
class JournalPageTest {
  private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static Server server;
  private static Journal journal;
  private static Http http;
  private static String dana;
  private static String bolat;
  private static String supervisor;
  private static String checkId;
  @TempDir
  static Path folder;

  @BeforeAll
  static void start() throws Exception {
    journal = Http.journal(folder);
    server = Http.shipped(new Limits(64 * 1024, 256 * 1024, 5, Duration.ofSeconds(5)), journal);
    http = new Http(server.port());
    Http.staff(journal, "dana", Account.Role.CLERK, "ALM-01");
    Http.staff(journal, "bolat", Account.Role.CLERK, "ALM-02");
    Http.staff(journal, "saule", Account.Role.SUPERVISOR, "ALM-01");
    dana = http.signIn("dana", Http.PASSWORD);
    bolat = http.signIn("bolat", Http.PASSWORD);
    supervisor = http.signIn("saule", Http.PASSWORD);
    // dana checks the Uzbek worker without health insurance at the counter.
    Matcher token = TOKEN.matcher(http.get("/counter/ru/", dana).body());
    assertTrue(token.find());
    List<String> pairs = new ArrayList<>(List.of("csrf", token.group(1)));
    pairs.addAll(CounterTest.UZBEK_WORKER);
    pairs.addAll(CounterTest.WITHOUT_INSURANCE);
    List<String> encoded = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i += 2) {
      encoded.add(pairs.get(i) + "=" + URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
    }
    HttpResponse<String> result = http.form("/counter/ru/result", dana, String.join("&", encoded));
    assertEquals(200, result.statusCode(), result.body());
    checkId = journal.find(JournalQuery.all()).get(0).id();
  }

  @AfterAll
  static void stop() {
    server.close();
    journal.close();
  }

  @Test
  void clerk_seesOwnCheck_andOpensItInEveryLanguage() throws Exception {
    HttpResponse<String> list = http.get("/counter/en/journal", dana);
    assertEquals(200, list.statusCode(), list.body());
    assertTrue(list.body().contains("<p id=\"total\">Checks found: 1</p>"), list.body());
    assertTrue(list.body().contains("<td>ALM-01</td><td>dana</td><td>TRP / TRP_WORK</td><td>Incomplete</td>"),
        list.body());
    assertTrue(list.body().contains("<a href=\"/counter/en/journal/" + checkId + "\">"), list.body());

    String ru = http.get("/counter/ru/journal/" + checkId, dana).body();
    assertTrue(ru.contains("Не представлен документ: Копия медицинской страховки."), ru);
    assertTrue(ru.contains("<dd>2026.1 · " + server.hash().substring(0, 12) + "</dd>"), ru);
    assertTrue(ru.contains("<div><dt>Идентификатор выпуска</dt><dd id=\"release-id\">preview-" + server.hash()
        + " · Предварительный просмотр — не утверждённый выпуск</dd></div>"), ru);
    assertTrue(ru.contains("<p class=\"preview-banner\" role=\"status\">Предварительный просмотр — не утверждённый "
        + "выпуск</p>"), ru);
    String en = http.get("/counter/en/journal/" + checkId, dana).body();
    assertTrue(en.contains("Missing: Copy of health insurance."), en);
    assertTrue(en.contains("Incomplete: the documents cannot be accepted as they are"), en);
    assertTrue(en.contains("&quot;submitted_at&quot; : &quot;2026-03-20T11:30&quot;"), en);
    assertTrue(en.contains("<a href=\"/counter/en/journal/" + checkId + "?rerun=1\">Check again on the catalogue served "
        + "now</a>"), en);
    String rerun = http.get("/counter/en/journal/" + checkId + "?rerun=1", dana).body();
    assertTrue(rerun.contains("<h2>On the catalogue served now (2026.1 · " + server.hash().substring(0, 12) + ")</h2>\n"
        + "<p id=\"rerun-same\">Nothing would change: the same verdict, due date and findings.</p>"), rerun);
    assertEquals(1, journal.count(JournalQuery.all()));
  }

  @Test
  void clerkOfAnotherOffice_cannotReadIt() throws Exception {
    assertTrue(http.get("/counter/en/journal", bolat).body().contains("Checks found: 0"));
    assertTrue(http.get("/counter/en/journal?office=ALM-01", bolat).body().contains("Checks found: 0"));
    assertTrue(http.get("/counter/en/journal?clerk=dana", bolat).body().contains("Checks found: 0"));
    HttpResponse<String> one = http.get("/counter/en/journal/" + checkId, bolat);
    assertEquals(404, one.statusCode());
    assertFalse(one.body().contains("health insurance"), one.body());
    assertTrue(one.body().contains("No such check"), one.body());
    HttpResponse<String> ru = http.get("/counter/ru/journal/" + checkId, bolat);
    assertEquals(404, ru.statusCode());
    assertTrue(ru.body().contains("Такой проверки нет"), ru.body());
    assertTrue(ru.body().contains("в журнале нет проверки &#39;" + checkId + "&#39;, доступной этой учётной записи"),
        ru.body());
  }

  @Test
  void supervisor_readsTheOfficeJournal_withFilters() throws Exception {
    assertTrue(http.get("/counter/en/journal", supervisor).body().contains("Checks found: 1"));
    assertTrue(http.get("/counter/en/journal?verdict=incomplete&service=TRP&clerk=dana", supervisor).body()
        .contains("Checks found: 1"));
    assertTrue(http.get("/counter/en/journal?verdict=complete", supervisor).body().contains("Checks found: 0"));
    assertTrue(http.get("/counter/en/journal?day=2020-01-01", supervisor).body().contains("Checks found: 0"));
    assertEquals(200, http.get("/counter/kk/journal/" + checkId, supervisor).statusCode());
    HttpResponse<String> bad = http.get("/counter/en/journal?day=01.01.2026", supervisor);
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("day: &#39;01.01.2026&#39; is not a date (YYYY-MM-DD)"), bad.body());
  }

  @Test
  void journal_withoutASession_redirectsToLogin() throws Exception {
    HttpResponse<String> page = http.get("/counter/en/journal/" + checkId);
    assertEquals(303, page.statusCode());
    assertTrue(page.headers().firstValue("Location").orElseThrow().startsWith("/counter/en/login?next="));
  }
}

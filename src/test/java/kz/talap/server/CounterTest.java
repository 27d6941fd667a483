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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import kz.talap.account.Account;
import kz.talap.journal.CheckRecord;
import kz.talap.journal.Journal;
import kz.talap.journal.JournalQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counter pages through HTTP: the steps, errors, "Change" links, receipts, CSRF and escaping. */
class CounterTest {
  private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  static final List<String> UZBEK_WORKER = List.of("what", "TRP/TRP_WORK", "channel", "PROVIDER",
      "submitted_at", "2026-03-20T11:30", "fact.citizenship", "UZ", "fact.birth_date", "1990-05-01",
      "fact.owns_housing", "no");
  /** Every document of a TRP work package from Uzbekistan except the health insurance. */
  static final List<String> WITHOUT_INSURANCE = List.of(
      "doc.TRP_APPLICATION_FORM.presented", "yes",
      "doc.TRP_IDENTITY_DOCUMENT.presented", "yes", "doc.TRP_IDENTITY_DOCUMENT.issued_in", "UZ",
      "doc.TRP_IDENTITY_DOCUMENT.valid_until", "2031-01-01", "doc.TRP_IDENTITY_DOCUMENT.original_shown", "yes",
      "doc.TRP_HOUSING_CONSENT.presented", "yes", "doc.TRP_HOUSING_CONSENT.issued_on", "2026-03-16",
      "doc.TRP_FINGERPRINT_CERTIFICATE.presented", "yes",
      "doc.TRP_WORK_LABOUR_PERMIT.presented", "yes");
  private static Server server;
  private static Journal journal;
  @TempDir
  static Path folder;
  private static Http http;
  private static String cookie;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    journal = Http.journal(folder);
    server = Http.shipped(new Limits(64 * 1024, 256 * 1024, 5, Duration.ofSeconds(5)), journal);
    http = new Http(server.port());
    Http.staff(journal, "aigerim", Account.Role.EDITOR, "ALM-01");
    cookie = http.signIn("aigerim", Http.PASSWORD);
    token = token(http.get("/counter/ru/", cookie).body());
  }

  @AfterAll
  static void stop() {
    server.close();
    journal.close();
  }

  private static String token(String page) {
    Matcher matcher = TOKEN.matcher(page);
    assertTrue(matcher.find(), page);
    return matcher.group(1);
  }

  private static String form(List<String> pairs) {
    List<String> all = new ArrayList<>(List.of("csrf", token));
    all.addAll(pairs);
    List<String> encoded = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 2) {
      encoded.add(URLEncoder.encode(all.get(i), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(all.get(i + 1), StandardCharsets.UTF_8));
    }
    return String.join("&", encoded);
  }

  private static List<String> plus(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String post(String path, List<String> pairs) throws Exception {
    HttpResponse<String> response = http.form(path, cookie, form(pairs));
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  /** The page's text without tags, spaces collapsed. */
  private static String text(String html) {
    return html.replaceAll("<[^>]+>", " ").replace("&quot;", "\"").replace("&amp;", "&").replaceAll("\\s+", " ");
  }

  @Test
  void start_setsAStrictCookie_andEveryFormCarriesItsToken() throws Exception {
    HttpResponse<String> login = http.get("/counter/kk/login");
    String set = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(set.matches("talap_csrf=[A-Za-z0-9_-]{43}; Path=/counter; HttpOnly; SameSite=Strict"), set);
    HttpResponse<String> page = http.get("/counter/kk/", cookie);
    assertTrue(page.body().contains("<input type=\"hidden\" name=\"csrf\" value=\"" + token + "\">"), page.body());
    assertTrue(page.body().contains("<h1>Қандай қызмет, қай арна арқылы?</h1>"), page.body());
    assertTrue(page.body().contains("<form method=\"post\" action=\"/counter/kk/facts\" novalidate>\n"
        + "<input type=\"hidden\" name=\"csrf\" value=\""), page.body());
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
  }

  @Test
  void post_withoutAMatchingToken_isRefused() throws Exception {
    HttpResponse<String> none = http.form("/counter/ru/facts", cookie, "what=TRP%2FTRP_WORK");
    assertEquals(403, none.statusCode());
    assertTrue(none.body().contains("<h1>Срок действия формы истёк</h1>"), none.body());
    HttpResponse<String> other = http.form("/counter/ru/facts", cookie, "csrf=" + "A".repeat(43)
        + "&what=TRP%2FTRP_WORK");
    assertEquals(403, other.statusCode());
  }

  @Test
  void facts_askTheServicesFactsTyped() throws Exception {
    String page = post("/counter/ru/facts", UZBEK_WORKER.subList(0, 6));
    assertTrue(page.contains("<label for=\"f-fact-citizenship\">Гражданство (государство)</label>"), page);
    assertTrue(page.contains("<option value=\"UZ\">Узбекистан</option>"), page);
    assertTrue(page.contains("<input type=\"date\" id=\"f-fact-birth_date\" name=\"fact.birth_date\" value=\"\">"),
        page);
    assertTrue(page.contains("<input type=\"radio\" name=\"fact.owns_housing\" id=\"f-fact-owns_housing-yes\" "
        + "value=\"yes\">"), page);
    assertFalse(page.contains("fact.purpose"), "the TRP asks nothing about the purpose of the 2026 pilot");
    assertTrue(page.contains("<input type=\"hidden\" name=\"what\" value=\"TRP/TRP_WORK\">"), page);
  }

  @Test
  void missingAnswer_showsTheErrorAtItsField() throws Exception {
    String page = post("/counter/en/documents", List.of("what", "TRP/TRP_WORK", "channel", "PROVIDER",
        "submitted_at", "2026-03-20T11:30", "fact.citizenship", "UZ"));
    assertTrue(page.contains("<h1>About the applicant</h1>"), page);
    assertTrue(page.contains("<li><a href=\"#f-fact-birth_date\">Answer this question.</a></li>"), page);
    assertTrue(page.contains("aria-invalid=\"true\" aria-describedby=\"fact-birth_date-error\""), page);
  }

  @Test
  void badAnswer_isExplainedInTheCountersLanguage() throws Exception {
    List<String> answers = List.of("what", "TRP/TRP_WORK", "channel", "PROVIDER", "submitted_at", "2026-03-20T11:30",
        "fact.citizenship", "UZ", "fact.birth_date", "01.05.1990", "fact.owns_housing", "no");
    assertTrue(text(post("/counter/ru/documents", answers)).contains(
        "Проверьте ответ: ожидается дата в формате ГГГГ-ММ-ДД, получено: \"01.05.1990\""));
    assertTrue(text(post("/counter/kk/documents", answers)).contains(
        "Жауапты тексеріңіз: ЖЖЖЖ-АА-КК пішіміндегі күн күтіледі, алынғаны: \"01.05.1990\""));
    assertTrue(text(post("/counter/en/documents", answers)).contains(
        "Check this answer: expected a date YYYY-MM-DD, got \"01.05.1990\""));
  }

  @Test
  void missingInsurance_isFoundWithItsNorm_andChangeKeepsTheAnswers() throws Exception {
    String result = post("/counter/ru/result", plus(UZBEK_WORKER, WITHOUT_INSURANCE));
    String text = text(result);
    assertTrue(text.contains("Неполный пакет: документы нельзя принять в таком виде"), text);
    assertTrue(text.contains("Ошибка Не представлен документ: Копия медицинской страховки. Норма: Приказ Министра "
        + "внутренних дел РК от 4 декабря 2015 года № 992, приложение 1-1, пункт 8, абзац 3"), text);
    Matcher change = Pattern.compile("<a class=\"change\" href=\"(/counter/ru/documents\\?[^\"]+)\">").matcher(result);
    assertTrue(change.find(), result);
    String documents = http.get(change.group(1).replace("&amp;", "&"), cookie).body();
    assertTrue(documents.contains("<input type=\"checkbox\" name=\"doc.TRP_HOUSING_CONSENT.presented\" "
        + "id=\"f-doc-TRP_HOUSING_CONSENT-presented\" value=\"yes\" checked>"), documents);
    assertTrue(documents.contains("<input type=\"checkbox\" name=\"doc.TRP_HEALTH_INSURANCE.presented\" "
        + "id=\"f-doc-TRP_HEALTH_INSURANCE-presented\" value=\"yes\">"), documents);
    assertTrue(documents.contains("name=\"doc.TRP_HOUSING_CONSENT.issued_on\" value=\"2026-03-16\""), documents);
    assertTrue(documents.contains("<input type=\"hidden\" name=\"fact.citizenship\" value=\"UZ\">"), documents);

    List<String> corrected = plus(plus(UZBEK_WORKER, WITHOUT_INSURANCE),
        List.of("doc.TRP_HEALTH_INSURANCE.presented", "yes", "doc.TRP_HEALTH_INSURANCE.original_shown", "yes"));
    String complete = text(post("/counter/ru/result", corrected));
    assertTrue(complete.contains("Полный пакет: документы можно принять"), complete);
    assertTrue(complete.contains("Срок выдачи результата: 26.03.2026 (Считается принятым: 20.03.2026)"), complete);

    String receipt = text(post("/counter/ru/receipt", plus(corrected, List.of("receipt_lang", "kk"))));
    assertTrue(receipt.contains("Құжаттарды қабылдау туралы қолхат"), receipt);
    assertTrue(receipt.contains("Медициналық сақтандырудың көшірмесі"), receipt);
    assertTrue(receipt.contains("Нәтиже 26.03.2026 кешіктірілмей беріледі."), receipt);
    Matcher number = Pattern.compile("Қолхат № ([0-9A-F]{5}-[0-9A-F]{5}) ").matcher(receipt);
    assertTrue(number.find(), receipt);
    String again = text(post("/counter/ru/receipt", plus(corrected, List.of("receipt_lang", "kk"))));
    assertTrue(again.contains("Қолхат № " + number.group(1) + " "), "the same package gets the same number");
    assertTrue(receipt.contains("бірегей нөмірі, күні мен уақыты"), receipt);
  }

  @Test
  void receipt_ofAnIncompletePackage_refusesWithReasonsAndTheLaw() throws Exception {
    String receipt = text(post("/counter/ru/receipt", plus(plus(UZBEK_WORKER, WITHOUT_INSURANCE),
        List.of("receipt_lang", "en"))));
    assertTrue(receipt.contains("Refusal to accept documents"), receipt);
    assertTrue(receipt.contains("Missing: Copy of health insurance. Norm: Order of the Minister of Internal Affairs of "
        + "the RK No. 992 of 4 December 2015, Annex 1-1, item 8, paragraph 3"), receipt);
    assertTrue(receipt.contains("Law of the Republic of Kazakhstan \"On public services\" of 15 April 2013 No. 88-V, "
        + "article 20, paragraph 2"), receipt);
    // The duty to check completeness at acceptance, from the primary act (seed 003).
    assertTrue(receipt.contains("No. 992 of 4 December 2015, paragraph 9-1, sub-item 1): the authorised officer of the "
        + "service provider accepts the documents presented and checks that they are complete."), receipt);
  }

  @Test
  void hostileAnswers_areEscaped() throws Exception {
    HttpResponse<String> page = http.get("/counter/en/?submitted_at=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"
        + "&fact.x%22=1", cookie);
    assertTrue(page.body().contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), page.body());
    assertFalse(page.body().contains("<script>"), page.body());
    String facts = post("/counter/en/facts", List.of("what", "TRP/TRP_WORK", "channel", "PROVIDER",
        "submitted_at", "<b>now</b>"));
    assertTrue(facts.contains("<li><a href=\"#f-submitted_at\">Enter the date and time of submission.</a></li>"),
        facts);
  }

  @Test
  void stagedService_asksTheStage_andTheFactItsDeadlineCountsFrom() throws Exception {
    // The IT pilot was a draft planned until the end of 2025: checked on a day of 2025.
    List<String> start = List.of("what", "IT_PILOT", "channel", "STATE_CORP", "submitted_at", "2025-05-20T10:00");
    String facts = post("/counter/en/facts", start);
    assertTrue(facts.contains("<legend>Stage of the procedure</legend>"), facts);
    assertTrue(facts.contains("name=\"stage\" id=\"o-IT_STAGE_ARRIVAL\" value=\"IT_STAGE_ARRIVAL\""), facts);
    assertTrue(facts.contains("<select id=\"f-fact-region\" name=\"fact.region\">"), facts);
    assertTrue(facts.contains("name=\"fact.approval_date\""), facts);
    String missing = post("/counter/en/documents", plus(start, List.of("fact.citizenship", "IN",
        "fact.birth_date", "1993-05-17", "fact.region", "ASTANA")));
    assertTrue(missing.contains("<li><a href=\"#f-stage\">Check this answer: service IT_PILOT has stages; say which "
        + "one is checked (one of: "), missing);
    String result = text(post("/counter/en/result", plus(start, List.of("stage", "IT_STAGE_ARRIVAL",
        "fact.citizenship", "IN", "fact.birth_date", "1993-05-17", "fact.region", "ASTANA",
        "fact.approval_date", "2025-04-10"))));
    assertTrue(result.contains("Cannot be accepted: no package can be accepted for this application"), result);
  }

  @Test
  void oversizeForm_isRefused() throws Exception {
    HttpResponse<String> page = http.form("/counter/en/facts", cookie, form(List.of("what", "x".repeat(70_000))));
    assertEquals(413, page.statusCode(), page.body());
    assertTrue(page.body().contains("the form is larger than 65536 bytes"), page.body());
  }

  @Test
  void unknownLanguage_isNotFound() throws Exception {
    HttpResponse<String> page = http.get("/counter/de/", cookie);
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("no counter in language &#39;de&#39;"), page.body());
  }

  @Test
  void status_page_showsTheReleaseServed() throws Exception {
    String page = http.get("/counter/kk/status", cookie).body();
    assertTrue(page.contains("Каталог компиляцияланады: төмендегі шығарылым қолданылады."), page);
    assertTrue(page.contains("2026.1 · " + server.hash().substring(0, 12)), page);
  }

  @Test
  void result_isRecordedBeforeItIsShown_onceForReloadsAndTheReceipt() throws Exception {
    List<String> answers = new ArrayList<>(plus(UZBEK_WORKER, WITHOUT_INSURANCE));
    answers.set(answers.indexOf("2026-03-20T11:30"), "2026-03-23T09:15");
    post("/counter/en/result", answers);
    post("/counter/en/result", answers);
    post("/counter/en/receipt", plus(answers, List.of("receipt_lang", "kk")));
    List<CheckRecord> recorded = journal.find(JournalQuery.all()).stream()
        .filter(c -> c.submission().contains("2026-03-23T09:15")).toList();
    assertEquals(1, recorded.size(), recorded.toString());
    CheckRecord check = recorded.get(0);
    assertEquals("aigerim", check.actor());
    assertEquals(Account.Kind.STAFF, check.actorKind());
    assertEquals("ALM-01", check.office());
    assertEquals("TRP", check.service());
    assertEquals("TRP_WORK", check.subtype().orElseThrow());
    assertEquals("incomplete", check.verdict());
    assertEquals("2026.1", check.catalogueVersion());
    assertEquals(server.hash(), check.releaseHash());
    assertTrue(check.id().matches("counter-[0-9a-f]{40}"), check.id());
    assertTrue(check.result().contains("\"document\" : \"TRP_HEALTH_INSURANCE\""), check.result());
  }

  @Test
  void strings_haveTheSameKeysInEveryLanguage() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (kz.talap.model.Language language : kz.talap.model.Language.values()) {
      sizes.put(language.code(), Strings.of(language).size());
    }
    assertEquals(Strings.of(kz.talap.model.Language.EN).keySet(), Strings.of(kz.talap.model.Language.KK).keySet());
    assertEquals(Strings.of(kz.talap.model.Language.EN).keySet(), Strings.of(kz.talap.model.Language.RU).keySet());
    assertTrue(sizes.values().stream().collect(Collectors.toSet()).size() == 1, sizes.toString());
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code talap publish} on the shipped catalogue: what the TRP work page and the PRP page say in kk, ru and en. */
class PublishCommandTest {
  static final String AS_OF = "2026-11-21";
  static final String NBSP = "\u00a0";
  @TempDir static Path dir;
  static Path site;
  static CliRun run;

  @BeforeAll
  static void publish() {
    site = dir.resolve("site");
    run = CliRun.of("publish", "--as-of", AS_OF, "--out", site.toString());
  }

  static String page(String path) throws IOException {
    return Files.readString(site.resolve(path));
  }

  /** The HTML of one section of a page, from its heading to the end of the section. */
  static String section(String html, String id) {
    int start = html.indexOf("<h2 id=\"" + id + "\">");
    assertTrue(start >= 0, "no section " + id);
    return html.substring(start, html.indexOf("</section>", start));
  }

  static List<String> all(String regex, String html) {
    Matcher matcher = Pattern.compile(regex).matcher(html);
    return matcher.results().map(r -> r.group(1)).toList();
  }

  @Test
  void publish_shippedCatalogue_writesEveryPageInThreeLanguages() throws IOException {
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    List<String> out = run.out().lines().toList();
    assertEquals("Catalogue 2026.1 as of 2026-11-21: 4 services, 12 sub-types, 0 warnings", out.get(0));
    assertTrue(out.get(1).matches("Published 46 pages and 2283 questionnaire pages in kk, ru, en to .*site in \\d+ ms"),
        out.get(1));
    try (var files = Files.walk(site.toRealPath())) {
      assertEquals(46 + 2283, files.filter(f -> f.toString().endsWith(".html")).count());
    }
    for (String lang : List.of("kk", "ru", "en")) {
      assertTrue(Files.isRegularFile(site.resolve(lang + "/index.html")));
      assertTrue(Files.isRegularFile(site.resolve(lang + "/prp/index.html")));
      assertTrue(Files.isRegularFile(site.resolve(lang + "/trp/trp-work.html")));
    }
    assertTrue(Files.isRegularFile(site.resolve("site.css")));
  }

  @Test
  void trpWork_en_explainsTheEaeuExceptionsInWords() throws IOException {
    String html = page("en/trp/trp-work.html");
    assertTrue(html.contains("<li value=\"3\">\n<div class=\"document\"><div class=\"check\">"
        + "<input type=\"checkbox\" id=\"doc-trp-req-health-insurance\">"
        + "<label for=\"doc-trp-req-health-insurance\">Copy of health insurance</label> <a class=\"ref\" "
        + "href=\"#law-5\"><span class=\"visually-hidden\">Legal basis </span>[5]</a></div>\n"
        + "<ul class=\"notes\">\n<li class=\"condition\">Not needed if you are a citizen of an EAEU member state (Armenia, Belarus, "
        + "Kyrgyzstan, Russia).</li>\n"), html);
    assertTrue(html.contains("<li class=\"condition\">For citizens of EAEU countries, and for immigrants who need no "
        + "work permits: their permit is issued for no longer than the employment or civil-law contract.</li>"), html);
    // A foreign insurer's policy is not a document of a foreign authority: translation only.
    assertTrue(html.contains("Russia).</li>\n<li><a href=\"#rules\">If the document is in a foreign language, the "
        + "translation rule applies (no legalisation needed)</a></li>"), html);
    assertTrue(html.contains("<li value=\"6\">\n<p class=\"group\">One of the documents confirming the grounds for "
        + "work: <strong>one of the following</strong> <a class=\"ref\" href=\"#law-2\"><span class=\"visually-hidden\">"
        + "Legal basis </span>[2]</a></p>\n<ul class=\"alternatives\">"), html);
    assertFalse(html.contains("eaeu"), "no CEL on the page");
    assertFalse(html.contains("owns_housing"), "no CEL on the page");
  }

  @Test
  void trpWork_ruAndKk_explainTheEaeuExceptionInTheirLanguage() throws IOException {
    assertTrue(page("ru/trp/trp-work.html").contains("<li class=\"condition\">Не требуется, если вы гражданин "
        + "государства – члена ЕАЭС (Армения, Беларусь, Кыргызстан, Россия).</li>"));
    assertTrue(page("ru/trp/trp-work.html").contains("<li class=\"condition\">Для граждан ЕАЭС, а также для "
        + "иммигрантов, которым не требуется получение разрешений на трудовую деятельность: разрешение на временное "
        + "проживание выдаётся на срок, не превышающий срок действия трудового или гражданско-правового договора.</li>"));
    assertTrue(page("kk/trp/trp-work.html").contains("<li class=\"condition\">Еуразиялық экономикалық одаққа мүше "
        + "мемлекеттің (Армения, Беларусь, Қырғызстан, Ресей) азаматы болсаңыз, талап етілмейді.</li>"));
    assertTrue(page("kk/trp/trp-work.html").contains("<li class=\"condition\">ЕАЭО азаматтары үшін, сондай-ақ жұмысқа "
        + "рұқсат алу талап етілмейтін көшіп келушілер үшін: уақытша тұруға рұқсат еңбек шартының немесе "
        + "азаматтық-құқықтық шарттың қолданылу мерзімінен аспайтын мерзімге беріледі.</li>"));
  }

  @Test
  void trpWork_termCostAndPortal_inEachLanguage() throws IOException {
    String en = page("en/trp/trp-work.html");
    assertTrue(en.contains("<dd class=\"term\">1 working day</dd>"), en);
    assertTrue(en.contains("<dd class=\"cost\">Free</dd>"), en);
    assertEquals(List.of("Territorial police bodies", "State Corporation &quot;Government for Citizens&quot;",
        "egov portal www.egov.kz"), all("<h3>(.*?)</h3>", section(en, "channels")));
    assertTrue(section(en, "channels").contains("sign it with your electronic digital signature (EDS) or a "
        + "one-time password"), en);
    assertTrue(page("ru/trp/trp-work.html").contains("<dd class=\"term\">1 рабочий день</dd>"));
    assertTrue(page("ru/trp/trp-work.html").contains("<dd class=\"cost\">Бесплатно</dd>"));
    assertTrue(page("kk/trp/trp-work.html").contains("<dd class=\"term\">1 жұмыс күні</dd>"));
  }

  @Test
  void prp_costIsFourMciInTengeOnTheAsOfDate() throws IOException {
    String en = page("en/prp/index.html");
    assertTrue(en.contains("<dd class=\"cost\">4 MCI = 17,300" + NBSP + "₸</dd>"), en);
    assertTrue(section(en, "cost").contains("<p class=\"mci\">1 MCI on 21.11.2026 = 4,325" + NBSP + "₸ "
        + "<a class=\"ref\" href=\"#law-19\"><span class=\"visually-hidden\">Legal basis </span>[19]</a></p>"), en);
    assertTrue(en.contains("<li id=\"law-19\">Law of the RK &quot;On the republican budget for 2026-2028&quot;</li>"),
        en);
    assertTrue(page("ru/prp/index.html").contains("<dd class=\"cost\">4 МРП = 17" + NBSP + "300" + NBSP + "₸</dd>"));
    assertTrue(page("kk/prp/index.html").contains("<dd class=\"cost\">4 АЕК = 17" + NBSP + "300" + NBSP + "₸</dd>"));
  }

  @Test
  void prp_termIs45CalendarDaysInEachLanguage() throws IOException {
    assertTrue(page("en/prp/index.html").contains("<dd class=\"term\">45 calendar days</dd>"));
    assertTrue(page("ru/prp/index.html").contains("<dd class=\"term\">45 календарных дней</dd>"));
    assertTrue(page("kk/prp/index.html").contains("<dd class=\"term\">күнтізбелік 45 күн</dd>"));
  }

  @Test
  void prp_hasNoPortalChannel() throws IOException {
    assertEquals(List.of("Territorial police bodies", "State Corporation &quot;Government for Citizens&quot;"),
        all("<h3>(.*?)</h3>", section(page("en/prp/index.html"), "channels")));
    assertEquals(List.of("Территориальные органы полиции", "Государственная корпорация «Правительство для граждан»"),
        all("<h3>(.*?)</h3>", section(page("ru/prp/index.html"), "channels")));
    assertFalse(page("kk/prp/index.html").contains("«Электрондық үкіметтің» www.egov.kz веб-порталы</h3>"));
  }

  @Test
  void prp_validityRulesReducedSetsAndOriginalShown() throws IOException {
    String en = page("en/prp/index.html");
    assertTrue(en.contains("<li>original shown for verification</li>\n"
        + "<li>valid for more than 180 days after the application date</li>"), en);
    // Said once for the items that need it (3: the solvency document or the exemption, 4 and 7), not under each.
    assertTrue(section(en, "documents").contains("<h3 id=\"shared-notes\">Notes for several documents</h3>\n"
        + "<ul class=\"shared-notes\">\n"
        + "<li>Items 2, 8: <a href=\"#rules\">If the document is in a foreign language, the translation rule applies "
        + "(no legalisation needed)</a></li>\n"
        + "<li>Items 3, 4, 7: issued no earlier than 180 days before you apply</li>\n"
        + "<li>Items 3, 5: <a href=\"#rules\">If the document was issued abroad or is in a foreign language, the "
        + "translation and legalisation rules apply</a></li>\n</ul>\n<ol class=\"checklist\">"), en);
    assertEquals(List.of(), all("(<li>issued no earlier than 180 days before you apply</li>)", en),
        "not repeated under the items");
    assertTrue(page("ru/prp/index.html").contains("<li>Пункты 3, 4, 7: дата выдачи – не ранее чем за 180 "
        + "календарных дней до дня подачи заявления</li>"));
    assertTrue(page("kk/prp/index.html").contains("<li>3, 4, 7-тармақтар: өтініш берген күнге дейін күнтізбелік 180 "
        + "күннен ерте берілмеген</li>"));
    // The minor's set names only items of Annex 3 and then the two documents no item of the act lists.
    assertEquals(List.of("Submit items 1, 2, 8, 9 of the checklist above", "Submit items 1, 2, 5, 6, 8, 9 of the "
        + "checklist above and also:"), all("<p class=\"set-items\">(.*?)</p>", en));
    assertEquals(List.of("Copy and original (for verification) of the birth certificate or another identity document "
        + "of a child under sixteen", "Notarised application-consent of the other parent (or of both parents)"),
        all("<label for=\"doc-prp-req-(?:child-birth-cert|other-parent-consent)\">(.*?)</label>", en));
    assertFalse(section(en, "documents").contains("doc-prp-req-child-birth-cert"), "no item 12 on the checklist");
    assertTrue(en.contains("<li>Only for the category: Service recipient under eighteen who arrived with both "
        + "parents or one parent</li>"), en);
    assertTrue(page("ru/prp/index.html").contains("<p class=\"set-items\">Представляются пункты 1, 2, 8, 9 "
        + "перечня выше</p>"));
  }

  @Test
  void prp_appealTermsWithGrammaticalNumber() throws IOException {
    assertEquals(List.of("15 working days", "3 working days", "2 months", "3 working days", "3 months",
        "5 working days"), all("<strong>(.*?)</strong>", section(page("en/prp/index.html"), "appeal")));
    assertEquals(List.of("15 рабочих дней", "3 рабочих дня", "2 месяца", "3 рабочих дня", "3 месяца",
        "5 рабочих дней"), all("<strong>(.*?)</strong>", section(page("ru/prp/index.html"), "appeal")));
    assertEquals(List.of("15 жұмыс күні", "3 жұмыс күні", "2 ай", "3 жұмыс күні", "3 ай", "5 жұмыс күні"),
        all("<strong>(.*?)</strong>", section(page("kk/prp/index.html"), "appeal")));
  }

  @Test
  void prp_refusalGroundsKeepTheNumberingOfEachLaw() throws IOException {
    List<String> numbers = all("<span class=\"number\">(\\d+)\\)</span>", section(page("en/prp/index.html"),
        "refusal"));
    assertEquals(24, numbers.size());
    assertEquals(List.of("1", "2", "3"), numbers.subList(21, 24));
  }

  @Test
  void pages_showOfficeHoursAsOfDateAndVersion() throws IOException {
    String en = page("en/trp/trp-work.html");
    assertTrue(en.contains("<li><strong>Lunch break</strong>: Monday to Friday, 13:00–14:30<br>"), en);
    assertTrue(en.contains("<li><strong>Round the clock</strong>: Every day, 00:00–24:00<br>"), en);
    assertTrue(en.contains("<p><span class=\"edition\">As of 21.11.2026 · Version: 2026.1</span>"
        + "<span class=\"choose-language-link\"> · <a href=\"../../index.html\">Choose a language</a></span>"
        + "<span class=\"accessibility-link\"> · <a href=\"../../en/accessibility.html\">Accessibility statement</a></span>"
        + "</p>"), en);
    assertTrue(page("ru/trp/trp-work.html").contains("<p><span class=\"edition\">По состоянию на 21.11.2026 · Версия: "
        + "2026.1</span>"));
    assertTrue(page("kk/trp/trp-work.html").contains("<p><span class=\"edition\">21.11.2026 жағдай бойынша · Нұсқа: "
        + "2026.1</span>"));
  }

  @Test
  void pages_linkTheSamePageInTheOtherLanguages() throws IOException {
    String en = page("en/trp/trp-work.html");
    assertTrue(en.contains("<li><a href=\"../../kk/trp/trp-work.html\" hreflang=\"kk\" lang=\"kk\">Қазақша</a></li>\n"
        + "<li><a href=\"../../ru/trp/trp-work.html\" hreflang=\"ru\" lang=\"ru\">Русский</a></li>\n"
        + "<li><a href=\"../../en/trp/trp-work.html\" hreflang=\"en\" lang=\"en\" aria-current=\"page\">English</a>"
        + "</li>"), en);
    String root = page("index.html");
    assertTrue(root.contains("<a href=\"ru/index.html\" hreflang=\"ru\"><span class=\"language-name\">Русский</span>"),
        root);
    assertTrue(page("kk/index.html").contains("<li value=\"2\"><a href=\"trp/trp-work.html\">"));
    assertTrue(page("en/index.html").contains("<h3 id=\"service-PRP\"><a href=\"prp/index.html\">"));
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import kz.talap.workbook.RawRow;
import kz.talap.workbook.WorkbookReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code talap publish} on the shipped catalogue (issue 14, points 1, 3 and 5): the index starts from what the
 * applicant wants to do, each page has one numbered "Legal basis" section, and every language has an accessibility
 * statement linked from every page.
 */
class PublishPagesTest {
  @TempDir static Path dir;
  static Path site;

  @BeforeAll
  static void publish() {
    site = dir.resolve("site");
    CliRun run = CliRun.of("publish", "--as-of", PublishCommandTest.AS_OF, "--out", site.toString());
    assertEquals(0, run.exit(), run.err());
  }

  static String page(String path) throws IOException {
    return Files.readString(site.resolve(path));
  }

  /** The HTML from the heading with this id to the end of the page's main content. */
  static String from(String html, String id) {
    int start = html.indexOf(" id=\"" + id + "\"");
    assertTrue(start >= 0, "no " + id);
    return html.substring(start, html.indexOf("</main>", start));
  }

  @Test
  void index_startsFromWhatTheApplicantWantsToDo_en() throws IOException {
    String en = page("en/index.html");
    assertEquals(List.of("I want to live in Kazakhstan temporarily", "I want to live in Kazakhstan permanently",
        "My residence permit card expires, was lost or damaged", "I want to take part in a pilot programme"),
        PublishCommandTest.all("<h3 id=\"intent-[a-z-]+\">(.*?)</h3>", en));
    assertTrue(en.contains("<h2 id=\"intents\">What do you want to do?</h2>\n"
        + "<section class=\"intent\" aria-labelledby=\"intent-live-temporarily\">\n"
        + "<h3 id=\"intent-live-temporarily\">I want to live in Kazakhstan temporarily</h3>\n"
        + "<ul class=\"intent-links\">\n"
        + "<li><a href=\"trp/trp-family.html\">Family reunification</a></li>\n"
        + "<li><a href=\"trp/trp-work.html\">Work</a></li>\n"
        + "<li><a href=\"trp/trp-study.html\">Study</a></li>\n"), en);
    assertTrue(en.contains("<h3 id=\"intent-live-permanently\">I want to live in Kazakhstan permanently</h3>\n"
        + "<ul class=\"intent-links\">\n<li><a href=\"prp/index.html\">Permanent residence</a></li>\n</ul>"), en);
    assertTrue(en.contains("<h3 id=\"intent-card\">My residence permit card expires, was lost or damaged</h3>\n"
        + "<ul class=\"intent-links\">\n<li><a href=\"rp-card/rp-card-renewal.html\">Renewal or reissue</a></li>\n"
        + "<li><a href=\"rp-card/rp-card-replacement.html\">Replacing a lost card</a></li>\n</ul>"), en);
    // The service register stays below the intents, one link away.
    assertTrue(en.contains("<p class=\"all-services\"><a href=\"#services\">All public services</a></p>\n"
        + "<h2 id=\"services\">Public services</h2>"), en);
    assertTrue(en.indexOf("id=\"intents\"") < en.indexOf("id=\"services\""));
  }

  @Test
  void index_intentsInRussianAndKazakh() throws IOException {
    assertEquals(List.of("Я хочу временно проживать в Казахстане", "Я хочу постоянно проживать в Казахстане",
        "Срок моего вида на жительство истекает, он утерян или испорчен", "Я хочу участвовать в пилотном проекте"),
        PublishCommandTest.all("<h3 id=\"intent-[a-z-]+\">(.*?)</h3>", page("ru/index.html")));
    assertEquals(List.of("Қазақстанда уақытша тұрғым келеді", "Қазақстанда тұрақты тұрғым келеді",
        "Тұруға ықтиярхатымның мерзімі бітеді, ол жоғалды немесе бүлінді", "Пилоттық жобаға қатысқым келеді"),
        PublishCommandTest.all("<h3 id=\"intent-[a-z-]+\">(.*?)</h3>", page("kk/index.html")));
    assertTrue(page("ru/index.html").contains("<h2 id=\"intents\">Что вы хотите сделать?</h2>"));
    assertTrue(page("kk/index.html").contains("<li><a href=\"trp/trp-work.html\">Жұмыс</a></li>"));
  }

  @Test
  void legalBasis_oneNumberedSectionPerPage_eachCitationOnceInTheOrderFirstCited() throws IOException {
    for (String lang : List.of("kk", "ru", "en")) {
      for (String path : List.of("trp/trp-work.html", "prp/index.html", "prp-pilot/prp-pilot-prp.html")) {
        String html = page(lang + "/" + path);
        String where = lang + "/" + path;
        assertFalse(html.contains("class=\"cite\""), where + ": no legal-basis line after the items");
        assertEquals(1, PublishCommandTest.all("(<section class=\"more legal-basis\")", html).size(), where);
        List<String> sources = PublishCommandTest.all("<li id=\"law-\\d+\">(.*?)</li>", html);
        assertEquals(sources.size(), new LinkedHashSet<>(sources).size(), where + ": a citation listed twice");
        List<String> ids = PublishCommandTest.all("<li id=\"law-(\\d+)\">", html);
        assertEquals(IntStream.rangeClosed(1, sources.size()).mapToObj(String::valueOf).toList(), ids, where);
        // References are numbered in the order they first appear on the page, and every number is listed.
        List<String> firstSeen = new ArrayList<>(new LinkedHashSet<>(
            PublishCommandTest.all("<a class=\"ref\" href=\"#law-(\\d+)\">", html)));
        assertEquals(ids, firstSeen, where);
      }
    }
  }

  @Test
  void legalBasis_citedInTheReadersLanguage() throws IOException {
    assertTrue(page("en/trp/trp-work.html").contains("<summary><h2 id=\"legal-basis\">Legal basis</h2></summary>\n"
        + "<ol class=\"sources\">\n"
        + "<li id=\"law-1\">Order of the Minister of Internal Affairs of the RK No. 992 of 4 December 2015, Annex 1-1, "
        + "items 1, 2, 4 and 5</li>\n"
        + "<li id=\"law-2\">Order of the Minister of Internal Affairs of the RK No. 992 of 4 December 2015, Annex 1-1, "
        + "item 8, sub-item 2)</li>\n"));
    assertTrue(page("ru/trp/trp-work.html").contains("<summary><h2 id=\"legal-basis\">Правовое основание</h2>"
        + "</summary>\n<ol class=\"sources\">\n"
        + "<li id=\"law-1\">Приказ Министра внутренних дел РК от 4 декабря 2015 года № 992, приложение 1-1, пункты 1, "
        + "2, 4 и 5</li>\n"
        + "<li id=\"law-2\">Приказ Министра внутренних дел РК от 4 декабря 2015 года № 992, приложение 1-1, пункт 8, "
        + "подпункт 2)</li>\n"));
    assertTrue(page("kk/trp/trp-work.html").contains("<summary><h2 id=\"legal-basis\">Құқықтық негіз</h2></summary>\n"
        + "<ol class=\"sources\">\n"
        + "<li id=\"law-1\">Қазақстан Республикасы Ішкі істер министрінің 2015 жылғы 4 желтоқсандағы № 992 бұйрығы, "
        + "1-1-қосымша, 1, 2, 4 және 5-тармақтар</li>\n"
        + "<li id=\"law-2\">Қазақстан Республикасы Ішкі істер министрінің 2015 жылғы 4 желтоқсандағы № 992 бұйрығы, "
        + "1-1-қосымша, 8-тармақ, 2) тармақша</li>\n"));
    // The result line cites the service, then the sub-type; screen readers hear "Legal basis [1]".
    assertTrue(page("en/trp/trp-work.html").contains(" <a class=\"ref\" href=\"#law-1\"><span class=\"visually-hidden\">"
        + "Legal basis </span>[1]</a> <a class=\"ref\" href=\"#law-2\"><span class=\"visually-hidden\">Legal basis "
        + "</span>[2]</a></p>"));
  }

  @Test
  void accessibilityStatement_en_saysTheStandardTestsLimitsWhomToTellAndTheDate() throws IOException {
    String en = page("en/accessibility.html");
    assertTrue(en.contains("<title>Accessibility statement · Temporary and permanent residence permits in the Republic "
        + "of Kazakhstan: required documents</title>"), en);
    assertTrue(en.contains("<h1>Accessibility statement</h1>\n<p>This site is meant to meet the Web Content "
        + "Accessibility Guidelines (WCAG) version 2.2 at level AA.</p>\n"), en);
    assertEquals(List.of("How it was tested", "Known limitations", "How to report a problem"),
        PublishCommandTest.all("<h2 id=\"[a-z]+\">(.*?)</h2>", en));
    assertTrue(en.contains("<li class=\"tested-axe\">Every kind of page, in Kazakh, Russian and English, is checked "
        + "automatically with axe-core 4.14.1 (the rules of WCAG 2.0, 2.1 and 2.2, levels A and AA) in the Chromium "
        + "browser, 390 and 1280 pixels wide.</li>\n<li>The HTML of every page is checked with the Nu HTML Checker."
        + "</li>\n<li>A test walks from the language choice to a checklist with the keyboard only (Tab and Enter)."
        + "</li>"), en);
    assertTrue(en.contains("<li>The PDF files are meant for printing and are not tagged for screen readers; use the "
        + "web page instead.</li>"), en);
    // Whom to tell: the providers the catalogue names, no invented contact data.
    assertEquals(List.of("Permanent residence: Territorial police body", "Residence permit card: Territorial police "
        + "bodies", "Temporary residence: Territorial police bodies", "Permanent residence through testing (pilot): "
        + "Police departments of the regions, cities of republican significance and the capital; local executive "
        + "bodies for social protection and employment"),
        PublishCommandTest.all("<li>(.*?)</li>", from(en, "report")));
    assertTrue(en.contains("<p class=\"statement-date\">This statement was prepared as of 21.11.2026, for version "
        + "2026.1 of the catalogue.</p>"), en);
  }

  @Test
  void accessibilityStatement_ruAndKk() throws IOException {
    String ru = page("ru/accessibility.html");
    assertTrue(ru.contains("<h1>Заявление о доступности</h1>\n<p>Этот сайт должен соответствовать Руководству по "
        + "обеспечению доступности веб-контента (WCAG) версии 2.2 на уровне AA.</p>"), ru);
    assertTrue(ru.contains("<p class=\"statement-date\">Настоящее заявление подготовлено по состоянию на 21.11.2026 "
        + "для версии каталога 2026.1.</p>"), ru);
    assertTrue(ru.contains("<li>Постоянное жительство: Территориальный орган полиции</li>"), ru);
    String kk = page("kk/accessibility.html");
    assertTrue(kk.contains("<h1>Қолжетімділік туралы мәлімдеме</h1>"), kk);
    assertTrue(kk.contains("<p class=\"statement-date\">Бұл мәлімдеме 21.11.2026 жағдай бойынша каталогтың 2026.1 "
        + "нұсқасы үшін дайындалды.</p>"), kk);
  }

  @Test
  void everyPage_hasASkipLinkAndLinksTheStatementOfItsLanguage() throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.walk(site.toRealPath())) {
      pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
    assertEquals(46 + 2283, pages.size()); // the service, index and statement pages, and the questionnaires
    Path real = site.toRealPath();
    for (Path file : pages) {
      String relative = real.relativize(file).toString();
      String html = Files.readString(file);
      assertTrue(html.contains("<a class=\"skip-link\" href=\"#main\">"), relative);
      assertTrue(html.contains("<main id=\"main\""), relative);
      if (relative.equals("index.html")) {
        assertTrue(html.contains("<li lang=\"kk\"><a href=\"kk/accessibility.html\" hreflang=\"kk\">Қолжетімділік "
            + "туралы мәлімдеме</a></li>\n<li lang=\"ru\"><a href=\"ru/accessibility.html\" hreflang=\"ru\">Заявление о "
            + "доступности</a></li>\n<li lang=\"en\"><a href=\"en/accessibility.html\" hreflang=\"en\">Accessibility "
            + "statement</a></li>"), html);
        continue;
      }
      String lang = relative.substring(0, 2);
      String up = "../".repeat(relative.split("/").length - 1);
      assertTrue(html.contains("<span class=\"accessibility-link\"> · <a href=\"" + up + lang
          + "/accessibility.html\">"), relative);
    }
  }

  @Test
  void publish_intentWithoutItsLabel_namesTheMissingLabel() throws IOException {
    TestCatalogue catalogue = TestCatalogue.valid().set("Services", 0, "intent", "STUDY_ABROAD")
        .set("Services", 0, "intent_order", "1");
    for (RawRow label : WorkbookReader.read(List.of(Path.of("catalogue/reference.xlsx"))).rows("Labels").toList()) {
      catalogue.row("Labels", "code", label.value("code"), "text_kk", label.value("text_kk"),
          "text_ru", label.value("text_ru"), "text_en", label.value("text_en"));
    }
    Path workbook = catalogue.write(dir.resolve("intent.xlsx"));
    Path out = dir.resolve("intent-site");
    CliRun run = CliRun.of("publish", "--as-of", PublishCommandTest.AS_OF, "--catalogue", workbook.toString(),
        "--out", out.toString());
    assertEquals(1, run.exit());
    assertEquals("Labels: the catalogue has no label INTENT_STUDY_ABROAD (talap publish needs them; add them to the "
        + "Labels sheet)\ntalap publish: nothing published; " + out + " is unchanged\n", run.err());
    assertFalse(Files.exists(out));
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code talap publish --previous}: the "what changed" page in kk, ru and en, from the shipped catalogue (previous) to
 * the copy with the fee, the removed document and the Russian text edited.
 */
class PublishChangesTest {
  @TempDir static Path dir;
  static Path edited;
  static Path site;
  static CliRun run;

  @BeforeAll
  static void publish() throws IOException {
    edited = ShippedCatalogue.threeEdits().write(dir.resolve("edited"));
    site = dir.resolve("site");
    run = CliRun.of("publish", "--as-of", "2026-11-21", "--catalogue", edited.toString(), "--previous", "catalogue",
        "--out", site.toString());
  }

  static String changes(String lang) throws IOException {
    String html = Files.readString(site.resolve(lang + "/changes.html"));
    return html.substring(html.indexOf("<h1>"), html.indexOf("</main>"));
  }

  @Test
  void publish_previous_addsAChangesPagePerLanguage() throws IOException {
    assertEquals("", run.err());
    assertEquals(0, run.exit());
    List<String> out = run.out().lines().toList();
    assertTrue(out.get(1).matches("Published 49 pages and \\d+ questionnaire pages in kk, ru, en to .*site in \\d+ ms"), out.get(1));
    assertEquals("What changed since catalogue: 3 changes: 0 added, 1 removed, 2 changed "
        + "(kk/changes.html, ru/changes.html, en/changes.html)", out.get(2));
    for (String lang : List.of("kk", "ru", "en")) {
      assertTrue(Files.isRegularFile(site.resolve(lang + "/changes.html")), lang);
    }
  }

  @Test
  void changesPage_ru_listsTheFeeTheRemovedDocumentAndTheRussianText() throws IOException {
    assertEquals("""
        <h1>Что изменилось</h1>
        <p class="as-of">По состоянию на 21.11.2026</p>
        <p class="changes-intro">Изменения по сравнению с версией каталога 2026.1 (текущая версия: 2026.1).</p>
        <section class="changes-group" aria-labelledby="changes-prp">
        <h2 id="changes-prp">Выдача разрешения иностранцам и лицам без гражданства на постоянное жительство в \
        Республике Казахстан</h2>
        <ul class="changes">
        <li class="change change-removed">
        <p class="change-what">Документ: <strong>Нотариально засвидетельствованное заявление-согласие второго \
        родителя (обоих родителей)</strong> — <span class="change-kind">исключено</span></p>
        <p class="change-with">Вместе с этим: Требование к документу «Нотариально засвидетельствованное \
        заявление-согласие второго родителя (обоих родителей)»</p>
        </li>
        <li class="change change-changed">
        <p class="change-what">Документ: <strong>Одна цветная фотография размером 35х45 мм</strong> — \
        <span class="change-kind">изменено</span></p>
        <table class="change-fields">
        <thead><tr><th scope="col">Что изменено</th><th scope="col">Было</th><th scope="col">Стало</th></tr></thead>
        <tbody>
        <tr><th scope="row">Наименование</th><td>Одна фотография размером 35х45 мм</td><td>Одна цветная \
        фотография размером 35х45 мм</td></tr>
        </tbody>
        </table>
        </li>
        <li class="change change-changed">
        <p class="change-what">Плата: <strong>Государственная пошлина: 4 месячных расчётных показателя, \
        установленных на день уплаты государственной пошлины</strong> — <span class="change-kind">изменено</span></p>
        <table class="change-fields">
        <thead><tr><th scope="col">Что изменено</th><th scope="col">Было</th><th scope="col">Стало</th></tr></thead>
        <tbody>
        <tr><th scope="row">Размер</th><td>4</td><td>5</td></tr>
        </tbody>
        </table>
        </li>
        </ul>
        </section>
        """, changes("ru"));
  }

  @Test
  void changesPage_kkAndEn_leaveOutTheEditOfTheRussianText() throws IOException {
    String kk = changes("kk");
    assertTrue(kk.startsWith("<h1>Өзгерістер</h1>\n"), kk);
    assertTrue(kk.contains("<p class=\"change-what\">Құжат: <strong>Екінші ата-анасынан (ата-анасының екеуінен де) "
        + "нотариалдық расталған өтініш-келісім</strong> — <span class=\"change-kind\">алып тасталды</span></p>\n"),
        kk);
    assertTrue(kk.contains("<tr><th scope=\"row\">Мөлшері</th><td>4</td><td>5</td></tr>"), kk);
    String en = changes("en");
    assertTrue(en.contains("<p class=\"change-what\">Document: <strong>Notarised application-consent of the other "
        + "parent (or of both parents)</strong> — <span class=\"change-kind\">removed</span></p>\n"
        + "<p class=\"change-with\">Together with: Document requirement «Notarised application-consent of the other "
        + "parent (or of both parents)»</p>\n"), en);
    assertTrue(en.contains("<tr><th scope=\"row\">Amount</th><td>4</td><td>5</td></tr>"), en);
    for (String page : List.of(kk, en)) {
      assertEquals(2, page.split("<li class=\"change ").length - 1, page);
      assertFalse(page.contains("35х45") || page.contains("35x45"), "the photo changed only in Russian");
    }
  }

  @Test
  void index_linksToTheChangesPageInEachLanguage() throws IOException {
    assertTrue(Files.readString(site.resolve("en/index.html")).contains(
        "<p class=\"as-of\">As of 21.11.2026 · <a class=\"changes-link\" href=\"changes.html\">What changed</a></p>"));
    assertTrue(Files.readString(site.resolve("ru/index.html")).contains("<p class=\"as-of\">По состоянию на "
        + "21.11.2026 · <a class=\"changes-link\" href=\"changes.html\">Что изменилось</a></p>"));
    assertTrue(Files.readString(site.resolve("kk/index.html")).contains("<p class=\"as-of\">21.11.2026 жағдай "
        + "бойынша · <a class=\"changes-link\" href=\"changes.html\">Өзгерістер</a></p>"));
  }

  @Test
  void changesPage_languageSwitcher_leadsToTheSamePage() throws IOException {
    String html = Files.readString(site.resolve("kk/changes.html"));
    assertTrue(html.contains("<li><a href=\"../ru/changes.html\" hreflang=\"ru\" lang=\"ru\">Русский</a></li>"),
        html);
  }

  @Test
  void publish_withoutPrevious_hasNoChangesPageAndNoLink() throws IOException {
    Path plain = dir.resolve("plain");
    CliRun plainRun = CliRun.of("publish", "--as-of", "2026-11-21", "--out", plain.toString());
    assertEquals(0, plainRun.exit(), plainRun.err());
    assertEquals(2, plainRun.out().lines().count() - 1, plainRun.out());
    assertFalse(Files.exists(plain.resolve("en/changes.html")));
    assertTrue(Files.readString(plain.resolve("en/index.html")).contains("<p class=\"as-of\">As of 21.11.2026</p>"));
  }

  @Test
  void publish_previousWithoutChanges_saysSo() throws IOException {
    Path same = dir.resolve("same");
    CliRun sameRun = CliRun.of("publish", "--as-of", "2026-11-21", "--previous", "catalogue", "--out",
        same.toString());
    assertEquals(0, sameRun.exit(), sameRun.err());
    String html = Files.readString(same.resolve("en/changes.html"));
    assertTrue(html.contains("<p class=\"changes-intro\">Changes since version 2026.1 of the catalogue (current "
        + "version: 2026.1).</p>\n<p class=\"no-changes\">No changes.</p>\n</main>"), html);
  }

  @Test
  void publish_previousBadRevision_exits2AndPublishesNothing() {
    Path target = dir.resolve("bad-revision");
    CliRun bad = CliRun.of("publish", "--previous", "git:no-such-revision", "--out", target.toString());
    assertEquals(2, bad.exit());
    assertEquals("talap publish: --previous git:no-such-revision: no such revision in this repository\n"
        + "talap publish: nothing published; " + target + " is unchanged\n", bad.err());
    assertFalse(Files.exists(target));
  }

  @Test
  void publish_previousWithErrors_exits1AndPublishesNothing() throws IOException {
    Path broken = ShippedCatalogue.read().set("Fees", "PRP_STATE_DUTY", "unit", "EUR").write(dir.resolve("broken"));
    Path target = dir.resolve("broken-site");
    CliRun bad = CliRun.of("publish", "--previous", broken.toString(), "--out", target.toString());
    assertEquals(1, bad.exit());
    assertEquals("residence.xlsx: Fees!E3: error: unknown value 'EUR' (expected one of MCI, KZT)\n"
        + "talap publish: 1 error, 0 warnings in the previous catalogue " + broken + "\n"
        + "talap publish: nothing published; " + target + " is unchanged\n", bad.err());
    assertFalse(Files.exists(target));
  }

  @Test
  void publish_previousWithoutTheChangesLabels_namesTheMissingLabels() throws IOException {
    Path unlabelled = ShippedCatalogue.read().remove("Labels", "CHANGES").remove("Labels", "FIELD_AMOUNT")
        .write(dir.resolve("unlabelled"));
    Path target = dir.resolve("unlabelled-site");
    CliRun bad = CliRun.of("publish", "--catalogue", unlabelled.toString(), "--previous", "catalogue", "--out",
        target.toString());
    assertEquals(1, bad.exit());
    assertEquals("Labels: the catalogue has no label CHANGES, FIELD_AMOUNT (talap publish needs them; add them to "
        + "the Labels sheet)\ntalap publish: nothing published; " + target + " is unchanged\n", bad.err());
    CliRun plain = CliRun.of("publish", "--catalogue", unlabelled.toString(), "--out", target.toString());
    assertEquals(0, plain.exit(), "without --previous the page and its labels are not needed: " + plain.err());
  }
}

package kz.talap.cli;

import static kz.talap.cli.PublishCommandTest.all;
import static kz.talap.cli.PublishCommandTest.section;
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

/** The pages of the services of issue 5 (card renewal and replacement, the 2026 pilot, the IT pilot) in kk, ru, en. */
class PublishServicesTest {
  @TempDir static Path dir;
  static Path site;

  @BeforeAll
  static void publish() {
    site = dir.resolve("site");
    CliRun run = CliRun.of("publish", "--as-of", "2026-11-21", "--out", site.toString());
    assertEquals(0, run.exit(), run.err());
  }

  static String page(String path) throws IOException {
    return Files.readString(site.resolve(path));
  }

  @Test
  void index_listsEveryServiceWithItsStatus() throws IOException {
    String en = page("en/index.html");
    for (String href : List.of("trp/trp-work.html", "prp/index.html", "rp-card/rp-card-renewal.html",
        "prp-pilot/prp-pilot-kandas.html")) {
      assertTrue(en.contains("href=\"" + href + "\""), href);
    }
    assertTrue(page("ru/index.html").contains("Пилотный проект"), "pilot status in Russian");
    assertTrue(page("kk/index.html").contains("Пилоттық жоба"), "pilot status in Kazakh");
    // The IT pilot was a draft planned until the end of 2025: it is no longer on the site.
    assertFalse(en.contains("it-pilot/"), "the IT pilot draft ended with 2025");
  }

  @Test
  void plainNames_titleLinksAndHeadings_officialNameStaysUnderIt() throws IOException {
    assertTrue(page("en/index.html").contains("<li value=\"2\"><a href=\"trp/trp-work.html\">Work</a> · <a class=\""
        + "questionnaire-link\" href=\"trp/trp-work/q/index.html\">Answer a few questions to get your own list<span "
        + "class=\"visually-hidden\">: Work</span></a></li>"));
    assertTrue(page("kk/index.html").contains("<a href=\"prp/index.html\">Тұрақты тұру</a>"));
    String ru = page("ru/trp/trp-work.html");
    assertTrue(ru.contains("<p class=\"kicker\">Временное проживание</p>\n<h1>Работа</h1>\n<p class=\"official\">"
        + "Выдача иностранцам и лицам без гражданства разрешения на временное проживание в Республике Казахстан в "
        + "целях осуществления трудовой деятельности</p>"), ru);
    assertTrue(ru.contains("<title>Работа · "), ru);
  }

  @Test
  void renewal_termsAndOutage_inEachLanguage() throws IOException {
    // The applicant's deadlines are under their own heading, not under the processing time.
    assertTrue(section(page("en/rp-card/rp-card-renewal.html"), "terms-deadlines").contains("<h2 id=\"terms-deadlines\">"
        + "Your deadlines</h2>\n<ul class=\"terms\">\n<li><strong>1 month</strong>: Apply "
        + "for renewal or reissue at least one month before the residence permit card expires"));
    assertTrue(section(page("ru/rp-card/rp-card-renewal.html"), "terms-deadlines").contains("<strong>1 месяц</strong>: "
        + "Заявление о продлении или переоформлении подаётся не менее чем за один месяц"));
    assertTrue(section(page("kk/rp-card/rp-card-renewal.html"), "terms-deadlines").contains("<strong>1 ай</strong>: "));
    assertFalse(page("en/rp-card/rp-card-renewal.html").contains("id=\"terms-processing\""),
        "no processing term is published for the card");
    assertTrue(page("en/rp-card/rp-card-renewal.html").contains("<dd class=\"cost\">The fee is not set by the "
        + "published rules; ask the service provider.</dd>"));
    String outages = section(page("ru/rp-card/rp-card-renewal.html"), "outages");
    assertTrue(outages.contains("<strong>09.09.2025 – 30.09.2025</strong>: система дактилоскопической регистрации"),
        outages);
    assertTrue(outages.contains("Министерство указало окончание сбоя лишь как «начало октября»"), outages);
    assertTrue(section(page("en/rp-card/rp-card-replacement.html"), "terms-deadlines")
        .contains("<strong>3 calendar days</strong>: If the card is lost, apply for a replacement within three days"));
    assertTrue(section(page("kk/rp-card/rp-card-replacement.html"), "terms-deadlines")
        .contains("<strong>күнтізбелік 3 күн</strong>"));
    assertTrue(section(page("en/rp-card/rp-card-renewal.html"), "documents")
        .contains("The published rules give no list of documents for this service; ask the service provider."));
  }

  @Test
  void pilot_stagesInOrder_withKaztestTimings() throws IOException {
    String ru = section(page("ru/prp-pilot/prp-pilot-prp.html"), "stages");
    assertEquals(List.of("Онлайн-тестирование на знание казахского языка по системе KAZTEST",
        "Анкетирование на платформе migration.enbek.kz", "Собеседование по месту пребывания",
        "Получение уведомления о прохождении критериальной оценки",
        "Подача заявления на разрешение на постоянное жительство или статус кандаса"), all("<h3>([^<]*)</h3>", ru));
    assertTrue(ru.contains("<strong>70 минут</strong>: Продолжительность тестирования KAZTEST"), ru);
    String en = section(page("en/prp-pilot/prp-pilot-kandas.html"), "stages");
    assertTrue(en.contains("<strong>20 minutes</strong>: Listening block: 20 tasks"), en);
    assertTrue(en.contains("<strong>50 minutes</strong>: Reading block: 40 tasks"), en);
    assertTrue(en.contains("Result of the KAZTEST test"), en);
    String kk = page("kk/prp-pilot/prp-pilot-kandas.html");
    assertTrue(kk.contains("31.12.2026"), "validity shown");
    assertTrue(kk.contains("Тек этникалық қазақтар үшін (қандастар)."), "kandas eligibility in Kazakh");
    assertTrue(page("en/prp-pilot/prp-pilot-prp.html").contains("Not for people coming for work, business "
        + "immigration, investment or tourism, to study, or for humanitarian or political reasons."));
  }

  @Test
  void itPilot_isMarkedDraft_withItsStagesAndRegions() throws IOException {
    // Published as of a day in 2025, while the draft pilot was planned.
    Path site2025 = dir.resolve("site-2025");
    CliRun run = CliRun.of("publish", "--as-of", "2025-06-01", "--out", site2025.toString());
    assertEquals(0, run.exit(), run.err());
    String enPage = Files.readString(site2025.resolve("en/it-pilot/index.html"));
    assertTrue(enPage.contains("status-draft\">Status: Draft (until 31.12.2025 inclusive)"), enPage);
    assertTrue(Files.readString(site2025.resolve("ru/it-pilot/index.html")).contains("status-draft\">Статус: Проект"));
    assertTrue(Files.readString(site2025.resolve("kk/it-pilot/index.html")).contains("status-draft\">Мәртебесі: Жоба"));
    String en = section(enPage, "stages");
    assertEquals(6, all("<li value=\"(\\d)\" id=\"stage-", en).size());
    assertTrue(en.contains("<strong>30 calendar days</strong>: Validity of the approval notice"), en);
    assertTrue(en.contains("Scan of the police clearance certificate"), en);
    assertTrue(enPage.contains("The pilot runs only in Astana and Almaty."));
    assertFalse(enPage.contains("region in"), "conditions never shown as CEL");
    // The 45-day review belongs to the review stage only; the arrival stage has no such term.
    String arrival = en.substring(en.indexOf("id=\"stage-it-stage-arrival\""));
    assertFalse(arrival.contains("45 calendar days"), arrival);
  }
}

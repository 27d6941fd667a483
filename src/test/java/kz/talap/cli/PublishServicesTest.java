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
        "prp-pilot/prp-pilot-kandas.html", "it-pilot/index.html")) {
      assertTrue(en.contains("href=\"" + href + "\""), href);
    }
    assertTrue(page("ru/index.html").contains("Пилотный проект"), "pilot status in Russian");
    assertTrue(page("kk/index.html").contains("Жоба"), "draft status in Kazakh");
  }

  @Test
  void renewal_termsAndOutage_inEachLanguage() throws IOException {
    assertTrue(section(page("en/rp-card/rp-card-renewal.html"), "terms").contains("<strong>1 month</strong>: Apply "
        + "for renewal or reissue at least one month before the residence permit card expires"));
    assertTrue(section(page("ru/rp-card/rp-card-renewal.html"), "terms").contains("<strong>1 месяц</strong>: "
        + "Заявление о продлении или переоформлении подаётся не менее чем за один месяц"));
    assertTrue(section(page("kk/rp-card/rp-card-renewal.html"), "terms").contains("<strong>1 ай</strong>: "));
    String outages = section(page("ru/rp-card/rp-card-renewal.html"), "outages");
    assertTrue(outages.contains("<strong>09.09.2025 – 01.10.2025</strong>: система дактилоскопической регистрации"),
        outages);
    assertTrue(section(page("en/rp-card/rp-card-replacement.html"), "terms")
        .contains("<strong>3 calendar days</strong>: If the card is lost, apply for a replacement within three days"));
    assertTrue(section(page("en/rp-card/rp-card-renewal.html"), "documents")
        .contains("The source documents give no list of documents for this service."));
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
    assertTrue(page("en/it-pilot/index.html").contains("status-draft\">Status: Draft"));
    assertTrue(page("ru/it-pilot/index.html").contains("status-draft\">Статус: Проект"));
    assertTrue(page("kk/it-pilot/index.html").contains("status-draft\">Мәртебесі: Жоба"));
    String en = section(page("en/it-pilot/index.html"), "stages");
    assertEquals(6, all("<li value=\"(\\d)\" id=\"stage-", en).size());
    assertTrue(en.contains("<strong>30 calendar days</strong>: Validity of the approval notice"), en);
    assertTrue(en.contains("Scan of the police clearance certificate"), en);
    assertTrue(page("en/it-pilot/index.html").contains("The pilot runs only in Astana and Almaty."));
    assertFalse(page("en/it-pilot/index.html").contains("region in"), "conditions never shown as CEL");
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdicts, pages and texts that an independent reading of the law corrected (issue 10), each through the CLI on
 * the shipped catalogue, with the exact finding.
 */
class LawFixesTest {
  @TempDir static Path dir;
  static Path site;

  private static final String COMMON = """
      {"code": "TRP_APPLICATION_FORM"},
      {"code": "TRP_IDENTITY_DOCUMENT", "valid_until": "2031-06-09", "original_shown": true},
      {"code": "TRP_HOUSING_CONSENT"}, {"code": "TRP_FINGERPRINT_CERTIFICATE"}""";
  private static final String INSURANCE = """
      {"code": "TRP_HEALTH_INSURANCE", "valid_until": "2027-03-01", "original_shown": true}""";

  @BeforeAll
  static void publish() {
    site = dir.resolve("site");
    CliRun run = CliRun.of("publish", "--as-of", "2026-11-21", "--out", site.toString());
    assertEquals(0, run.exit(), run.err());
  }

  /** A TRP submission of one sub-type on 14 April 2026 at 10:00 at the police. */
  static String trp(String subtype, String facts, String documents) {
    return """
        {"format": "talap-submission/1", "service": "TRP", "subtype": "%s", "channel": "PROVIDER",
         "submitted_at": "2026-04-14T10:00", "facts": {%s}, "documents": [%s]}
        """.formatted(subtype, facts, documents);
  }

  /** The verdict, then each finding as "severity kind subject: message" in one language, then its citation. */
  static List<String> check(String submission, String lang) throws IOException {
    Path file = Files.writeString(Files.createTempFile(dir, "s", ".json"), submission);
    CliRun run = CliRun.of("check", "--as-of", "2026-11-21", "--format", "json", file.toString());
    assertEquals("", run.err());
    return run.findings(lang, true);
  }

  static String page(String path) throws IOException {
    return Files.readString(site.resolve(path));
  }

  // 1. Business immigrants: the document of the local executive body, and no second health insurance for the EAEU.
  @Test
  void businessImmigrant_needsTheAkimatDocumentOnly() throws IOException {
    assertEquals(List.of("complete"), check(trp("TRP_BUSINESS", "\"citizenship\": \"KG\", \"birth_date\": \"1979-03-08\"",
        COMMON + ", {\"code\": \"TRP_BUSINESS_AKIMAT_DOCUMENT\"}"), "en"));
    assertEquals(List.of("incomplete",
        "error MISSING_DOCUMENT TRP_REQ_BUSINESS_AKIMAT_DOCUMENT: Missing: Document issued by the local executive body "
            + "of the Republic of Kazakhstan (on entrepreneurship) under article 40 of the Law of the Republic of "
            + "Kazakhstan \"On population migration\".",
        "  Order of the Minister of Internal Affairs of the RK No. 992 of 4 December 2015, Annex 1-1, item 8, "
            + "sub-item 6); Law of the RK No. 477-IV of 22 July 2011 \"On population migration\", art. 40"),
        check(trp("TRP_BUSINESS", "\"citizenship\": \"TR\", \"birth_date\": \"1979-03-08\"", COMMON + ", " + INSURANCE),
            "en"));
    String page = page("ru/trp/trp-business.html");
    assertTrue(page.contains("Приказ № 992 (в редакции приказа № 219 от 11 марта 2024 года), утверждающий перечень "
        + "документов, их не требует."), "the gov.kz extras are a note, not requirements");
    assertTrue(page.contains("<li id=\"law-13\">Страница государственной услуги «Выдача иностранцам и лицам без "
        + "гражданства разрешения на временное проживание в Республике Казахстан» на портале gov.kz, подвид 6"), page);
  }

  // 2. Treaties: nothing for the Minsk Convention's parties, an apostille for the Hague Convention's, else legalisation.
  @Test
  void legalisation_followsTheTreatiesOfTheIssuingCountry() throws IOException {
    String turkish = "{\"code\": \"TRP_FAMILY_RELATIONSHIP\", \"issued_in\": \"TR\", \"language\": \"tr\", "
        + "\"notarised_translation\": true}";
    List<String> ru = check(trp("TRP_FAMILY", "\"citizenship\": \"TR\", \"birth_date\": \"1990-04-12\"",
        COMMON + ", " + INSURANCE + ", " + turkish), "ru");
    assertEquals(List.of("incomplete",
        "error NOT_APOSTILLED TRP_RULE_LEGALISATION: Документ, подтверждающий семейные отношения с лицом, постоянно "
            + "проживающим на территории Республики Казахстан: документ выдан в государстве – участнике Гаагской "
            + "конвенции от 5 октября 1961 года (TR); вместо консульской легализации требуется апостиль.",
        "  Приказ Министра внутренних дел РК от 4 декабря 2015 года № 992, приложение 1-1, пункт 8; Конвенция, "
            + "отменяющая требование легализации иностранных официальных документов (Гаага, 5 октября 1961 года)"), ru);
    assertEquals(List.of("complete"), check(trp("TRP_FAMILY", "\"citizenship\": \"TR\", \"birth_date\": \"1990-04-12\"",
        COMMON + ", " + INSURANCE + ", " + turkish.replace("}", ", \"apostille\": true}")), "en"));
    // Uzbekistan is a party to the Minsk Convention of 1993: no legalisation at all.
    assertEquals(List.of("complete"), check(trp("TRP_FAMILY", "\"citizenship\": \"UZ\", \"birth_date\": \"1990-04-12\"",
        COMMON + ", " + INSURANCE + ", " + turkish.replace("\"TR\"", "\"UZ\"")), "en"));
    // Iran is a party to neither: an apostille does not replace consular legalisation.
    List<String> iran = check(trp("TRP_FAMILY", "\"citizenship\": \"IR\", \"birth_date\": \"1990-04-12\"",
        COMMON + ", " + INSURANCE + ", " + turkish.replace("\"TR\"", "\"IR\"").replace("}", ", \"apostille\": true}")), "en");
    assertEquals("error NOT_LEGALISED TRP_RULE_LEGALISATION: Document confirming family relations with a person "
        + "permanently residing in the territory of the Republic of Kazakhstan was issued in IR, which is not a party "
        + "to the Hague Convention of 5 October 1961: an apostille does not replace consular legalisation.",
        iran.get(1));
  }

  // 3. Private documents are never said to be issued by a foreign authority.
  @Test
  void privateDocuments_areNotLegalised_andEitherKindAsksWhoIssuedIt() throws IOException {
    String german = ", \"issued_in\": \"DE\", \"language\": \"de\", \"notarised_translation\": true}";
    assertEquals(List.of("complete"), check(trp("TRP_WORK", "\"citizenship\": \"DE\", \"birth_date\": \"1980-04-12\"",
        COMMON + ", " + INSURANCE.replace("}", german) + ", {\"code\": \"TRP_WORK_SECONDMENT_ORDER\""
            + german), "en"));
    String prp = Files.readString(Path.of("catalogue/examples/prp-complete.json"))
        .replace("{\n      \"code\": \"PRP_SOLVENCY_EXEMPTION\",\n      \"issued_on\": \"2026-03-20\"\n    }",
            "{\"code\": \"PRP_SOLVENCY_EXEMPTION\", \"issued_on\": \"2026-03-20\", \"issued_in\": \"AF\"}");
    List<String> unknown = check(prp, "en");
    assertEquals("complete", unknown.get(0));
    assertEquals("warning NOT_LEGALISED PRP_LEGALISATION: Document certifying the existence of grounds for exemption "
        + "from confirming solvency under sub-paragraph 4) of Article 49 of the Law of the Republic of Kazakhstan "
        + "\"On Population Migration\" was issued in AF: if it was drawn up or certified by a foreign authority, it "
        + "must be legalised (consular legalisation); say who issued it.", unknown.get(1));
    assertEquals(List.of("complete"), check(prp.replace("\"issued_in\": \"AF\"",
        "\"issued_in\": \"AF\", \"issuer\": \"private\""), "en"));
    assertEquals("incomplete", check(prp.replace("\"issued_in\": \"AF\"",
        "\"issued_in\": \"AF\", \"issuer\": \"authority\""), "en").get(0));
    for (String lang : List.of("kk", "ru", "en")) {
      for (String line : check(trp("TRP_WORK", "\"citizenship\": \"IR\", \"birth_date\": \"1980-04-12\"", COMMON
          + ", " + INSURANCE.replace("}", ", \"issued_in\": \"IR\"}") + ", {\"code\": \"TRP_WORK_SECONDMENT_ORDER\", "
          + "\"issued_in\": \"IR\"}"), lang)) {
        assertFalse(line.contains("foreign authority") || line.contains("органом иностранного")
            || line.contains("шет мемлекеттің органы"), line);
      }
    }
  }

  // 4. Services not in force are never "complete": the 2026 pilot before its start.
  @Test
  void pilotBeforeItsStart_cannotBeAccepted() throws IOException {
    List<String> lines = check("""
        {"format": "talap-submission/1", "service": "PRP_PILOT", "subtype": "PRP_PILOT_PRP",
         "stage": "PILOT_STAGE_KAZTEST", "channel": "MIGRATION_PORTAL", "submitted_at": "2026-02-05T10:00",
         "facts": {"citizenship": "TR", "birth_date": "1992-08-08", "purpose": "PERMANENT_RESIDENCE"}, "documents": []}
        """, "kk");
    assertEquals("not_accepted", lines.get(0));
    assertTrue(lines.get(1).endsWith(": 05.02.2026 жылы әлі қолданысқа енгізілмеген; 13.02.2026 жылдан бастап "
        + "қолданысқа енгізіледі."), lines.get(1));
  }

  // 5. Rules para 9-1: an expired stay bars acceptance unless an outage act or art. 517 within ten days.
  @Test
  void expiredStay_barsAcceptance_withTheTwoExceptions() throws IOException {
    String facts = "\"citizenship\": \"UZ\", \"birth_date\": \"1990-04-12\", \"stay_expired_on\": \"2026-04-03\"";
    String docs = COMMON + ", " + INSURANCE + ", {\"code\": \"TRP_STUDY_PETITION\"}";
    List<String> kk = check(trp("TRP_STUDY", facts, docs), "kk");
    assertEquals("not_accepted", kk.get(0));
    assertEquals("error STAY_EXPIRED TRP_RULE_LATE_ACCEPTANCE: Болу мерзімі 03.04.2026 жылы аяқталды. Болу мерзімі "
        + "өткен адамның құжаттары Мемлекеттік корпорация мен көрсетілетін қызметті беруші қол қойған ақпараттық "
        + "жүйелердің іркілісі туралы акт болған кезде не Әкімшілік құқық бұзушылық туралы кодекстің 517-бабы бойынша "
        + "әкімшілік жауаптылыққа тартылған адамнан мерзім өткеннен кейін 10 тәуліктен аспаған жағдайда ғана "
        + "қабылданады; қалған жағдайларда құжаттарды қабылдауға жол берілмейді.", kk.get(1));
    // 14 April is the eleventh day after 3 April: too late even when held liable; the tenth day is in time.
    assertEquals("not_accepted", check(trp("TRP_STUDY", facts + ", \"held_liable_art_517\": true", docs), "en").get(0));
    List<String> tenth = check(trp("TRP_STUDY", facts.replace("04-03", "04-04") + ", \"held_liable_art_517\": true",
        docs), "en");
    assertEquals(List.of("complete", "info LATE_ACCEPTED TRP_RULE_LATE_ACCEPTANCE: The period of stay ended on "
        + "2026-04-04, but the documents are accepted: the applicant was held liable under article 517 of the Code on "
        + "Administrative Offences and no more than 10 days have passed since then."), tenth.subList(0, 2));
    assertEquals("complete", check(trp("TRP_STUDY", facts + ", \"outage_act\": true", docs), "en").get(0));
    assertEquals("complete", check(trp("TRP_STUDY", facts.replace("2026-04-03", "2026-04-14"), docs), "en").get(0));
  }

  // 6. The solvency exemption follows from the facts that create it.
  @Test
  void inDemandOccupation_needsNoSolvencyProofNorHousingContract() throws IOException {
    String prp = Files.readString(Path.of("catalogue/examples/prp-complete.json"))
        .replace("\"ethnic_kazakh\": true", "\"ethnic_kazakh\": true, \"in_demand_occupation\": true")
        .replace("{\n      \"code\": \"PRP_SOLVENCY_EXEMPTION\",\n      \"issued_on\": \"2026-03-20\"\n    },", "");
    List<String> lines = check(prp, "en");
    assertEquals("incomplete", lines.get(0));
    assertEquals("error MISSING_DOCUMENT PRP_REQ_SECTORAL_PETITION: Missing: Petition of the sectoral state body "
        + "indicating the group of the National Classifier of Occupations of the Republic of Kazakhstan (NCO) and "
        + "compliance with the NCO requirements.", lines.get(1));
    assertEquals(3, lines.size(), lines.toString());
  }

  // 7. Work without permits still needs its contract; AIFC investment residents need the AIFC's petition.
  @Test
  void workWithoutPermits_needsTheContract_andAifcInvestors_thePetition() throws IOException {
    List<String> noPermit = check(trp("TRP_WORK", "\"citizenship\": \"GE\", \"birth_date\": \"1985-02-11\", "
        + "\"work_permit_not_required\": true", COMMON + ", " + INSURANCE), "en");
    assertEquals("error MISSING_ONE_OF TRP_WORK_BASIS: Missing: One of the documents confirming the grounds for work; "
        + "any one of: Employment agreement registered with the authorized body (the Ministry of Labour and Social "
        + "Protection of the Population) in the unified employment agreement recording system “UEARS”, or a civil law "
        + "agreement for the performance of works (provision of services).", noPermit.get(1));
    List<String> aifc = check(trp("TRP_WORK", "\"citizenship\": \"GB\", \"birth_date\": \"1975-02-11\", "
        + "\"aifc_investment_resident\": true", COMMON + ", " + INSURANCE), "en");
    assertEquals(List.of("incomplete", "error MISSING_DOCUMENT TRP_REQ_WORK_AIFC_PETITION: Missing: Petition of the "
        + "administration of the Astana International Financial Centre (AIFC).", "  Order of the Minister of Internal "
        + "Affairs of the RK No. 992 of 4 December 2015, Annex 1-1, item 8, sub-item 2), paragraph 10"), aifc);
  }

  // 8. The State Corporation's duty departments: counted from the day they accept; due and check agree.
  @Test
  void stateCorporationOnSaturday_countsFromThatDay_inDueAndCheck() throws IOException {
    CliRun due = CliRun.of("due", "--service", "TRP", "--at", "2026-11-21T11:00", "--channel", "STATE_CORP");
    assertEquals(0, due.exit(), due.err());
    assertTrue(due.out().contains("Counted from: 2026-11-21 Saturday\nDue: 2026-11-23 Monday"), due.out());
    String submission = trp("TRP_STUDY", "\"citizenship\": \"UZ\", \"birth_date\": \"1990-04-12\"",
        COMMON + ", " + INSURANCE + ", {\"code\": \"TRP_STUDY_PETITION\"}")
        .replace("\"PROVIDER\"", "\"STATE_CORP\"").replace("2026-04-14T10:00", "2026-11-21T11:00");
    Path file = Files.writeString(dir.resolve("saturday.json"), submission);
    CliRun check = CliRun.of("check", "--as-of", "2026-11-21", file.toString());
    assertTrue(check.out().contains("Result due: 2026-11-23 (1 working day; counted from 2026-11-21)"), check.out());
    CliRun portal = CliRun.of("due", "--service", "TRP", "--at", "2026-11-21T11:00", "--channel", "PORTAL");
    assertTrue(portal.out().contains("Counted from: 2026-11-23 Monday (Order of the Minister of Internal Affairs of "
        + "the RK No. 992 of 4 December 2015, Annex 1-1, item 7, sub-item 3))\nDue: 2026-11-24 Tuesday"), portal.out());
  }

  // 9. Card renewal through the State Corporation; an expiry in "early October" is to be verified.
  @Test
  void cardRenewal_stateCorporationAccepted_andEarlyOctoberVerified() throws IOException {
    String renewal = Files.readString(Path.of("catalogue/examples/rp-card-renewal-complete.json"));
    assertEquals(List.of("complete"), check(renewal.replace("\"PROVIDER\"", "\"STATE_CORP\""), "en"));
    String october = Files.readString(Path.of("catalogue/examples/rp-card-renewal-expired-in-outage-complete.json"))
        .replace("2025-09-20", "2025-10-03");
    List<String> lines = check(october, "en");
    assertEquals("warning OUTAGE_END_UNCERTAIN FINGERPRINT_2025: The residence permit card expired on 2025-10-03. The "
        + "failure of the fingerprint registration system began on 2025-09-09; its end is known only roughly (after "
        + "2025-09-30, by 2025-10-10 at the latest): whether the card expired during the failure, and so whether a "
        + "fine applies, must be verified with the service provider.", lines.get(3));
    assertFalse(lines.toString().contains("OVERSTAY_PENALTY"), lines.toString());
  }

  // 10-12. Page content: terms under their own headings, who may apply, the minor's set.
  @Test
  void pages_separateTheTerms_sayWhoMayApply_andNeverOfferAPowerOfAttorneyForPrp() throws IOException {
    String trp = page("en/trp/trp-work.html");
    assertTrue(trp.contains("<h2 id=\"terms-processing\">How long the service takes</h2>"), trp);
    assertTrue(trp.contains("<h2 id=\"terms-deadlines\">Your deadlines</h2>"), trp);
    assertTrue(trp.contains("<h2 id=\"terms-validity\">How long the permit is valid</h2>"), trp);
    assertTrue(trp.contains("<h2 id=\"who-applies\">Who may apply</h2>\n<p>When the public service is provided, the "
        + "service recipient must be present in person, or a representative acting under a notarised power of "
        + "attorney"), trp);
    for (String lang : List.of("kk", "ru", "en")) {
      for (String path : List.of("prp/index.html", "rp-card/rp-card-renewal.html", "rp-card/rp-card-replacement.html",
          "prp-pilot/prp-pilot-prp.html", "prp-pilot/prp-pilot-kandas.html")) {
        String html = page(lang + "/" + path);
        assertFalse(html.contains("power of attorney") || html.contains("доверенност")
            || html.contains("сенімхат") || html.contains("for a legal entity") || html.contains("для юридического лица")
            || html.contains("заңды тұлға үшін") || html.contains("заңды тұлғаның бұйрығы"),
            lang + "/" + path);
      }
    }
    assertTrue(page("ru/prp/index.html").contains("<h2 id=\"who-applies\">Кто может обратиться</h2>\n<p>"
        + "Услугополучатель обращается к услугодателю или в Государственную корпорацию лично;"));
  }

  // 13. Citations in the reader's language.
  @Test
  void citations_areInTheReadersLanguage() throws IOException {
    assertTrue(page("kk/prp/index.html").contains("<h2 id=\"legal-basis\">Құқықтық негіз</h2></summary>\n"
        + "<ol class=\"sources\">\n<li id=\"law-1\">Қазақстан Республикасы Ішкі істер министрінің 2015 жылғы 4 "
        + "желтоқсандағы № 992 бұйрығы, 3-қосымша, 1, 2, 4 және 5-тармақтар</li>\n"));
    assertTrue(page("kk/prp/index.html").contains("<li id=\"law-2\">Қазақстан Республикасы Ішкі "
        + "істер министрінің 2015 жылғы 4 желтоқсандағы № 992 бұйрығы, 3-қосымша, 8-тармақ, 1) тармақша; 3-қосымша, "
        + "8-тармақ, 11) тармақшадан кейінгі абзацтар</li>"));
    assertTrue(page("ru/prp/index.html").contains("<li id=\"law-2\">Приказ Министра внутренних "
        + "дел РК от 4 декабря 2015 года № 992, приложение 3, пункт 8, подпункт 1); приложение 3, пункт 8, абзацы "
        + "после подпункта 11)</li>"));
    for (String lang : List.of("kk", "ru")) {
      assertFalse(page(lang + "/trp/trp-work.html").contains("Order of the"), lang);
    }
  }

  // 14. Grammar: Russian agreement, Kazakh dates and the order of units, the card's name.
  @Test
  void generatedText_agreesInRussian_andKazakhDatesTakeEndings() throws IOException {
    CliRun ru = CliRun.of("check", "--as-of", "2026-11-21", "--lang", "ru", "catalogue/examples/prp-dates-incomplete.json");
    assertTrue(ru.out().contains("(медицинская справка 028/у): дата выдачи – 01.09.2025, однако документ должен быть "
        + "выдан не ранее чем за 180 календарных дней"), ru.out());
    CliRun kk = CliRun.of("check", "--as-of", "2026-11-21", "--lang", "kk",
        "catalogue/examples/rp-card-renewal-late-complete.json");
    assertTrue(kk.out().contains("яғни 10.05.2026 жылдан кешіктірмей берілуі тиіс еді."), kk.out());
    assertTrue(kk.out().contains("\nАнықталғандар:\n"), kk.out());
    assertTrue(page("kk/prp/index.html").contains("<dd class=\"term\">күнтізбелік 45 күн</dd>"));
    assertTrue(page("ru/rp-card/rp-card-renewal.html").contains("вид на жительство"));
    assertFalse(page("kk/prp/index.html").contains("Елшілік жарғысы"));
    assertTrue(page("kk/prp/index.html").contains("Консулдық жарғысын бекіту туралы"));
  }

  // 15. Editor notes never reach applicants; unknown costs are said in plain words.
  @Test
  void editorNotes_neverReachThePages() throws IOException {
    try (Stream<Path> files = Files.walk(site)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        String html = Files.readString(file);
        for (String phrase : List.of("confidence", "as reported in the news", "Not stated in the source",
            "достоверность", "сенімділік", "press reports", "по данным прессы")) {
          assertFalse(html.contains(phrase), file + ": " + phrase);
        }
      }
    }
    assertTrue(page("ru/rp-card/rp-card-renewal.html").contains("<dd class=\"cost\">Размер оплаты опубликованными "
        + "правилами не установлен; уточните у услугодателя.</dd>"));
  }
}

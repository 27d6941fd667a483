package kz.talap.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.talap.check.CheckResult.Verdict;
import kz.talap.check.Finding.Kind;
import kz.talap.check.Submission.Payment;
import kz.talap.check.Submission.PresentedDocument;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.Recipient;
import kz.talap.workbook.WorkbookReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One test per rule, on the shipped catalogue. */
class CheckerTest {
  static Checker checker;

  @BeforeAll
  static void compile() {
    Catalogue catalogue = CatalogueCompiler.compile(WorkbookReader.read(List.of(Path.of("catalogue"))),
        LocalDate.of(2026, 11, 21), true).catalogue().orElseThrow();
    checker = new Checker(catalogue);
  }

  /** A submission under construction; starts as a complete TRP work application of a Russian citizen. */
  static final class Draft {
    String service = "TRP";
    Optional<String> subtype = Optional.of("TRP_WORK");
    Optional<String> stage = Optional.empty();
    String channel = "PROVIDER";
    Recipient recipient = Recipient.INDIVIDUAL;
    LocalDateTime at = LocalDateTime.parse("2026-03-20T11:30");
    final Map<String, Object> facts = new HashMap<>(Map.of("citizenship", "RU",
        "birth_date", LocalDate.parse("1988-11-02")));
    final List<PresentedDocument> documents = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();

    Draft doc(String code) {
      documents.add(new PresentedDocument(code, Optional.empty(), Optional.empty(), Optional.empty(), false,
          Optional.empty(), false, false, Optional.empty(), true));
      return this;
    }

    Draft doc(PresentedDocument document) {
      documents.add(document);
      return this;
    }

    Draft without(String code) {
      documents.removeIf(d -> d.code().equals(code));
      return this;
    }

    CheckResult check() {
      return checker.check(new Submission(Optional.empty(), service, subtype, stage, channel, recipient, at, facts,
          documents, payments));
    }
  }

  static Draft trpWork() {
    return new Draft().doc("TRP_APPLICATION_FORM").doc("TRP_IDENTITY_DOCUMENT").doc("TRP_HOUSING_CONSENT")
        .doc("TRP_FINGERPRINT_CERTIFICATE").doc("TRP_WORK_EMPLOYMENT_CONTRACT");
  }

  static Draft prp() {
    Draft d = new Draft();
    d.service = "PRP";
    d.subtype = Optional.empty();
    d.at = LocalDateTime.parse("2026-04-02T10:30");
    d.facts.put("citizenship", "UZ");
    d.doc("PRP_APPLICATION")
        .doc(dated("PRP_PASSPORT", "2024-02-02", "2034-02-01"))
        .doc(dated("PRP_SOLVENCY", "2026-03-20", null)).doc("PRP_HOUSING")
        .doc(foreign("PRP_CRIMINAL_RECORD", "2026-03-20", "UZ", "uz", true, true))
        .doc(dated("PRP_MEDICAL", "2026-03-20", null)).doc("PRP_PHOTO").doc("PRP_STATE_DUTY_RECEIPT")
        .doc("PRP_FINGERPRINT");
    d.payments.add(new Payment(new BigDecimal("17300"), LocalDate.parse("2026-04-01")));
    return d;
  }

  static PresentedDocument dated(String code, String issued, String until) {
    return new PresentedDocument(code, Optional.ofNullable(issued).map(LocalDate::parse),
        Optional.ofNullable(until).map(LocalDate::parse), Optional.empty(), false, Optional.empty(), false, false,
        Optional.empty(), true);
  }

  static PresentedDocument foreign(String code, String issued, String country, String language, boolean translated,
      boolean legalised) {
    return new PresentedDocument(code, Optional.of(LocalDate.parse(issued)), Optional.empty(),
        Optional.of(language), translated, Optional.of(country), legalised, false, Optional.empty(), true);
  }

  static List<String> kinds(CheckResult result) {
    return result.findings().stream()
        .map(f -> f.kind() + f.subject().map(s -> " " + s).orElse("")).toList();
  }

  @Test
  void check_completeTrpWork_hasNoFindingsAndADueDate() {
    CheckResult result = trpWork().check();
    assertEquals(List.of(), kinds(result));
    assertEquals(Verdict.COMPLETE, result.verdict());
    assertEquals(LocalDate.parse("2026-03-26"), result.due().orElseThrow().due());
  }

  @Test
  void message_inOneLanguage_isRenderedOnRequestAndEqualsTheThreeLanguageText() {
    CheckResult result = trpWork().without("TRP_FINGERPRINT_CERTIFICATE").check();
    Finding finding = result.findings().get(0);

    assertEquals("Missing: Certificate of fingerprinting of a foreigner or stateless person.",
        finding.message(kz.talap.model.Language.EN));
    assertEquals("Не представлен документ: Справка о прохождении дактилоскопирования иностранцем или лицом без "
        + "гражданства.", finding.message(kz.talap.model.Language.RU));
    for (kz.talap.model.Language language : kz.talap.model.Language.values()) {
      assertEquals(finding.message().in(language), finding.message(language));
    }
    assertEquals(finding, trpWork().without("TRP_FINGERPRINT_CERTIFICATE").check().findings().get(0),
        "findings with the same message are equal whether rendered or not");
  }

  @Test
  void check_missingDocument_namesTheRequirementAndCitation() {
    CheckResult result = trpWork().without("TRP_FINGERPRINT_CERTIFICATE").check();
    assertEquals(Verdict.INCOMPLETE, result.verdict());
    Finding finding = result.findings().get(0);
    assertEquals(Kind.MISSING_DOCUMENT, finding.kind());
    assertEquals(Optional.of("TRP_REQ_FINGERPRINT_CERTIFICATE"), finding.subject());
    assertEquals("Missing: Certificate of fingerprinting of a foreigner or stateless person.", finding.message().en());
    assertEquals("Не представлен документ: Справка о прохождении дактилоскопирования иностранцем или лицом без "
        + "гражданства.", finding.message().ru());
    assertEquals(Optional.empty(), result.due());
  }

  @Test
  void check_eaeuCitizen_needsNoHealthInsurance_butOthersDo() {
    assertEquals(List.of(), kinds(trpWork().check()));
    Draft uzbek = trpWork();
    uzbek.facts.put("citizenship", "UZ");
    uzbek.without("TRP_WORK_EMPLOYMENT_CONTRACT").doc("TRP_WORK_LABOUR_PERMIT");
    assertEquals(List.of("MISSING_DOCUMENT TRP_REQ_HEALTH_INSURANCE"), kinds(uzbek.check()));
  }

  @Test
  void check_housingOwner_needsNoHousingConsent() {
    Draft owner = trpWork().without("TRP_HOUSING_CONSENT");
    assertEquals(List.of("MISSING_DOCUMENT TRP_REQ_HOUSING_CONSENT"), kinds(owner.check()));
    owner.facts.put("owns_housing", true);
    assertEquals(List.of(), kinds(owner.check()));
  }

  @Test
  void check_oneOfGroup_employmentContractCountsOnlyForEaeuCitizens() {
    Draft uzbek = trpWork();
    uzbek.facts.put("citizenship", "UZ");
    uzbek.doc("TRP_HEALTH_INSURANCE");
    assertEquals(List.of("MISSING_ONE_OF TRP_WORK_BASIS", "NOT_REQUIRED"), kinds(uzbek.check()));
    uzbek.doc("TRP_WORK_SECONDMENT_ORDER");
    assertEquals(List.of("NOT_REQUIRED"), kinds(uzbek.check()));
    assertEquals(Verdict.COMPLETE, uzbek.check().verdict());
  }

  @Test
  void check_reducedSet_foreignMissionCitizenGivesFourDocuments() {
    Draft d = prp();
    d.facts.put("citizenship_via_foreign_mission", true);
    d.facts.put("permanently_registered", true);
    d.documents.removeIf(x -> !List.of("PRP_APPLICATION", "PRP_PASSPORT", "PRP_PHOTO", "PRP_STATE_DUTY_RECEIPT")
        .contains(x.code()));
    CheckResult result = d.check();
    assertEquals("PRP_FOREIGN_MISSION", result.applicantSet());
    assertEquals(List.of(), kinds(result));
  }

  @Test
  void check_expiredDocument() {
    Draft d = prp();
    d.without("PRP_PASSPORT").doc(dated("PRP_PASSPORT", "2016-03-01", "2026-03-31"));
    CheckResult result = d.check();
    assertEquals(List.of("EXPIRED PRP_REQ_PASSPORT"), kinds(result));
    assertEquals("Copy and original (for verification) of the service recipient's foreign passport or of the "
        + "stateless person's document: its validity expired on 2026-03-31.", result.findings().get(0).message().en());
  }

  @Test
  void check_passportValidFor180DaysExactly_isTooShort() {
    Draft d = prp();
    // 2026-04-02 + 180 days = 2026-09-29: "more than 180 days" needs 2026-09-30.
    d.without("PRP_PASSPORT").doc(dated("PRP_PASSPORT", "2016-10-01", "2026-09-29"));
    assertEquals(List.of("VALIDITY_TOO_SHORT PRP_REQ_PASSPORT"), kinds(d.check()));
    d.without("PRP_PASSPORT").doc(dated("PRP_PASSPORT", "2016-10-01", "2026-09-30"));
    assertEquals(List.of(), kinds(d.check()));
  }

  @Test
  void check_documentIssuedMoreThan180DaysAgo_isTooOld() {
    Draft d = prp();
    d.without("PRP_MEDICAL").doc(dated("PRP_MEDICAL", "2025-10-03", null));
    CheckResult result = d.check();
    assertEquals(List.of("ISSUED_TOO_LONG_AGO PRP_REQ_MEDICAL"), kinds(result));
    assertEquals(true, result.findings().get(0).message().ru().endsWith(": дата выдачи – 03.10.2025, однако "
        + "документ должен быть выдан не ранее чем за 180 календарных дней до дня подачи заявления, то есть 04.10.2025 "
        + "или позднее."),
        result.findings().get(0).message().ru());
    d.without("PRP_MEDICAL").doc(dated("PRP_MEDICAL", "2025-10-04", null));
    assertEquals(List.of(), kinds(d.check()));
  }

  @Test
  void check_ageRuleWithoutIssueDate_asksForTheDate() {
    Draft d = prp().without("PRP_SOLVENCY").doc("PRP_SOLVENCY");
    CheckResult result = d.check();
    assertEquals(List.of("ISSUED_TOO_LONG_AGO PRP_REQ_SOLVENCY"), kinds(result));
    assertEquals("Document confirming the solvency of the service recipient: the date of issue is needed to check "
        + "that it was issued no earlier than 180 calendar days before the application date.",
        result.findings().get(0).message().en());
  }

  @Test
  void check_originalNotShown_exceptThroughThePortal() {
    Draft d = trpWork().without("TRP_IDENTITY_DOCUMENT");
    d.doc(new PresentedDocument("TRP_IDENTITY_DOCUMENT", Optional.empty(), Optional.empty(), Optional.empty(),
        false, Optional.empty(), false, false, Optional.empty(), false));
    assertEquals(List.of("ORIGINAL_NOT_SHOWN TRP_REQ_IDENTITY_DOCUMENT"), kinds(d.check()));
    d.channel = "PORTAL";
    assertEquals(List.of(), kinds(d.check()));
  }

  @Test
  void check_foreignLanguageWithoutNotarisedTranslation() {
    Draft d = prp();
    d.without("PRP_CRIMINAL_RECORD").doc(foreign("PRP_CRIMINAL_RECORD", "2026-03-20", "UZ", "uz", false, true));
    assertEquals(List.of("NO_TRANSLATION PRP_TRANSLATION"), kinds(d.check()));
    d.without("PRP_CRIMINAL_RECORD").doc(foreign("PRP_CRIMINAL_RECORD", "2026-03-20", "UZ", "ru", false, true));
    assertEquals(List.of(), kinds(d.check()));
  }

  @Test
  void check_foreignDocumentWithoutLegalisation_butPassportsAreNotLegalised() {
    Draft d = prp();
    // Afghanistan is party neither to the Minsk Convention of 1993 nor to the Hague Convention of 1961.
    d.without("PRP_CRIMINAL_RECORD").doc(foreign("PRP_CRIMINAL_RECORD", "2026-03-20", "AF", "ps", true, false));
    d.without("PRP_PASSPORT").doc(new PresentedDocument("PRP_PASSPORT", Optional.empty(),
        Optional.of(LocalDate.parse("2034-02-01")), Optional.of("uz"), true, Optional.of("UZ"), false, false, Optional.empty(), true));
    CheckResult result = d.check();
    assertEquals(List.of("NOT_LEGALISED PRP_LEGALISATION"), kinds(result));
    assertEquals("PRP_CRIMINAL_RECORD", result.findings().get(0).document().orElseThrow());
  }

  @Test
  void check_feeAtTheMciOfThePaymentDay() {
    Draft d = prp();
    d.at = LocalDateTime.parse("2026-01-05T09:30");
    d.without("PRP_MEDICAL").doc(dated("PRP_MEDICAL", "2025-12-15", null));
    d.without("PRP_SOLVENCY").doc(dated("PRP_SOLVENCY", "2025-12-15", null));
    d.without("PRP_CRIMINAL_RECORD").doc(foreign("PRP_CRIMINAL_RECORD", "2025-12-15", "UZ", "uz", true, true));
    d.payments.clear();
    d.payments.add(new Payment(new BigDecimal("15728"), LocalDate.parse("2025-12-20")));
    assertEquals(List.of(), kinds(d.check()), "4 x 3,932 = 15,728 paid in 2025");
    d.payments.clear();
    d.payments.add(new Payment(new BigDecimal("15728"), LocalDate.parse("2026-01-02")));
    CheckResult result = d.check();
    assertEquals(List.of("FEE_TOO_LOW PRP_STATE_DUTY"), kinds(result));
    assertEquals("Paid 15,728 tenge in all, which is 3.63 MCI at the MCI in force on the days of payment; 4 MCI is "
        + "due (17,300 tenge on 2026-01-05).", result.findings().get(0).message().en());
    assertEquals("Всего уплачено 15\u00a0728 тенге, что составляет 3,63 МРП по МРП, действовавшему на дни уплаты; "
        + "подлежит уплате 4 МРП (17\u00a0300 тенге на 05.01.2026).", result.findings().get(0).message().ru());
  }

  @Test
  void check_missingPaymentAndPaymentAfterSubmission() {
    Draft d = prp();
    d.payments.clear();
    assertEquals(List.of("FEE_MISSING PRP_STATE_DUTY"), kinds(d.check()));
    assertEquals("Төлем ұсынылмаған: 4 АЕК төленуі тиіс (02.04.2026 жылы қолданыстағы 4\u00a0325 теңге АЕК бойынша "
        + "17\u00a0300 теңге).", d.check().findings().get(0).message().kk());
    d.payments.add(new Payment(new BigDecimal("17300"), LocalDate.parse("2026-04-03")));
    assertEquals(List.of("PAYMENT_AFTER_SUBMISSION PRP_STATE_DUTY", "FEE_MISSING PRP_STATE_DUTY"), kinds(d.check()));
  }

  @Test
  void check_freeServiceNeedsNoPayment() {
    Draft d = trpWork();
    d.payments.add(new Payment(new BigDecimal("1000"), LocalDate.parse("2026-03-19")));
    CheckResult result = d.check();
    assertEquals(List.of("PAYMENT_NOT_NEEDED TRP_FEE"), kinds(result));
    assertEquals(Verdict.COMPLETE, result.verdict());
  }

  @Test
  void check_prpThroughThePortal_isNotOffered() {
    Draft d = prp();
    d.channel = "PORTAL";
    CheckResult result = d.check();
    assertEquals(List.of("CHANNEL_NOT_OFFERED PRP"), kinds(result));
    assertEquals(true, result.findings().get(0).message().en().endsWith(
        "Apply through: Territorial police bodies; State Corporation \"Government for Citizens\"."));
  }

  @Test
  void check_sixteenthBirthday_tenCalendarDays() {
    Draft d = trpWork();
    d.facts.put("birth_date", LocalDate.parse("2010-03-08"));
    d.facts.put("turned_16_in_kz", true);
    // 16th birthday Sun 2026-03-08; + 10 calendar days = Wed 2026-03-18.
    d.at = LocalDateTime.parse("2026-03-18T10:00");
    assertEquals(List.of(), kinds(d.check()));
    d.at = LocalDateTime.parse("2026-03-19T10:00");
    CheckResult result = d.check();
    assertEquals(List.of("LATE_AFTER_16TH_BIRTHDAY TRP_TERM_APPLY_AFTER_16"), kinds(result));
    assertEquals("The application had to be made no later than 2026-03-18, 10 calendar days after the 16th "
        + "birthday (2026-03-08).", result.findings().get(0).message().en());
  }

  @Test
  void check_subtypeEligibility() {
    Draft d = trpWork().without("TRP_WORK_EMPLOYMENT_CONTRACT");
    d.subtype = Optional.of("TRP_PRP_APPLICANT");
    assertEquals(List.of("NOT_ELIGIBLE TRP_PRP_APPLICANT"), kinds(d.check()));
    d.facts.put("prp_application_submitted", true);
    assertEquals(List.of(), kinds(d.check()));
  }

  @Test
  void check_dueDate_portalOnSaturday_countsFromMonday() {
    Draft d = trpWork();
    d.channel = "PORTAL";
    d.at = LocalDateTime.parse("2026-11-21T12:00");
    CheckResult result = d.check();
    assertEquals(LocalDate.parse("2026-11-23"), result.due().orElseThrow().received());
    assertEquals(LocalDate.parse("2026-11-24"), result.due().orElseThrow().due());
  }

  @Test
  void check_dueDate_receptionEndsAt1730AtThePolice_at20AtTheStateCorporationsDutyDepartments() {
    Draft d = trpWork();
    d.channel = "STATE_CORP";
    d.at = LocalDateTime.parse("2026-11-20T19:45");
    assertEquals(LocalDate.parse("2026-11-20"), d.check().due().orElseThrow().received());
    // After 20:00 on a Friday the next reception is the duty departments' Saturday, 9:00-13:00.
    d.at = LocalDateTime.parse("2026-11-20T20:10");
    assertEquals(LocalDate.parse("2026-11-21"), d.check().due().orElseThrow().received());
    assertEquals(LocalDate.parse("2026-11-23"), d.check().due().orElseThrow().due());
    d.at = LocalDateTime.parse("2026-11-21T13:10");
    assertEquals(LocalDate.parse("2026-11-23"), d.check().due().orElseThrow().received());
    d.channel = "PROVIDER";
    d.at = LocalDateTime.parse("2026-11-20T17:29");
    assertEquals(LocalDate.parse("2026-11-20"), d.check().due().orElseThrow().received());
    d.at = LocalDateTime.parse("2026-11-20T17:45");
    assertEquals(LocalDate.parse("2026-11-23"), d.check().due().orElseThrow().received());
  }
}

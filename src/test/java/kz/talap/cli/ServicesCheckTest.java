package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** talap check on the services of issue 5: card renewal and replacement, outages, the 2026 pilot, the IT pilot. */
class ServicesCheckTest {
  @TempDir Path dir;

  /** The findings of one example as "severity kind subject: message" in one language. */
  static List<String> findings(String example, String lang) throws IOException {
    CliRun run = CliRun.of("check", "--as-of", "2026-11-21", "--format", "json", "catalogue/examples/" + example);
    assertEquals("", run.err());
    return run.findings(lang, false);
  }

  @Test
  void renewal_lessThanAMonthBeforeExpiry_isLate() throws IOException {
    assertEquals(List.of("complete", "warning LATE_APPLICATION RP_CARD_TERM_RENEWAL: The application had to be made "
        + "at least 1 month before the expiry on 2026-06-10, that is no later than 2026-05-10."),
        findings("rp-card-renewal-late-complete.json", "en"));
    assertEquals(List.of("complete", "warning LATE_APPLICATION RP_CARD_TERM_RENEWAL: Заявление следовало подать не "
        + "позднее 10.05.2026 (не менее чем за 1 месяц до истечения срока действия 10.06.2026)."),
        findings("rp-card-renewal-late-complete.json", "ru"));
    assertEquals(List.of("complete"), findings("rp-card-renewal-complete.json", "en"));
  }

  @Test
  void replacement_moreThanThreeDaysAfterTheLoss_isLate() throws IOException {
    assertEquals(List.of("complete", "warning LATE_APPLICATION RP_CARD_TERM_LOSS: Өтініш жоғалтқан күннен "
        + "(02.02.2026) бастап күнтізбелік 3 күн ішінде, яғни 05.02.2026 жылдан кешіктірмей берілуі тиіс еді."),
        findings("rp-card-replacement-late-complete.json", "kk"));
  }

  @Test
  void expiryInsideTheOutage_noFine_outside_standardPenalty() throws IOException {
    List<String> inside = findings("rp-card-renewal-expired-in-outage-complete.json", "en");
    assertEquals("info EXPIRED_DURING_OUTAGE FINGERPRINT_2025: The residence permit card expired on 2025-09-20, during "
        + "the failure of the fingerprint registration system (2025-09-09 – 2025-09-30): no administrative fine is imposed.",
        inside.get(2));
    List<String> june = findings("rp-card-renewal-expired-in-june-complete.json", "ru");
    assertEquals("warning OVERSTAY_PENALTY RP_CARD_PENALTY: Срок действия вида на жительство истёк 15.06.2025, вне периода "
        + "сбоя информационных систем: применяются установленные меры ответственности.", june.get(2));
  }

  @Test
  void pilot_excludedPurpose_isNotEligible() throws IOException {
    List<String> lines = findings("prp-pilot-excluded-purpose-incomplete.json", "en");
    assertEquals("incomplete", lines.get(0));
    assertTrue(lines.get(1).startsWith("error NOT_ELIGIBLE PRP_PILOT: "), lines.get(1));
    assertTrue(lines.get(1).endsWith(": Not for people coming for work, business immigration, investment or "
        + "tourism, to study, or for humanitarian or political reasons."), lines.get(1));
  }

  @Test
  void pilot_after31December2026_isNoLongerInForce() throws IOException {
    List<String> lines = findings("prp-pilot-after-2026-not-accepted.json", "ru");
    assertEquals(2, lines.size(), lines.toString());
    assertEquals("not_accepted", lines.get(0));
    assertTrue(lines.get(1).endsWith(": срок действия истёк 31.12.2026; на 12.01.2027 не действует."), lines.get(1));
    List<String> kk = findings("prp-pilot-after-2026-not-accepted.json", "kk");
    assertTrue(kk.get(1).endsWith(": 12.01.2027 жылы қолданыста емес; 31.12.2026 жылға дейін қолданыста болды."),
        kk.get(1));
  }

  @Test
  void pilot_interviewStage_needsTheEarlierResults() throws IOException {
    assertEquals(List.of("complete"), findings("prp-pilot-interview-complete.json", "en"));
    String text = Files.readString(Path.of("catalogue/examples/prp-pilot-interview-complete.json"))
        .replace("{\n      \"code\": \"PILOT_QUESTIONNAIRE_RESULT\",\n      \"issued_on\": \"2026-05-28\"\n    }", "")
        .replace("},\n    \n  ]", "}\n  ]");
    Path file = Files.writeString(dir.resolve("interview.json"), text);
    CliRun run = CliRun.of("check", "--as-of", "2026-11-21", file.toString());
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("error [PILOT_REQ_INTERVIEW_QUESTIONNAIRE]: Missing: Result of the questionnaire "
        + "on migration.enbek.kz.\n"), run.out());
  }

  @Test
  void pilot_stageIsRequired() throws IOException {
    String text = Files.readString(Path.of("catalogue/examples/prp-pilot-interview-complete.json"))
        .replace("\"stage\": \"PILOT_STAGE_INTERVIEW\",", "");
    Path file = Files.writeString(dir.resolve("nostage.json"), text);
    CliRun run = CliRun.of("check", "--as-of", "2026-11-21", file.toString());
    assertEquals(2, run.exit());
    assertEquals(file + ": $.stage: service PRP_PILOT has stages; say which one is checked (one of: "
        + "PILOT_STAGE_KAZTEST, PILOT_STAGE_QUESTIONNAIRE, PILOT_STAGE_INTERVIEW, PILOT_STAGE_NOTIFICATION, "
        + "PILOT_STAGE_APPLICATION)\n", run.err());
  }

  @Test
  void itPilot_isADraft_andOnlyForAstanaAndAlmaty() throws IOException {
    List<String> lines = findings("it-pilot-draft-not-accepted.json", "en");
    assertEquals("not_accepted", lines.get(0));
    assertTrue(lines.get(1).startsWith("error DRAFT_SERVICE IT_PILOT: "), lines.get(1));
    assertTrue(lines.get(1).endsWith(" is a draft, not an adopted act: no application can be accepted under it."),
        lines.get(1));
    assertTrue(lines.get(2).endsWith(": The pilot runs only in Astana and Almaty."), lines.get(2));
  }

  @Test
  void itPilot_notArrivingWithin30Days_approvalLapsed() throws IOException {
    Path file = Files.writeString(dir.resolve("it-arrival.json"), """
        {"format": "talap-submission/1", "service": "IT_PILOT", "stage": "IT_STAGE_ARRIVAL", "channel": "STATE_CORP",
         "submitted_at": "2025-05-20T10:00", "facts": {"citizenship": "IN", "birth_date": "1993-05-17",
         "region": "ASTANA", "approval_date": "2025-04-10"},
         "documents": [{"code": "IT_APPROVAL_NOTICE"}, {"code": "IT_FINGERPRINTS"}, {"code": "IT_MEDICAL"},
                       {"code": "IT_RENTAL_AGREEMENT"}]}
        """);
    CliRun run = CliRun.of("check", "--as-of", "2025-05-01", file.toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.out().contains("Verdict: cannot be accepted\nFindings:\n"), run.out());
    assertTrue(run.out().contains("  error [IT_TERM_APPROVAL_VALIDITY]: The approval of 2025-04-10 was valid until "
        + "2025-05-10 and has lapsed; a new application may be made from 2026-05-10.\n"), run.out());
    // The 45-day review is the due date of the review stage, not of the arrival.
    assertTrue(!run.out().contains("Result due"), run.out());
  }

  @Test
  void appealTerms_computableWithDue() {
    CliRun run = CliRun.of("due", "--service", "PRP_PILOT", "--at", "2026-06-15T10:00", "--term",
        "COMPLAINT_CONSIDERATION");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("Due: 2026-06-22 Monday"), run.out());
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** talap check through the command line, on the shipped catalogue and its examples. */
class CheckCommandTest {
  static final String AS_OF = "2026-11-21";
  @TempDir Path dir;

  static CliRun check(String... args) {
    List<String> all = new ArrayList<>(List.of("check", "--as-of", AS_OF));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void check_examples_matchTheGoldenReportInEachLanguage() throws IOException {
    for (String lang : List.of("kk", "ru", "en")) {
      CliRun run = check("--lang", lang, "catalogue/examples");
      assertEquals(1, run.exit(), "some examples are incomplete: " + run.err());
      assertEquals("", run.err());
      String expected = Files.readString(Path.of("src/test/resources/check/examples." + lang + ".txt"));
      assertEquals(expected, run.out(), lang);
    }
  }

  @Test
  void check_everyExample_hasTheVerdictItsNameSays() throws IOException {
    CliRun run = check("--format", "json", "catalogue/examples");
    JsonNode report = new ObjectMapper().readTree(run.out());
    int checked = 0;
    for (JsonNode result : report.get("results")) {
      String source = result.get("source").asText();
      String expected = source.endsWith("-incomplete.json") ? "incomplete"
          : source.endsWith("-not-accepted.json") ? "not_accepted" : "complete";
      assertTrue(source.endsWith("-complete.json") || source.endsWith("-incomplete.json")
          || source.endsWith("-not-accepted.json"), source);
      assertEquals(expected, result.get("verdict").asText(), source);
      checked++;
    }
    assertEquals(34, checked);
    assertEquals(19, report.get("summary").get("complete").asInt());
    assertEquals(4, report.get("summary").get("not_accepted").asInt());
    try (Stream<Path> files = Files.list(Path.of("catalogue/examples"))) {
      assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("trp-missionary")));
    }
  }

  @Test
  void check_trpWorkBeforeNauryz_dueAfterTheMovedDaysOff() {
    CliRun run = check("catalogue/examples/trp-work-complete.json");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("Verdict: complete\nResult due: 2026-03-26 (1 working day; counted from "
        + "2026-03-20)\n      Order of the Minister of Internal Affairs of the RK No. 992 of 4 December 2015, "
        + "Annex 1-1, item 3; Civil Code of the Republic of Kazakhstan (General Part), arts. 176-178\nNo findings.\n"),
        run.out());
  }

  @Test
  void check_prpInRussian_dueAfter45CalendarDaysAndTheWeekend() {
    CliRun run = check("--lang", "ru", "catalogue/examples/prp-complete.json");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("Результат проверки: комплект полный\nСрок оказания услуги истекает: 18.05.2026 "
        + "(45 календарных дней; исчисляется с 02.04.2026)\n"), run.out());
  }

  @Test
  void check_prpThroughThePortalInKazakh_isNotOffered() {
    CliRun run = check("--lang", "kk", "catalogue/examples/prp-portal-incomplete.json");
    assertEquals(1, run.exit());
    assertTrue(run.out().contains("Тексеру нәтижесі: құжаттар толық емес\n"), run.out());
    assertTrue(run.out().contains("мемлекеттік қызмет бұл тәсіл арқылы көрсетілмейді («Электрондық үкіметтің» "
        + "www.egov.kz веб-порталы)"), run.out());
  }

  @Test
  void check_jsonReport_carriesCodesCitationsAndAllLanguages() throws IOException {
    CliRun run = check("--format", "json", "catalogue/examples/trp-family-incomplete.json");
    assertEquals(1, run.exit());
    JsonNode finding = new ObjectMapper().readTree(run.out()).get("results").get(0).get("findings").get(0);
    assertEquals("error", finding.get("severity").asText());
    assertEquals("MISSING_DOCUMENT", finding.get("kind").asText());
    assertEquals("TRP_REQ_HEALTH_INSURANCE", finding.get("subject").asText());
    assertEquals("Order of the Minister of Internal Affairs of the RK No. 992 of 4 December 2015, Annex 1-1, item 8, "
        + "paragraph 3", finding.get("citation").get("en").asText());
    assertEquals("Приказ Министра внутренних дел РК от 4 декабря 2015 года № 992, приложение 1-1, пункт 8, абзац 3",
        finding.get("citation").get("ru").asText());
    assertEquals("Қазақстан Республикасы Ішкі істер министрінің 2015 жылғы 4 желтоқсандағы № 992 бұйрығы, 1-1-қосымша, "
        + "8-тармақ, 3-абзац", finding.get("citation").get("kk").asText());
    assertEquals("Missing: Copy of health insurance.", finding.get("message").get("en").asText());
    assertTrue(finding.get("message").get("kk").asText().startsWith("Құжат ұсынылмаған: "), finding.toString());
    assertTrue(finding.get("message").get("ru").asText().startsWith("Не представлен документ: "), finding.toString());
  }

  @Test
  void check_jsonReport_oneResultPerLine_andOnlyTheLanguageAskedFor() throws IOException {
    CliRun run = check("--format", "json", "--lang", "ru", "catalogue/examples/trp-family-incomplete.json",
        "catalogue/examples/trp-work-complete.json");
    assertEquals(1, run.exit(), run.err());
    String[] lines = run.out().split("\n", -1);
    assertEquals(5, lines.length, run.out());
    assertEquals("{\"format\":\"talap-check/1\",\"catalogue_version\":\"2026.1\",\"language\":\"ru\",\"results\":[",
        lines[0]);
    assertEquals("{\"source\":\"catalogue/examples/trp-family-incomplete.json\",\"id\":\"trp-family-incomplete\","
        + "\"service\":\"TRP\",\"subtype\":\"TRP_FAMILY\",\"channel\":\"PROVIDER\",\"recipient\":\"INDIVIDUAL\","
        + "\"submitted_at\":\"2026-03-06T10:00\",\"verdict\":\"incomplete\",\"applicant_set\":\"STANDARD\","
        + "\"findings\":[{\"severity\":\"error\",\"kind\":\"MISSING_DOCUMENT\",\"subject\":\"TRP_REQ_HEALTH_INSURANCE\","
        + "\"document\":\"TRP_HEALTH_INSURANCE\",\"citation\":{\"ru\":\"Приказ Министра внутренних дел РК от 4 декабря "
        + "2015 года № 992, приложение 1-1, пункт 8, абзац 3\"},\"message\":{\"ru\":\"Не представлен документ: Копия "
        + "медицинской страховки.\"}}]},", lines[1]);
    assertTrue(lines[2].startsWith("{\"source\":\"catalogue/examples/trp-work-complete.json\","), lines[2]);
    assertTrue(lines[2].contains(",\"due\":{\"term\":\"TRP_TERM_SERVICE\",\"amount\":1,\"unit\":\"WORKING_DAYS\","
        + "\"received\":\"2026-03-20\",\"date\":\"2026-03-26\",\"citation\":{\"ru\":\"Приказ Министра внутренних дел "
        + "РК от 4 декабря 2015 года № 992, приложение 1-1, пункт 3; Гражданский кодекс Республики Казахстан (Общая "
        + "часть), статьи 176-178\"}},\"findings\":[]}"), lines[2]);
    assertEquals("],\"summary\":{\"total\":2,\"complete\":1,\"incomplete\":1,\"not_accepted\":0,\"input_errors\":0}}",
        lines[3]);
    assertEquals("", lines[4]);
    // Without --lang the same report gives every language, still one result per line.
    CliRun all = check("--format", "json", "catalogue/examples/trp-family-incomplete.json");
    String[] three = all.out().split("\n");
    assertEquals("{\"format\":\"talap-check/1\",\"catalogue_version\":\"2026.1\",\"results\":[", three[0]);
    assertTrue(three[1].contains("\"message\":{\"kk\":\"Құжат ұсынылмаған: "), three[1]);
    assertTrue(three[1].endsWith(",\"en\":\"Missing: Copy of health insurance.\"}}]}"), three[1]);
  }

  @Test
  void check_jsonLines_aLineThatIsNotUtf8_isReportedAndTheRestChecked() throws IOException {
    String good = Files.readString(Path.of("catalogue/examples/trp-work-complete.json")).replace("\n", " ");
    byte[] bad = good.replace("trp-work-complete", "bad\u0436").getBytes(StandardCharsets.UTF_8);
    int zhe = new String(bad, StandardCharsets.UTF_8).indexOf('\u0436');
    bad[new String(bad, StandardCharsets.UTF_8).substring(0, zhe).getBytes(StandardCharsets.UTF_8).length + 1] = 'x';
    java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
    batch.writeBytes((good + "\r\n").getBytes(StandardCharsets.UTF_8));
    batch.writeBytes(bad);
    batch.writeBytes(("\r\n\n" + good).getBytes(StandardCharsets.UTF_8));
    Path file = Files.write(dir.resolve("mixed.jsonl"), batch.toByteArray());
    CliRun run = check("--format", "json", "--lang", "en", file.toString());
    assertEquals(2, run.exit(), run.err());
    assertEquals(file + ":2: not UTF-8 text\n", run.err());
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertEquals(file + ":1", report.get("results").get(0).get("source").asText());
    assertEquals("complete", report.get("results").get(0).get("verdict").asText());
    assertEquals(file + ":2", report.get("results").get(1).get("source").asText());
    assertEquals("input_error", report.get("results").get(1).get("verdict").asText());
    assertEquals(file + ":4", report.get("results").get(2).get("source").asText());
    assertEquals("complete", report.get("results").get(2).get("verdict").asText());
    assertEquals("{\"total\":3,\"complete\":2,\"incomplete\":0,\"not_accepted\":0,\"input_errors\":1}",
        report.get("summary").toString());
  }

  @Test
  void check_emptyBatch_jsonReportStillOneDocument() throws IOException {
    Path empty = Files.writeString(dir.resolve("none.jsonl"), "\n\n");
    CliRun run = check("--format", "json", "--lang", "en", empty.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("{\"format\":\"talap-check/1\",\"catalogue_version\":\"2026.1\",\"language\":\"en\",\"results\":[],"
        + "\"summary\":{\"total\":0,\"complete\":0,\"incomplete\":0,\"not_accepted\":0,\"input_errors\":0}}\n",
        run.out());
  }

  @Test
  void check_malformedJson_givesLineAndColumn() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.json"),
        "{\n  \"service\": \"TRP\",\n  \"subtype\": \"TRP_WORK\"\n  \"channel\": \"PROVIDER\"\n}\n");
    CliRun run = check(file.toString());
    assertEquals(2, run.exit());
    assertEquals(file + ":4:3: malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma to "
        + "separate Object entries\n", run.err());
    assertFalse(run.err().contains("Exception"));
  }

  @Test
  void check_truncatedJson_saysWhereTheObjectStarted() throws IOException {
    Path file = Files.writeString(dir.resolve("cut.json"), "{\"service\": \"TRP\"\n");
    CliRun run = check(file.toString());
    assertEquals(2, run.exit());
    assertEquals(file + ":2:1: malformed JSON: Unexpected end-of-input: expected close marker for Object (start "
        + "marker at line 1, column 1)\n", run.err());
  }

  @Test
  void check_inputErrors_nameThePathAndAreNotFindings() throws IOException {
    Path file = Files.writeString(dir.resolve("codes.json"), """
        {"service": "TRP", "subtype": "TRP_WORK", "channel": "PROVIDER", "submitted_at": "2026-03-20T10:00",
         "facts": {"citizenship": "UZ", "owns_housing": "yes", "pet": true},
         "documents": [{"code": "PASPORT"}, {"code": "TRP_HEALTH_INSURANCE", "issued_on": "01.02.2026"}]}
        """);
    CliRun run = check(file.toString());
    assertEquals(2, run.exit());
    String[] lines = run.err().split("\n");
    assertEquals(file + ": $.facts.owns_housing: expected true or false, got \"yes\"", lines[0]);
    assertTrue(lines[1].startsWith(file + ": $.facts.pet: unknown fact 'pet' (declared facts: age, "), lines[1]);
    assertEquals(file + ": $.facts: missing fact 'birth_date' (Date of birth)", lines[2]);
    assertEquals(file + ": $.documents[0].code: unknown document 'PASPORT' (see the Documents sheet or "
        + "'talap schema')", lines[3]);
    assertEquals(file + ": $.documents[1].issued_on: expected a date YYYY-MM-DD, got \"01.02.2026\"", lines[4]);
    assertEquals(5, lines.length, run.err());
  }

  @Test
  void check_unknownServiceAndBadDateTime() throws IOException {
    Path file = Files.writeString(dir.resolve("s.json"),
        "{\"service\": \"VISA\", \"channel\": \"PROVIDER\", \"submitted_at\": \"2026-02-30T10:00\", \"facts\": {}}");
    CliRun run = check(file.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith(file + ": $.service: unknown service 'VISA' (known: IT_PILOT, PRP, PRP_PILOT, RP_CARD, TRP)\n" + file
        + ": $.submitted_at: expected a date-time YYYY-MM-DDTHH:MM (Asia/Almaty), got \"2026-02-30T10:00\"\n"),
        run.err());
  }

  @Test
  void check_jsonLines_checksTheRestAndReportsLineNumbers() throws IOException {
    String good = Files.readString(Path.of("catalogue/examples/prp-complete.json")).replace("\n", " ");
    String incomplete = Files.readString(Path.of("catalogue/examples/prp-portal-incomplete.json"))
        .replace("\n", " ");
    Path file = Files.writeString(dir.resolve("batch.jsonl"),
        good + "\n{\"service\": \"PRP\",\n\n[1, 2]\n" + incomplete + "\n");
    CliRun run = check("--format", "json", file.toString());
    assertEquals(2, run.exit(), "input errors win over incomplete");
    assertEquals(file + ":2:19: malformed JSON: Unexpected end-of-input within/between Object entries\n" + file + ":4: $: expected a JSON object, got a list\n", run.err());
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertEquals("{\"total\":4,\"complete\":1,\"incomplete\":1,\"not_accepted\":0,\"input_errors\":2}",
        report.get("summary").toString());
    assertEquals(file + ":5", report.get("results").get(3).get("source").asText());
  }

  @Test
  void check_onlyCompleteSubmissions_exitZero_andMissingFilesExitTwo() {
    assertEquals(0, check("catalogue/examples/prp-complete.json", "catalogue/examples/trp-study-complete.json")
        .exit());
    CliRun run = check("catalogue/examples/prp-complete.json", dir.resolve("nope.json").toString());
    assertEquals(2, run.exit());
    assertEquals(dir.resolve("nope.json") + ": file not found\n", run.err());
    assertTrue(run.out().endsWith(
        "Submissions: 2; complete: 1; incomplete: 0; cannot be accepted: 0; not checked (input errors): 1\n"),
        run.out());
  }

  @Test
  void check_html_escapesHostileTextAndWritesAtomically() throws IOException {
    String text = Files.readString(Path.of("catalogue/examples/prp-complete.json"))
        .replace("\"id\": \"prp-complete\"", "\"id\": \"<script>alert(1)</script>\"");
    Path file = Files.writeString(dir.resolve("x.json"), text);
    Path report = dir.resolve("report.html");
    CliRun run = check("--format", "html", "--lang", "ru", "--out", report.toString(), file.toString());
    assertEquals(0, run.exit(), run.err());
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    assertTrue(html.contains("<html lang=\"ru\">"), html);
    assertTrue(html.contains("(&lt;script&gt;alert(1)&lt;/script&gt;)"), html);
    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("<dd class=\"verdict-complete\">комплект полный</dd>"), html);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("report.html", "x.json"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void check_brokenTemplate_namesTheLineAndKeepsThePreviousReport() throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("check.ftlh"), "<html>\n<p>${labels.title}</p>\n<#list results as r>\n");
    Path report = Files.writeString(dir.resolve("report.html"), "previous");
    CliRun run = check("--format", "html", "--templates", templates.toString(), "--out", report.toString(),
        "catalogue/examples/prp-complete.json");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("talap check: " + templates.resolve("check.ftlh") + ":3: "), run.err());
    assertEquals("previous", Files.readString(report));
  }

  @Test
  void check_progressBar_drawsToTheErrorStream() throws IOException {
    String line = Files.readString(Path.of("catalogue/examples/trp-work-complete.json")).replace("\n", " ");
    Path file = Files.writeString(dir.resolve("many.jsonl"), (line + "\n").repeat(CheckCommand.PROGRESS_FROM));
    CliRun run = check("--progress", "--format", "json", file.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains("\rchecking [###############               ] 50% 100/200"), run.err());
    assertTrue(run.err().endsWith("\rchecking [##############################] 100% 200/200\n"), run.err());
  }

  @Test
  void check_usageErrors() {
    assertEquals("talap check: unknown language 'de' (expected kk, ru or en)\n",
        check("--lang", "de", "catalogue/examples").err());
    assertEquals("talap check: unknown format 'pdf' (expected text, json or html)\n",
        check("--format", "pdf", "catalogue/examples").err());
    CliRun none = check();
    assertEquals(2, none.exit());
    assertEquals("talap check: no submissions given (expected .json or .jsonl files, or folders)\n", none.err());
  }

  @Test
  void schema_printsTheSubmissionSchema() {
    CliRun run = CliRun.of("schema", "--as-of", AS_OF);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("{\n  \"$schema\" : \"https://json-schema.org/draft/2020-12/schema\",\n"
        + "  \"$id\" : \"urn:talap:talap-submission:1:2026.1\",\n"), run.out());
  }

  @Test
  void bench_printsSubmissionsPerSecond() throws IOException {
    Path file = dir.resolve("bench.jsonl");
    CliRun run = CliRun.of("bench", "--count", "300", "--rounds", "1", "--file", file.toString(), "--in-process",
        "--workbooks", "2", "--services", "4", "--requirements", "40", "--national",
        dir.resolve("national").toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(300, Files.readAllLines(file).size());
    assertTrue(run.out().startsWith("National catalogue: 2 workbooks (and the shipped reference.xlsx), 4 services, "
        + "40 requirement rows in "), run.out());
    assertTrue(run.out().contains("\nGenerated 300 submissions ("), run.out());
    assertTrue(run.out().contains("\n| measure "), run.out());
    assertTrue(run.out().contains("\n| compile shipped (s) "), run.out());
    // Each size of the national catalogue is compiled once: 1 workbook, then both, then growth per workbook.
    assertEquals(1, run.out().split("\n\\| compile national, 1 workbook \\(s\\) ", -1).length - 1, run.out());
    assertEquals(1, run.out().split("\n\\| compile national, 2 workbooks \\(s\\) ", -1).length - 1, run.out());
    assertTrue(run.out().contains("\n| compile time per workbook, 2 vs 1 (s) "), run.out());
    assertTrue(run.out().contains("\n| publish national (pages/s) "), run.out());
    assertTrue(run.out().contains("\n| publish time per page, 2 vs 1 workbook (ms) "), run.out());
    assertTrue(run.out().contains("\nSummary: plain Jackson "), run.out());
    // The generator mixes complete, incomplete and invalid-free input: every line must be readable.
    assertTrue(run.out().contains(", 0 input errors\n"), run.out());
  }
}

package kz.talap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kz.talap.account.Account;
import kz.talap.cli.Main;
import kz.talap.journal.Journal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API through a real client against a server on an ephemeral port: every endpoint and error class. */
class ServerApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Limits LIMITS = new Limits(64 * 1024, 256 * 1024, 5, Duration.ofSeconds(2));
  private static Server server;
  private static Http http;
  private static Journal journal;
  private static String token;
  @TempDir
  static Path folder;

  @BeforeAll
  static void start() throws Exception {
    journal = Http.journal(folder);
    server = Http.shipped(LIMITS, journal);
    token = Http.token(journal, "intake", Account.Role.CLERK, "ALM-01");
    http = new Http(server.port(), token);
  }

  @AfterAll
  static void stop() {
    server.close();
    journal.close();
  }

  private static String example(String name) throws Exception {
    return Files.readString(Path.of("catalogue/examples", name));
  }

  private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json; charset=utf-8",
        response.headers().firstValue("Content-Type").orElseThrow().replace(";charset", "; charset"));
    JsonNode body = JSON.readTree(response.body());
    assertEquals(status, body.get("status").asInt());
    assertEquals("2026.1", body.get("catalogue_version").asText());
    assertEquals(server.hash(), body.get("release").asText());
    assertFalse(response.body().contains("Exception"), response.body());
    return body;
  }

  @Test
  void status_namesVersionAndReleaseInHeadersAndBody() throws Exception {
    HttpResponse<String> response = http.get("/api/v1/status");
    assertEquals(200, response.statusCode());
    assertEquals("2026.1", response.headers().firstValue(Server.VERSION_HEADER).orElseThrow());
    assertTrue(server.hash().matches("[0-9a-f]{64}"), server.hash());
    assertEquals("preview-" + server.hash(), response.headers().firstValue(Server.RELEASE_HEADER).orElseThrow());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("ok", body.get("status").asText());
    assertEquals(server.hash(), body.get("release").asText());
    assertEquals(0, body.get("last_attempt").get("diagnostics").size());
  }

  @Test
  void check_incompleteSubmission_givesTheFindingInTheAskedLanguage() throws Exception {
    HttpResponse<String> response = http.post("/api/v1/check?lang=ru", "application/json",
        example("trp-family-incomplete.json"));
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("ru", response.headers().firstValue("Content-Language").orElseThrow());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("talap-check/1", body.get("format").asText());
    JsonNode result = body.get("results").get(0);
    assertEquals("incomplete", result.get("verdict").asText());
    JsonNode finding = result.get("findings").get(0);
    assertEquals("MISSING_DOCUMENT", finding.get("kind").asText());
    assertEquals("TRP_HEALTH_INSURANCE", finding.get("document").asText());
    assertEquals("Не представлен документ: Копия медицинской страховки.", finding.get("text").asText());
    assertEquals("Missing: Copy of health insurance.", finding.get("message").get("en").asText());
    assertEquals("Order of the Minister of Internal Affairs of the RK No. 992 of 4 December 2015, Annex 1-1, item 8, "
        + "paragraph 3", finding.get("citation").get("en").asText());
    assertEquals("Приказ Министра внутренних дел РК от 4 декабря 2015 года № 992, приложение 1-1, пункт 8, абзац 3",
        finding.get("citation").get("ru").asText());
  }

  @Test
  void check_completeSubmission_givesTheDueDate() throws Exception {
    HttpResponse<String> response = http.post("/api/v1/check", "application/json; charset=utf-8",
        example("trp-work-complete.json"));
    JsonNode result = JSON.readTree(response.body()).get("results").get(0);
    assertEquals("complete", result.get("verdict").asText());
    assertEquals("2026-03-26", result.get("due").get("date").asText());
    assertFalse(result.get("findings").toString().contains("\"text\""));
    assertEquals(1, JSON.readTree(response.body()).get("summary").get("complete").asInt());
  }

  @Test
  void check_malformedJson_isRefusedWithLineAndColumn() throws Exception {
    JsonNode body = problem(http.post("/api/v1/check", "application/json",
        "{\n  \"service\": \"TRP\",\n  \"channel\" \"PROVIDER\"\n}"), 400);
    assertEquals("urn:talap:problem:malformed-json", body.get("type").asText());
    JsonNode error = body.get("errors").get(0);
    assertEquals(3, error.get("line").asInt());
    assertEquals(13, error.get("column").asInt());
    assertTrue(error.get("message").asText().startsWith("3:13: malformed JSON: Unexpected character ('\"' (code 34)):"
        + " was expecting a colon to separate field name and value"), error.toString());
  }

  @Test
  void check_unknownCode_isRefusedWithItsJsonPath() throws Exception {
    String text = example("trp-work-complete.json").replace("\"TRP_APPLICATION_FORM\"", "\"TRP_APPLICATON_FORM\"");
    JsonNode body = problem(http.post("/api/v1/check", "application/json", text), 422);
    assertEquals("urn:talap:problem:invalid-submission", body.get("type").asText());
    JsonNode error = body.get("errors").get(0);
    assertEquals("$.documents[0].code", error.get("pointer").asText());
    assertEquals("$.documents[0].code: unknown document 'TRP_APPLICATON_FORM' — did you mean "
        + "'TRP_APPLICATION_FORM' or 'IT_APPLICATION_FORM'?", error.get("message").asText());
  }

  @Test
  void check_unknownCodeWithLang_isRefusedInThatLanguageWithAStableCode() throws Exception {
    String text = example("trp-work-complete.json").replace("\"TRP_APPLICATION_FORM\"", "\"TRP_APPLICATON_FORM\"");
    for (String[] lang : new String[][] {
        {"ru", "Заявление не согласуется с каталогом", "$.documents[0].code: неизвестный документ "
            + "'TRP_APPLICATON_FORM' — возможно, имелось в виду 'TRP_APPLICATION_FORM' или 'IT_APPLICATION_FORM'?"},
        {"kk", "Өтініш каталогқа сай келмейді", "$.documents[0].code: белгісіз 'TRP_APPLICATON_FORM' құжаты — "
            + "'TRP_APPLICATION_FORM' немесе 'IT_APPLICATION_FORM' деп жазғыңыз келді ме?"},
        {"en", "The submission does not fit the catalogue", "$.documents[0].code: unknown document "
            + "'TRP_APPLICATON_FORM' — did you mean 'TRP_APPLICATION_FORM' or 'IT_APPLICATION_FORM'?"}}) {
      JsonNode body = problem(http.post("/api/v1/check?lang=" + lang[0], "application/json", text), 422);
      assertEquals(lang[1], body.get("title").asText());
      JsonNode error = body.get("errors").get(0);
      assertEquals(lang[2], error.get("message").asText());
      assertEquals("submission.unknown-document-near", error.get("code").asText());
    }
  }

  @Test
  void check_unknownLanguage_isRefused() throws Exception {
    JsonNode body = problem(http.post("/api/v1/check?lang=de", "application/json", example("trp-work-complete.json")),
        400);
    assertEquals("lang: unknown language 'de' (expected kk, ru or en)", body.get("detail").asText());
  }

  @Test
  void check_wrongMediaType_isRefused() throws Exception {
    JsonNode body = problem(http.post("/api/v1/check", "text/plain", example("trp-work-complete.json")), 415);
    assertEquals("Content-Type 'text/plain' is not accepted; send application/json", body.get("detail").asText());
  }

  @Test
  void check_oversizeBody_isRefusedBeforeReading() throws Exception {
    String big = "{\"id\": \"" + "x".repeat(70_000) + "\"}";
    JsonNode body = problem(http.post("/api/v1/check", "application/json", big), 413);
    assertEquals("the body has 70010 bytes; at most 65536 bytes are accepted", body.get("detail").asText());
  }

  @Test
  void check_bodyThatStopsArriving_isRefusedAfterTheTimeLimit() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Authorization: Bearer " + token + "\r\n"
          + "Content-Length: 100\r\n\r\n{\"service\":").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
      assertTrue(answer.contains("the request body did not arrive within 2 s"), answer);
    }
  }

  @Test
  void batch_checksEveryLineAndStreamsOneResultPerLine() throws Exception {
    String complete = example("trp-work-complete.json").replace("\n", " ");
    String unknown = complete.replace("\"TRP_WORK\"", "\"TRP_WRK\"");
    String body = complete + "\n{\"service\": \n\n" + unknown + "\n";
    HttpResponse<String> response = http.post("/api/v1/check/batch?lang=kk", "application/x-ndjson", body);
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/x-ndjson; charset=utf-8",
        response.headers().firstValue("Content-Type").orElseThrow().replace(";charset", "; charset"));
    List<String> lines = response.body().lines().toList();
    assertEquals(3, lines.size(), response.body());
    JsonNode first = JSON.readTree(lines.get(0));
    assertEquals("line 1", first.get("source").asText());
    assertEquals("complete", first.get("verdict").asText());
    JsonNode second = JSON.readTree(lines.get(1));
    assertEquals("line 2", second.get("source").asText());
    assertEquals("input_error", second.get("verdict").asText());
    // In the batch's language (?lang=kk); the JSON parser's own description stays in English.
    assertEquals("2:13: JSON қате: Unexpected end-of-input within/between Object entries",
        second.get("input_errors").get(0).asText());
    JsonNode third = JSON.readTree(lines.get(2));
    assertEquals("line 4", third.get("source").asText());
    // The batch was sent with ?lang=kk: the input error is in Kazakh too.
    assertEquals("4: $.subtype: TRP қызметінің белгісіз 'TRP_WRK' кіші түрі — 'TRP_WORK' деп жазғыңыз келді ме?",
        third.get("input_errors").get(0).asText(), third.toString());
  }

  @Test
  void batch_longerThanTheLimit_isRefused() throws Exception {
    String line = example("trp-work-complete.json").replace("\n", " ") + "\n";
    JsonNode body = problem(http.post("/api/v1/check/batch", "application/x-ndjson", line.repeat(6)), 413);
    assertEquals("urn:talap:problem:batch-too-long", body.get("type").asText());
    assertEquals("the batch holds 6 submissions; at most 5 are checked per request", body.get("detail").asText());
  }

  @Test
  void batch_asPlainJson_isRefused() throws Exception {
    JsonNode body = problem(http.post("/api/v1/check/batch", "application/json", "{}"), 415);
    assertEquals("Content-Type 'application/json' is not accepted; send application/x-ndjson (JSON Lines)",
        body.get("detail").asText());
  }

  @Test
  void services_listsTheServicesInForceWithTheirSubtypes() throws Exception {
    JsonNode body = JSON.readTree(http.get("/api/v1/services?as_of=2026-11-21").body());
    assertEquals("2026-11-21", body.get("as_of").asText());
    JsonNode trp = null;
    for (JsonNode service : body.get("services")) {
      trp = service.get("code").asText().equals("TRP") ? service : trp;
    }
    assertEquals("IN_FORCE", trp.get("status").asText());
    assertEquals("TRP_WORK", trp.get("subtypes").findValuesAsText("code").stream()
        .filter("TRP_WORK"::equals).findFirst().orElseThrow());
  }

  @Test
  void service_subtype_givesItsChecklistData() throws Exception {
    JsonNode body = JSON.readTree(http.get("/api/v1/services/TRP_WORK?as_of=2026-11-21").body());
    assertEquals("TRP", body.get("service").get("code").asText());
    assertEquals("TRP_WORK", body.get("subtype").get("code").asText());
    JsonNode insurance = null;
    for (JsonNode document : body.get("documents")) {
      if (document.get("requirement").asText().equals("TRP_REQ_HEALTH_INSURANCE")) {
        insurance = document;
      }
    }
    assertEquals("Копия медицинской страховки", insurance.get("name").get("ru").asText());
    assertEquals("Order of the Minister of Internal Affairs of the RK No. 992 of 4 December 2015, Annex 1-1, item 8, "
        + "paragraph 3", insurance.get("citation").get("en").asText());
  }

  @Test
  void service_unknownCode_isRefusedWithTheKnownCodes() throws Exception {
    JsonNode body = problem(http.get("/api/v1/services/TRP_WRK?as_of=2026-11-21"), 404);
    assertTrue(body.get("detail").asText().startsWith("no service or sub-type 'TRP_WRK' in force on 2026-11-21 "
        + "(known: "), body.toString());
    assertTrue(body.get("detail").asText().contains("TRP_WORK"));
  }

  @Test
  void service_badDate_isRefused() throws Exception {
    JsonNode body = problem(http.get("/api/v1/services/TRP?as_of=21.11.2026"), 400);
    assertEquals("as_of: expected a date YYYY-MM-DD, got '21.11.2026'", body.get("detail").asText());
  }

  @Test
  void schema_isWhatTalapSchemaPrints() throws Exception {
    HttpResponse<String> response = http.get("/api/v1/schema");
    assertEquals(200, response.statusCode());
    StringWriter out = new StringWriter();
    assertEquals(0, new Main(new PrintWriter(out), new PrintWriter(new StringWriter())).run("schema"));
    assertEquals(out.toString(), response.body());
  }

  @Test
  void due_countsOnTheWorkingCalendar() throws Exception {
    JsonNode body = JSON.readTree(http.get("/api/v1/due?service=TRP&at=2026-03-20T11:30").body());
    assertEquals("2026-03-20", body.get("received").asText());
    assertEquals("2026-03-26", body.get("due").asText());
    JsonNode prp = JSON.readTree(http.get("/api/v1/due?service=PRP&at=2026-04-02T10:00").body());
    assertEquals("2026-05-18", prp.get("due").asText());
  }

  @Test
  void due_badInput_isRefused() throws Exception {
    assertEquals("at: expected YYYY-MM-DDTHH:MM or YYYY-MM-DD, got '20.03.2026'",
        problem(http.get("/api/v1/due?service=TRP&at=20.03.2026"), 400).get("detail").asText());
    assertTrue(problem(http.get("/api/v1/due?service=XYZ&at=2026-03-20"), 404).get("detail").asText()
        .startsWith("service: unknown service 'XYZ' on 2026-03-20 (known: "));
  }

  @Test
  void problems_areSaidInTheLanguageOfLang_withAStableCode() throws Exception {
    assertProblem(problem(http.get("/api/v1/nothing?lang=ru"), 404), "Страница не найдена",
        "адрес GET /api/v1/nothing не существует", "server.no-route");
    assertProblem(problem(http.get("/api/v1/check?lang=kk"), 405), "Әдіске рұқсат жоқ",
        "/api/v1/check үшін GET әдісіне рұқсат жоқ", "server.method-not-allowed");
    assertProblem(problem(http.get("/api/v1/check?lang=en"), 405), "Method not allowed",
        "GET is not allowed on /api/v1/check", "server.method-not-allowed");
  }

  /** A problem's title, detail and code, exactly. */
  private static void assertProblem(JsonNode problem, String title, String detail, String code) {
    assertEquals(title, problem.get("title").asText());
    assertEquals(detail, problem.get("detail").asText());
    assertEquals(code, problem.get("code").asText());
  }

  @Test
  void badParameter_andUnknownServiceInThePath_inEachLanguage() throws Exception {
    assertProblem(problem(http.get("/api/v1/services/TRP?as_of=21.11.2026&lang=ru"), 400), "Неверная дата",
        "as_of: ожидается дата в формате ГГГГ-ММ-ДД, получено '21.11.2026'", "server.bad-as-of");
    assertProblem(problem(http.get("/api/v1/services/TRP?as_of=21.11.2026&lang=kk"), 400), "Күн қате",
        "as_of: ЖЖЖЖ-АА-КК пішіміндегі күн күтіледі, алынғаны: '21.11.2026'", "server.bad-as-of");
    JsonNode unknown = problem(http.get("/api/v1/services/TRP_WRK?as_of=2026-11-21&lang=ru"), 404);
    assertEquals("Неизвестная услуга или подвид", unknown.get("title").asText());
    assertTrue(unknown.get("detail").asText().startsWith("услуга или подвид 'TRP_WRK' на 2026-11-21 не действует "
        + "(известные: "), unknown.toString());
    assertEquals("server.unknown-service-or-subtype", unknown.get("code").asText());
  }

  @Test
  void wrongMediaType_inKazakh() throws Exception {
    JsonNode body = problem(http.post("/api/v1/check?lang=kk", "text/plain", example("trp-work-complete.json")), 415);
    assertEquals("Мазмұн түрі қолдау көрсетілмейді", body.get("title").asText());
    assertEquals("Content-Type 'text/plain' қабылданбайды; application/json жіберіңіз", body.get("detail").asText());
    assertEquals("server.content-type-refused", body.get("code").asText());
  }

  @Test
  void counterSignInWithoutTheFormsToken_isRefusedInThePagesLanguage() throws Exception {
    HttpResponse<String> response = http.post("/counter/ru/login", "application/x-www-form-urlencoded",
        "name=clerk&password=x");
    assertEquals(403, response.statusCode(), response.body());
    assertTrue(response.body().startsWith("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
        + "<title>403 Срок действия формы истёк</title>"), response.body());
    assertTrue(response.body().contains("<h1>Срок действия формы истёк</h1><p>защитный код формы отсутствует или не "
        + "совпадает; откройте страницу заново и отправьте форму ещё раз</p>"), response.body());
    HttpResponse<String> kk = http.post("/counter/kk/login", "application/x-www-form-urlencoded", "name=clerk");
    assertTrue(kk.body().contains("<h1>Нысанның мерзімі өтіп кетті</h1><p>нысанның қорғау коды жоқ немесе сәйкес "
        + "келмейді; бетті қайта ашып, нысанды қайта жіберіңіз</p>"), kk.body());
  }

  @Test
  void unknownRoute_andWrongMethod_areProblems() throws Exception {
    assertEquals("no route GET /api/v1/nothing", problem(http.get("/api/v1/nothing"), 404).get("detail").asText());
    assertEquals("GET is not allowed on /api/v1/check",
        problem(http.get("/api/v1/check"), 405).get("detail").asText());
  }

  @Test
  void openApi_isAValidOpenApi31DocumentWithTheCatalogueCodes() throws Exception {
    HttpResponse<String> response = http.get("/api/openapi.json");
    assertEquals(200, response.statusCode());
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body(), null, options);
    assertEquals(List.of(), parsed.getMessages());
    assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());
    assertTrue(parsed.getOpenAPI().getPaths().keySet().containsAll(List.of("/api/v1/check", "/api/v1/check/batch",
        "/api/v1/services", "/api/v1/services/{code}", "/api/v1/schema", "/api/v1/due", "/api/v1/status")));
    JsonNode document = JSON.readTree(response.body());
    JsonNode codes = document.at("/paths/~1api~1v1~1services~1{code}/get/parameters/0/schema/enum");
    assertTrue(codes.toString().contains("\"TRP_WORK\""), codes.toString());
    assertTrue(document.at("/components/schemas/Submission/properties/documents/items/properties/code/enum")
        .toString().contains("\"TRP_HEALTH_INSURANCE\""));
  }

  @Test
  void everyResponse_carriesTheSecurityHeaders() throws Exception {
    for (String path : List.of("/api/v1/status", "/counter/ru/", "/nothing")) {
      HttpResponse<String> response = http.get(path);
      String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertFalse(csp.contains("unsafe-inline"), csp);
      assertTrue(csp.contains("default-src 'none'"), csp);
      assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
      assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElseThrow());
      assertEquals("2026.1", response.headers().firstValue(Server.VERSION_HEADER).orElseThrow());
    }
  }
}

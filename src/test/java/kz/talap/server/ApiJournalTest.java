package kz.talap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kz.talap.account.Account;
import kz.talap.account.Accounts;
import kz.talap.journal.CheckRecord;
import kz.talap.journal.Journal;
import kz.talap.journal.JournalQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's sign-in (bearer tokens) and its journal: every check is recorded before it is answered. */
class ApiJournalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Limits LIMITS = new Limits(64 * 1024, 256 * 1024, 5, Duration.ofSeconds(5));

  @TempDir
  Path folder;

  private static String example(String name) throws Exception {
    return Files.readString(Path.of("catalogue/examples", name));
  }

  @Test
  void everyEndpoint_withoutAToken_is401_andAnUnknownToken_too() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http anonymous = new Http(server.port());
      for (String path : List.of("/api/v1/status", "/api/v1/services", "/api/v1/services/TRP", "/api/v1/schema",
          "/api/v1/due?service=TRP&at=2026-03-20", "/api/openapi.json", "/api/v1/nothing")) {
        HttpResponse<String> response = anonymous.get(path);
        assertEquals(401, response.statusCode(), path);
        assertEquals("Bearer realm=\"talap\"", response.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals("send the API client's token in the header 'Authorization: Bearer <token>' (talap token add)",
            JSON.readTree(response.body()).get("detail").asText());
      }
      HttpResponse<String> check = anonymous.post("/api/v1/check", "application/json",
          example("trp-work-complete.json"));
      assertEquals(401, check.statusCode());
      assertFalse(check.body().contains("verdict"), check.body());
      assertEquals(401, anonymous.post("/api/v1/check/batch", "application/x-ndjson", "{}\n").statusCode());
      HttpResponse<String> forged = new Http(server.port(), "talap_" + "A".repeat(43)).get("/api/v1/status");
      assertEquals(401, forged.statusCode());
      assertEquals("the token is unknown or revoked; ask an admin for a new one (talap token add)",
          JSON.readTree(forged.body()).get("detail").asText());
      assertEquals(0, journal.count(JournalQuery.all()));
    }
  }

  @Test
  void revokedToken_is401() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http http = new Http(server.port(), Http.token(journal, "kiosk", Account.Role.CLERK, "ALM-01"));
      assertEquals(200, http.get("/api/v1/status").statusCode());
      new Accounts(journal.accounts()).revokeClient("kiosk");
      assertEquals(401, http.get("/api/v1/status").statusCode());
    }
  }

  @Test
  void check_isInTheJournalWithItsAnswer_andARetryReturnsTheStoredAnswer() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http http = new Http(server.port(), Http.token(journal, "intake", Account.Role.CLERK, "ALM-01"));
      String submission = example("trp-family-incomplete.json");
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/check"))
          .header("Content-Type", "application/json").header("Idempotency-Key", "desk-7.0001")
          .POST(HttpRequest.BodyPublishers.ofString(submission));
      HttpResponse<String> first = http.send(request);
      assertEquals(200, first.statusCode(), first.body());
      assertEquals("intake:desk-7.0001", first.headers().firstValue("Talap-Check-Id").orElseThrow());

      CheckRecord stored = journal.get("intake:desk-7.0001").orElseThrow();
      assertEquals("ALM-01", stored.office());
      assertEquals(Account.Kind.CLIENT, stored.actorKind());
      assertEquals("intake", stored.actor());
      assertEquals("2026.1", stored.catalogueVersion());
      assertEquals(server.hash(), stored.releaseHash());
      assertEquals("TRP", stored.service());
      assertEquals("incomplete", stored.verdict());
      assertEquals(submission, stored.submission());
      assertEquals(first.body(), stored.result());
      JsonNode answer = JSON.readTree(first.body()).get("results").get(0);
      assertFalse(answer.has("due"));
      assertTrue(stored.due().isEmpty());

      HttpResponse<String> retry = http.send(request);
      assertEquals(200, retry.statusCode(), retry.body());
      assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElseThrow());
      assertEquals(first.body(), retry.body());
      assertEquals(1, journal.count(JournalQuery.all()));

      HttpResponse<String> other = http.post("/api/v1/check", "application/json", example("trp-work-complete.json"));
      assertEquals(200, other.statusCode());
      String id = other.headers().firstValue("Talap-Check-Id").orElseThrow();
      CheckRecord complete = journal.get(id).orElseThrow();
      assertEquals("complete", complete.verdict());
      assertEquals(JSON.readTree(other.body()).get("results").get(0).get("due").get("date").asText(),
          complete.due().orElseThrow().toString());
      assertEquals(2, journal.count(JournalQuery.all()));
    }
  }

  @Test
  void badIdempotencyKey_is400_andNothingIsRecorded() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http http = new Http(server.port(), Http.token(journal, "intake", Account.Role.CLERK, "ALM-01"));
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/check"))
          .header("Content-Type", "application/json").header("Idempotency-Key", "a b")
          .POST(HttpRequest.BodyPublishers.ofString(example("trp-work-complete.json"))));
      assertEquals(400, response.statusCode());
      assertEquals("Idempotency-Key: use up to 93 letters, digits, '.', '_', ':' or '-'",
          JSON.readTree(response.body()).get("detail").asText());
      assertEquals(0, journal.count(JournalQuery.all()));
    }
  }

  @Test
  void badIdempotencyKey_isRefusedInTheLanguageAsked() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http http = new Http(server.port(), Http.token(journal, "intake", Account.Role.CLERK, "ALM-01"));
      for (String[] expected : new String[][] {
          {"ru", "Неверный Idempotency-Key",
              "Idempotency-Key: используйте не более 93 букв, цифр и знаков '.', '_', ':' или '-'"},
          {"kk", "Idempotency-Key қате",
              "Idempotency-Key: ең көбі 93 әріп, цифр және '.', '_', ':' немесе '-' таңбаларын пайдаланыңыз"}}) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(http.base() + "/api/v1/check?lang=" + expected[0]))
            .header("Content-Type", "application/json").header("Idempotency-Key", "a b")
            .POST(HttpRequest.BodyPublishers.ofString(example("trp-work-complete.json"))));
        assertEquals(400, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(expected[1], body.get("title").asText());
        assertEquals(expected[2], body.get("detail").asText());
        assertEquals("server.bad-idempotency-key", body.get("code").asText());
      }
      assertEquals(0, journal.count(JournalQuery.all()));
    }
  }

  @Test
  void batch_recordsEveryLine() throws Exception {
    try (Journal journal = Http.journal(folder); Server server = Http.shipped(LIMITS, journal)) {
      Http http = new Http(server.port(), Http.token(journal, "intake", Account.Role.CLERK, "ALM-01"));
      String line = example("trp-work-complete.json").replace("\n", " ") + "\n";
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(http.base()
          + "/api/v1/check/batch")).header("Content-Type", "application/x-ndjson").header("Idempotency-Key", "b1")
          .POST(HttpRequest.BodyPublishers.ofString(line + "{\"broken\n" + line)));
      assertEquals(200, response.statusCode(), response.body());
      assertEquals(3, response.body().lines().count());
      assertEquals(2, journal.count(JournalQuery.all()));
      assertEquals("complete", journal.get("intake:b1:0001").orElseThrow().verdict());
      assertEquals("complete", journal.get("intake:b1:0003").orElseThrow().verdict());
    }
  }

  @Test
  void journalDown_is503_withNoVerdict() throws Exception {
    Journal journal = Http.journal(folder);
    try (Server server = Http.shipped(LIMITS, journal)) {
      Http http = new Http(server.port(), Http.token(journal, "intake", Account.Role.CLERK, "ALM-01"));
      journal.close();
      HttpResponse<String> response = http.post("/api/v1/check", "application/json",
          example("trp-work-complete.json"));
      assertEquals(503, response.statusCode(), response.body());
      assertEquals("30", response.headers().firstValue("Retry-After").orElseThrow());
      JsonNode body = JSON.readTree(response.body());
      assertEquals("urn:talap:problem:journal-unavailable", body.get("type").asText());
      assertTrue(body.get("detail").asText().startsWith("cannot read the accounts of the journal jdbc:sqlite:"), body.toString());
      assertTrue(body.get("detail").asText().endsWith("; nothing was checked: send it again when the journal is back"),
          body.toString());
      assertFalse(response.body().contains("verdict"), response.body());
    }
  }
}

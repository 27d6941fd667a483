package kz.talap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import kz.talap.account.Account;
import kz.talap.journal.Journal;
import kz.talap.journal.JournalQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graceful shutdown: a request in flight when the server stops still gets its whole answer; new ones are refused. */
class ShutdownTest {
  // Each line is recorded (and synced) in the journal before it is answered: 400 lines take a second or two, well
  // inside the 10 s that requests in flight get at shutdown even on a loaded machine (1000 took 9-12 s there).
  private static final int LINES = 400;
  @TempDir
  Path folder;

  @Test
  void close_letsTheBatchInFlightFinish_andRefusesNewRequests() throws Exception {
    Journal journal = Http.journal(folder);
    String token = Http.token(journal, "intake", Account.Role.CLERK, "ALM-01");
    Server server = Http.shipped(new Limits(1 << 20, 16 << 20, LINES, Duration.ofSeconds(10)), journal);
    int port = server.port();
    String line = Files.readString(Path.of("catalogue/examples/trp-work-complete.json")).replace("\n", " ") + "\n";
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/check/batch"))
        .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(line.repeat(LINES))).build();
    CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient()
        .sendAsync(request, HttpResponse.BodyHandlers.ofString());
    Thread.sleep(700); // the batch is being checked
    server.close();
    HttpResponse<String> response = answer.get();
    assertEquals(200, response.statusCode());
    assertEquals(LINES, response.body().lines().count());
    assertTrue(response.body().lines().allMatch(l -> l.contains("\"verdict\":\"complete\"")));
    assertThrows(IOException.class, () -> new Http(port).get("/api/v1/status"));
    // Every line answered is in the journal.
    assertEquals(LINES, journal.count(JournalQuery.all()));
    journal.close();
  }
}

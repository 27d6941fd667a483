package kz.talap.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Graceful shutdown: a request in flight when the server stops still gets its answer; new ones are refused. */
class ShutdownTest {

  @Test
  void close_letsTheRequestInFlightFinish_andRefusesNewOnes() throws Exception {
    Server server = Http.shipped(new Limits(1 << 20, 1 << 20, 10, Duration.ofSeconds(10)));
    int port = server.port();
    byte[] body = Files.readString(Path.of("catalogue/examples/trp-work-complete.json"))
        .getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, 10);
      out.flush();
      Thread.sleep(500); // the request is now being read by a handler
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
      Thread.sleep(500);
      out.write(body, 10, body.length - 10);
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
      assertTrue(answer.contains("\"verdict\" : \"complete\""), answer);
      stopping.get();
    }
    assertThrows(IOException.class, () -> new Http(port).get("/api/v1/status"));
  }
}

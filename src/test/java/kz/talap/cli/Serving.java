package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code talap serve} run in-process (Main on its own thread) on a free port; closing interrupts it. */
final class Serving implements AutoCloseable {
  private static final Pattern ADDRESS = Pattern.compile(" at (http://127\\.0\\.0\\.1:\\d+)/");
  private final Thread thread;
  private final StringWriter out;
  private final StringWriter err;
  private final String base;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private Serving(Thread thread, StringWriter out, StringWriter err, String base) {
    this.thread = thread;
    this.out = out;
    this.err = err;
    this.base = base;
  }

  /** Runs {@code talap serve args…} and waits until it names its address. */
  static Serving start(String... args) throws InterruptedException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    Thread thread = new Thread(() -> new Main(new PrintWriter(out), new PrintWriter(err)).run(all), "test-serve");
    thread.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher address = ADDRESS.matcher(out.toString());
      if (address.find()) {
        return new Serving(thread, out, err, address.group(1));
      }
      if (!thread.isAlive()) {
        throw new IllegalStateException("talap serve stopped: " + out + err);
      }
      Thread.sleep(50);
    }
    thread.interrupt();
    throw new IllegalStateException("talap serve did not start in 120 s: " + out + err);
  }

  String out() {
    return out.toString();
  }

  HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String path, String body, String token, String key)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A new API client's token in the journal {@code db}, through {@code talap token add}. */
  static String token(String db) {
    CliRun run = CliRun.of("token", "add", "counter-test", "--role", "clerk", "--office", "ALM-01", "--db", db);
    if (run.exit() != 0) {
      throw new IllegalStateException(run.err());
    }
    String out = run.out();
    return out.substring(out.indexOf("store it now:\n") + "store it now:\n".length()).strip();
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(30_000);
  }
}

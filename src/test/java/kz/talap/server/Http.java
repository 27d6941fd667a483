package kz.talap.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import kz.talap.account.Account;
import kz.talap.account.Accounts;
import kz.talap.journal.Journal;

/** A real HTTP client (java.net.http) for a server on an ephemeral port. */
final class Http {
  private final String base;
  private final String token;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  /** A client without a token. */
  Http(int port) {
    this(port, null);
  }

  /** A client that sends {@code Authorization: Bearer token} with every request. */
  Http(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  /** A server with the shipped catalogue and templates, on a free port of 127.0.0.1, recording in {@code journal}. */
  static Server shipped(Limits limits, Journal journal) throws Server.StartFailure {
    return Server.start(new Server.Settings(Path.of("catalogue"), Path.of("templates"), "127.0.0.1", 0, limits,
        200, true, journal));
  }

  /** A journal in a new SQLite file under {@code folder}. */
  static Journal journal(Path folder) {
    return Journal.open(folder.resolve("talap.db").toString());
  }

  /** A new API client's token, with {@code role} at {@code office}. */
  static String token(Journal journal, String name, Account.Role role, String office) {
    try {
      return new Accounts(journal.accounts()).addClient(name, role, office);
    } catch (Accounts.Problem e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The password of the staff accounts the tests make. */
  static final String PASSWORD = "correct horse battery";

  /** A new member of staff with {@link #PASSWORD}. */
  static void staff(Journal journal, String name, Account.Role role, String office) {
    try {
      new Accounts(journal.accounts()).addStaff(name, role, office, PASSWORD.toCharArray());
    } catch (Accounts.Problem e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Signs in through the login page as a browser would; returns the session cookie ({@code talap_session=…}). */
  String signIn(String name, String password) throws IOException, InterruptedException {
    HttpResponse<String> page = get("/counter/en/login");
    String set = page.headers().firstValue("Set-Cookie").orElseThrow();
    String csrfCookie = set.substring(0, set.indexOf(';'));
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
        .matcher(page.body());
    if (!token.find()) {
      throw new AssertionError("no CSRF token on the login page: " + page.body());
    }
    HttpResponse<String> login = form("/counter/en/login", csrfCookie, "csrf=" + token.group(1) + "&name=" + name
        + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8));
    if (login.statusCode() != 303) {
      throw new AssertionError("login failed: " + login.statusCode() + " " + login.body());
    }
    String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("talap_session="))
        .findFirst().orElseThrow();
    return session.substring(0, session.indexOf(';'));
  }

  String base() {
    return base;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET());
  }

  HttpResponse<String> post(String path, String type, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (type != null) {
      request.header("Content-Type", type);
    }
    return send(request);
  }

  HttpResponse<String> form(String path, String cookie, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", cookie)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}

package kz.talap.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import kz.talap.account.Accounts;
import kz.talap.account.LoginLimiter;
import kz.talap.account.Sessions;
import kz.talap.compile.CompileResult;
import kz.talap.journal.Journal;
import kz.talap.journal.JournalUnavailable;
import kz.talap.json.ApiJson;
import kz.talap.publish.Templates;
import kz.talap.publish.Templates.TemplateProblem;
import kz.talap.source.Diagnostic;
import kz.talap.source.Phrase;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * {@code talap serve}: the counter pages and the HTTP API on one embedded Jetty, serving the catalogue compiled once
 * at start and recompiled in the background when its workbooks change.
 *
 * <p>Every request passes one chain: security headers, the release it is served from (pinned for the whole request
 * and named in the {@code Talap-Catalogue-Version} and {@code Talap-Release} headers), then {@link ApiAccess#guard}
 * (a bearer token) for the API or {@link Counter#guard} (a session, and the CSRF check of every form) for the counter,
 * then its route. Every check is recorded in the journal before it is answered.
 */
public final class Server implements AutoCloseable {
  /** Header naming the catalogue version of the release that answered. */
  public static final String VERSION_HEADER = "Talap-Catalogue-Version";
  /**
   * Header naming the release that answered: its id ({@code talap release}), or {@code preview-<SHA-256 of the
   * workbooks>} when the working copy is served as a preview.
   */
  public static final String RELEASE_HEADER = "Talap-Release";
  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'";
  private static final String RELEASE = "talap.release";
  private static final String ANSWERED = "talap.answered";

  private final Javalin app;
  private final Releases releases;
  private final CountDownLatch stopped = new CountDownLatch(1);

  /**
   * What to serve and how.
   *
   * @param catalogue a workbook or a folder of workbooks, watched for changes
   * @param templates the template folder (the counter's pages and stylesheet)
   * @param pollMillis how often the workbooks are looked at for changes
   * @param journal the journal every check is recorded in, and the accounts; opened and closed by the caller
   * @param release the id of the approved release whose workbooks {@code catalogue} holds (verified by the caller;
   *     never watched); empty to serve the working copy as a preview, watched for changes
   */
  public record Settings(Path catalogue, Path templates, String host, int port, Limits limits, long pollMillis,
      boolean translationsRequired, Journal journal, Optional<String> release) {
    /** The working copy in {@code catalogue}, watched and served as a preview. */
    public Settings(Path catalogue, Path templates, String host, int port, Limits limits, long pollMillis,
        boolean translationsRequired, Journal journal) {
      this(catalogue, templates, host, port, limits, pollMillis, translationsRequired, journal, Optional.empty());
    }
  }

  /** Why the server did not start: the catalogue's errors, a template problem, or the port. */
  public static final class StartFailure extends Exception {
    private final transient List<Diagnostic> diagnostics;

    StartFailure(String message, List<Diagnostic> diagnostics) {
      super(message);
      this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
      return diagnostics;
    }
  }

  private Server(Javalin app, Releases releases) {
    this.app = app;
    this.releases = releases;
  }

  /** Compiles the catalogue, starts watching it and starts listening. */
  public static Server start(Settings settings) throws StartFailure {
    Accounts accounts = new Accounts(settings.journal().accounts());
    if (!loopback(settings.host()) && !accounts.hasAdmin()) {
      throw new StartFailure("refusing to listen on " + settings.host() + " beyond this machine without an admin "
          + "account in the journal " + settings.journal().name() + "; add one first: talap user add NAME --role admin "
          + "--office OFFICE", List.of());
    }
    Templates templates;
    try {
      templates = Templates.in(settings.templates());
    } catch (TemplateProblem e) {
      throw new StartFailure(e.getMessage(), List.of());
    }
    Releases releases = new Releases(settings.catalogue(), settings.translationsRequired(), Clock.systemUTC(),
        settings.release());
    CompileResult first = releases.load();
    if (first.catalogue().isEmpty()) {
      throw new StartFailure("the catalogue has errors; nothing to serve",
          first.diagnostics().stream().filter(Diagnostic::isError).toList());
    }
    Api api = new Api(releases, settings.limits(), settings.journal());
    ApiAccess apiAccess = new ApiAccess(accounts);
    Pages pages = new Pages(templates);
    // Five failed logins per name, thirty per address, in fifteen minutes.
    SignIn signIn = new SignIn(accounts, new Sessions(), new LoginLimiter(), new LoginLimiter(30,
        java.time.Duration.ofMinutes(15), 100_000, Clock.systemUTC()), pages);
    Counter counter = new Counter(releases, pages, settings.limits(), signIn, settings.journal());
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.prefer405over404 = true;
      config.http.maxRequestSize = settings.limits().maxBody();
      config.jetty.host = settings.host();
      config.jetty.port = settings.port();
      config.jetty.modifyServer(server -> {
        // On stop, connectors stop accepting and requests in flight get up to 10 s to finish.
        server.insertHandler(new GracefulHandler());
        server.setStopTimeout(10_000);
      });
      config.routes.before(ctx -> {
        Release release = releases.current();
        ctx.attribute(RELEASE, release);
        ctx.header(VERSION_HEADER, release.version());
        ctx.header(RELEASE_HEADER, release.label());
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
      });
      apiAccess.guard(config.routes);
      counter.guard(config.routes);
      api.routes(config.routes);
      counter.routes(config.routes);
      new JournalPage(settings.journal(), pages).routes(config.routes);
      new AccountsPage(accounts, signIn.sessions(), pages).routes(config.routes);
      config.routes.exception(ApiProblem.class, (problem, ctx) -> problem(ctx, problem));
      config.routes.exception(SignIn.Required.class, (e, ctx) -> {
        ctx.attribute(ANSWERED, true);
        ctx.redirect(e.location, io.javalin.http.HttpStatus.SEE_OTHER);
      });
      config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, switch (e.getStatus()) {
        case 404 -> notFound(ctx);
        case 405 -> notAllowed(ctx);
        case 413 -> new ApiProblem(413, "body-too-large", Phrase.of("problem.form-too-large"),
            Phrase.of("server.form-too-large", "max", settings.limits().maxBody()));
        default -> new ApiProblem(e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage());
      }));
      // A catalogue that compiles can still fail for one applicant's facts (a condition that divides by a fact) or
      // run out of working days: the answer names the cell to correct, never a stack trace.
      // A check is recorded before it is answered: no record, no verdict.
      config.routes.exception(JournalUnavailable.class, (e, ctx) -> {
        ctx.header("Retry-After", "30");
        problem(ctx, new ApiProblem(503, "journal-unavailable", Phrase.of("problem.journal-unavailable"),
            Phrase.of("server.journal-unavailable", "reason", e.getMessage())));
      });
      config.routes.exception(kz.talap.condition.Condition.Failure.class, (e, ctx) -> problem(ctx, new ApiProblem(
          422, "catalogue-cannot-decide", Phrase.of("problem.catalogue-cannot-decide"),
          Phrase.of("server.catalogue-must-be-corrected", "reason", e.getMessage()))));
      config.routes.exception(kz.talap.calendar.WorkingCalendar.NoWorkingDay.class, (e, ctx) -> problem(ctx,
          new ApiProblem(422, "catalogue-cannot-decide", Phrase.of("problem.catalogue-cannot-decide"),
              Phrase.plain(e.getMessage()))));
      config.routes.exception(Exception.class, (e, ctx) -> problem(ctx, new ApiProblem(500, "internal",
          Phrase.of("problem.internal"), Phrase.of("server.internal", "kind", e.getClass().getSimpleName()))));
      config.routes.error(404, ctx -> unanswered(ctx, notFound(ctx)));
      config.routes.error(405, ctx -> unanswered(ctx, notAllowed(ctx)));
    });
    try {
      app.start();
    } catch (RuntimeException e) {
      releases.close();
      throw new StartFailure("cannot listen on " + settings.host() + ":" + settings.port() + ": "
          + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), List.of());
    }
    for (Connector connector : app.jettyServer().server().getConnectors()) {
      if (connector instanceof ServerConnector server) {
        // A client that stops sending its body is cut off after the time limit (the handler answers 408).
        server.setIdleTimeout(settings.limits().timeout().toMillis());
      }
    }
    if (settings.release().isEmpty()) {
      releases.watch(settings.pollMillis());
    }
    return new Server(app, releases);
  }

  /** Whether {@code host} is this machine only (the default, which needs no admin account). */
  static boolean loopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
  }

  private static ApiProblem notFound(Context ctx) {
    return new ApiProblem(404, "not-found", Phrase.of("problem.not-found"),
        Phrase.of("server.no-route", "method", ctx.method(), "path", ctx.path()));
  }

  private static ApiProblem notAllowed(Context ctx) {
    return new ApiProblem(405, "method-not-allowed", Phrase.of("problem.method-not-allowed"),
        Phrase.of("server.method-not-allowed", "method", ctx.method(), "path", ctx.path()));
  }

  /** An error status no handler has explained yet. */
  private static void unanswered(Context ctx, ApiProblem problem) {
    if (!Boolean.TRUE.equals(ctx.attribute(ANSWERED))) {
      problem(ctx, problem);
    }
  }

  /** Answers a refused request: problem+json under /api, an HTML page elsewhere. */
  private static void problem(Context ctx, ApiProblem problem) {
    ctx.attribute(ANSWERED, true);
    ctx.status(problem.status());
    Release release = ctx.attribute(RELEASE);
    if (ctx.path().startsWith("/api/") || release == null) {
      Map<String, Object> body = problem.body(ctx.path(), language(ctx));
      if (release != null) {
        body.putAll(stamp(release));
      }
      ctx.contentType("application/problem+json; charset=utf-8").result(ApiJson.write(body));
      return;
    }
    ctx.contentType("text/html; charset=utf-8").result(ErrorPage.of(ctx, problem));
  }

  /**
   * The language a refusal is said in: the API's {@code ?lang=} when it is kk, ru or en, else the counter page's
   * language ({@code /counter/ru/…}), else English.
   */
  static String language(Context ctx) {
    String asked = ctx.queryParam("lang");
    if (asked != null) {
      Optional<kz.talap.model.Language> language = kz.talap.model.Language.parse(asked.toLowerCase(Locale.ROOT));
      if (language.isPresent()) {
        return language.get().code();
      }
    }
    String[] parts = ctx.path().split("/");
    if (ctx.path().startsWith(Counter.PREFIX + "/") && parts.length > 2) {
      Optional<kz.talap.model.Language> language = kz.talap.model.Language.parse(parts[2]);
      if (language.isPresent()) {
        return language.get().code();
      }
    }
    return "en";
  }

  /** The release the request is served from. */
  static Release release(Context ctx) {
    return ctx.attribute(RELEASE);
  }

  /** The catalogue version and release hash that start every JSON answer. */
  static Map<String, Object> stamp(Release release) {
    Map<String, Object> stamp = new LinkedHashMap<>();
    stamp.put("catalogue_version", release.version());
    stamp.put("release", release.hash());
    return stamp;
  }

  static LocalDate asOf(Context ctx) {
    return ServiceData.asOf(ctx.queryParam("as_of"));
  }

  public int port() {
    return app.port();
  }

  /** The catalogue version being served. */
  public String version() {
    return releases.current().version();
  }

  /** The release id served, or {@code preview-<hash>} for the working copy. */
  public String label() {
    return releases.current().label();
  }

  /** The content hash of the release being served. */
  public String hash() {
    return releases.current().hash();
  }

  /** Blocks until the server has stopped. */
  public void join() throws InterruptedException {
    stopped.await();
  }

  /** Stops accepting connections, lets requests in flight finish (up to 10 s), and stops watching. */
  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      releases.close();
      stopped.countDown();
    }
  }
}

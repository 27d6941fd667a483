package kz.talap.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.talap.account.Account;
import kz.talap.check.CheckResult;
import kz.talap.check.CheckResult.Verdict;
import kz.talap.journal.CheckRecord;
import kz.talap.journal.Journal;
import kz.talap.journal.JournalUnavailable;
import kz.talap.json.ApiJson;
import kz.talap.json.CheckJson;
import kz.talap.json.JournalJson;
import kz.talap.json.OpenApiDocument;
import kz.talap.json.SubmissionJson;
import kz.talap.source.Phrase;
import kz.talap.json.SubmissionSchema;
import kz.talap.model.Language;

/**
 * The HTTP API under {@code /api/v1}: check one submission or a JSON Lines batch, the services and their checklist
 * data, the submission schema, due dates, the status of the catalogue, and the OpenAPI document. Every handler parses,
 * calls check or the model, and renders JSON; refusals are {@link ApiProblem}s.
 */
final class Api {
  static final String JSON = "application/json; charset=utf-8";
  static final String JSON_LINES = "application/x-ndjson; charset=utf-8";
  private static final List<String> JSON_LINES_TYPES = List.of("application/x-ndjson", "application/jsonl",
      "application/json-lines", "application/jsonlines");

  /** The header a client sets to make a retried check answer from the journal instead of being recorded twice. */
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private final Releases releases;
  private final Limits limits;
  private final Journal journal;

  Api(Releases releases, Limits limits, Journal journal) {
    this.releases = releases;
    this.limits = limits;
    this.journal = journal;
  }

  void routes(RoutesConfig routes) {
    routes.get("/api/v1/status", this::status);
    routes.post("/api/v1/check", this::check);
    routes.post("/api/v1/check/batch", this::batch);
    routes.get("/api/v1/services", this::services);
    routes.get("/api/v1/services/{code}", this::service);
    routes.get("/api/v1/schema", this::schema);
    routes.get("/api/v1/due", this::due);
    routes.get("/api/openapi.json", this::openApi);
  }

  private void status(Context ctx) {
    Release release = Server.release(ctx);
    Releases.Attempt attempt = releases.lastAttempt();
    String lang = language(ctx).map(Language::code).orElse("en");
    Map<String, Object> body = Server.stamp(release);
    body.put("release_id", release.label());
    body.put("preview", release.preview());
    body.put("status", attempt.ok() ? "ok" : "stale");
    body.put("compiled_at", release.compiledAt().toString());
    body.put("catalogue", releases.source().toString());
    Map<String, Object> last = new LinkedHashMap<>();
    last.put("at", attempt.at().toString());
    last.put("ok", attempt.ok());
    last.put("hash", attempt.hash());
    last.put("diagnostics", attempt.diagnostics().stream().map(d -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
      one.put("code", d.code());
      one.put("where", d.where().toString());
      one.put("message", d.message(lang));
      return one;
    }).toList());
    body.put("last_attempt", last);
    ctx.contentType(JSON).result(ApiJson.write(body));
  }

  private void check(Context ctx) throws IOException {
    Release release = Server.release(ctx);
    Account client = ApiAccess.client(ctx, Account.Permission.CHECK);
    media(ctx, List.of("application/json"), "application/json");
    Optional<Language> language = language(ctx);
    String id = checkId(ctx, client, "");
    String text = text(body(ctx, limits.maxBody()));
    SubmissionJson.Parsed parsed = release.reader().read(text);
    if (parsed.submission().isEmpty()) {
      throw invalid(parsed.problems(), language.map(Language::code).orElse("en"));
    }
    CheckResult result = release.checker().check(parsed.submission().get());
    // Recorded before the answer is sent: a journal that is down gives 503 (Server maps JournalUnavailable).
    String stored = JournalJson.result("request", result, release.version());
    if (!journal.record(CheckRecord.of(id, Instant.now(), client, release.version(), release.hash(), result, text,
        stored).on(release.label(), release.preview()))) {
      replay(ctx, id, client);
      return;
    }
    ctx.header("Talap-Check-Id", id);
    StringWriter out = new StringWriter();
    try (CheckJson json = new CheckJson(out, release.version())) {
      language.ifPresent(json::in);
      json.result("request", result);
      json.finish(1, result.verdict() == Verdict.COMPLETE ? 1 : 0, result.verdict() == Verdict.INCOMPLETE ? 1 : 0,
          result.verdict() == Verdict.NOT_ACCEPTED ? 1 : 0, 0);
    }
    language.ifPresent(l -> ctx.header("Content-Language", l.code()));
    ctx.contentType(JSON).result(out.toString());
  }

  /** Input problems: malformed JSON (400, with line and column) or a submission that does not fit (422). */
  static ApiProblem invalid(List<SubmissionJson.Problem> problems, String lang) {
    boolean malformed = problems.stream().anyMatch(p -> p.line() > 0 || p.path().isEmpty());
    List<Map<String, Object>> errors = new ArrayList<>();
    for (SubmissionJson.Problem p : problems) {
      Map<String, Object> error = ApiProblem.error(p.path(), p.line(), p.column(), p.message(lang));
      // The message is in the reader's language; the code says the same to a program in any language.
      if (!p.phrase().key().equals("plain")) {
        error.put("code", p.phrase().key());
      }
      errors.add(error);
    }
    String detail = String.join("; ", errors.stream().map(e -> (String) e.get("message")).toList());
    return malformed
        ? new ApiProblem(400, "malformed-json", Phrase.of("api.malformed-json").in(lang), detail, errors)
        : new ApiProblem(422, "invalid-submission", Phrase.of("api.invalid-submission").in(lang), detail, errors);
  }

  private void batch(Context ctx) throws IOException {
    Release release = Server.release(ctx);
    Account client = ApiAccess.client(ctx, Account.Permission.CHECK);
    media(ctx, JSON_LINES_TYPES, "application/x-ndjson (JSON Lines)");
    String batchId = checkId(ctx, client, ":0000");
    Optional<Language> language = language(ctx);
    byte[] body = body(ctx, limits.maxBatchBody());
    text(body);
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
        StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
    long count = lines.stream().filter(l -> !l.isBlank()).count();
    if (count > limits.maxBatch()) {
      throw new ApiProblem(413, "batch-too-long", Phrase.of("problem.batch-too-long"),
          Phrase.of("server.batch-too-long", "count", count, "max", limits.maxBatch()));
    }
    ctx.contentType(JSON_LINES);
    Writer writer = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
    try (CheckJson json = CheckJson.lines(writer)) {
      language.ifPresent(json::in);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank()) {
          continue;
        }
        String source = "line " + (i + 1);
        SubmissionJson.Parsed parsed = release.reader().read(line);
        if (parsed.submission().isPresent()) {
          CheckResult result = release.checker().check(parsed.submission().get());
          String id = batchId.substring(0, batchId.length() - 4) + String.format(Locale.ROOT, "%04d", i + 1);
          try {
            journal.record(CheckRecord.of(id, Instant.now(), client, release.version(), release.hash(), result,
                line, JournalJson.result(source, result, release.version())).on(release.label(),
                release.preview()));
          } catch (JournalUnavailable e) {
            // No verdict without a record: this line is answered as not checked, the rest are still tried.
            json.invalid(source, List.of((i + 1) + ": not checked: the journal cannot record it now; send it again"));
            continue;
          }
          json.result(source, result);
        } else {
          int number = i + 1;
          String lang = language.map(Language::code).orElse("en");
          json.invalid(source, parsed.problems().stream().map(p -> (p.line() > 0
              ? number + ":" + p.column() + ": " : number + ": ") + p.toString(lang)).toList());
        }
      }
    }
    writer.flush();
  }

  /**
   * The journal id of a check: {@code client:key} when the request has an {@code Idempotency-Key}, else a random one;
   * {@code suffix} is room for the line number of a batch.
   */
  private static String checkId(Context ctx, Account client, String suffix) {
    String key = ctx.header(IDEMPOTENCY_KEY);
    if (key == null) {
      return UUID.randomUUID() + suffix;
    }
    String id = client.name() + ":" + key.strip() + suffix;
    if (!CheckRecord.ID.matcher(id).matches()) {
      throw new ApiProblem(400, "bad-idempotency-key", Phrase.of("problem.bad-idempotency-key"),
          Phrase.of("server.bad-idempotency-key", "max", 99 - client.name().length() - suffix.length()));
    }
    return id;
  }

  /** A retried check: the answer stored in the journal the first time, never a second record. */
  private void replay(Context ctx, String id, Account client) {
    CheckRecord stored = journal.get(id).filter(c -> c.actor().equals(client.name())).orElseThrow(() ->
        new ApiProblem(409, "idempotency-conflict", Phrase.of("problem.idempotency-conflict"),
            Phrase.of("server.idempotency-conflict")));
    ctx.header("Talap-Check-Id", id);
    ctx.header(REPLAYED, "true");
    ctx.contentType(JSON).result(stored.result());
  }

  private void services(Context ctx) {
    Release release = Server.release(ctx);
    ServiceData data = new ServiceData(release.catalogue(), Server.asOf(ctx));
    Map<String, Object> body = Server.stamp(release);
    body.put("as_of", data.asOf().toString());
    body.put("services", data.services());
    ctx.contentType(JSON).result(ApiJson.write(body));
  }

  private void service(Context ctx) {
    Release release = Server.release(ctx);
    ServiceData data = new ServiceData(release.catalogue(), Server.asOf(ctx));
    Map<String, Object> body = Server.stamp(release);
    body.put("as_of", data.asOf().toString());
    body.putAll(data.service(ctx.pathParam("code")));
    ctx.contentType(JSON).result(ApiJson.write(body));
  }

  private void schema(Context ctx) {
    Release release = Server.release(ctx);
    ctx.contentType("application/schema+json; charset=utf-8").result(SubmissionSchema.of(release.catalogue()));
  }

  private void due(Context ctx) {
    Release release = Server.release(ctx);
    Map<String, Object> body = Server.stamp(release);
    body.putAll(Due.of(release.catalogue(), ctx.queryParam("service"), ctx.queryParam("subtype"),
        ctx.queryParam("at"), ctx.queryParam("channel"), ctx.queryParam("term")));
    ctx.contentType(JSON).result(ApiJson.write(body));
  }

  private void openApi(Context ctx) {
    Release release = Server.release(ctx);
    ctx.contentType(JSON).result(OpenApiDocument.of(release.catalogue(), release.hash()));
  }

  private static Optional<Language> language(Context ctx) {
    String lang = ctx.queryParam("lang");
    if (lang == null) {
      return Optional.empty();
    }
    return Optional.of(Language.parse(lang.toLowerCase(Locale.ROOT)).orElseThrow(() -> new ApiProblem(400,
        "bad-parameter", "Unknown language", "lang: unknown language '" + lang + "' (expected kk, ru or en)")));
  }

  /** Refuses a body whose media type is not one of {@code accepted}. */
  private static void media(Context ctx, List<String> accepted, String expected) {
    String type = ctx.contentType();
    String bare = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!accepted.contains(bare)) {
      throw new ApiProblem(415, "unsupported-media-type", Phrase.of("problem.unsupported-media-type"), type == null
          ? Phrase.of("server.content-type-missing", "expected", expected)
          : Phrase.of("server.content-type-refused", "type", type, "expected", expected));
    }
  }

  /**
   * Reads the request body, at most {@code max} bytes: a longer declared or actual body is refused with 413, a client
   * that takes longer than the time limit to send it with 408.
   */
  byte[] body(Context ctx, long max) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > max) {
      throw tooLarge(declared, max);
    }
    long deadline = System.nanoTime() + limits.timeout().toNanos();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
    byte[] buffer = new byte[16384];
    try (InputStream in = ctx.req().getInputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (bytes.size() + n > max) {
          throw tooLarge(-1, max);
        }
        bytes.write(buffer, 0, n);
        if (System.nanoTime() > deadline) {
          throw slow();
        }
      }
    } catch (IOException e) {
      if (timedOut(e)) {
        throw slow();
      }
      throw new ApiProblem(400, "body-unreadable", Phrase.of("problem.body-unreadable"),
          Phrase.of("server.body-unreadable"));
    }
    return bytes.toByteArray();
  }

  /** Whether reading failed because the client stopped sending (Jetty's idle timeout). */
  private static boolean timedOut(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private ApiProblem slow() {
    return new ApiProblem(408, "request-timeout", Phrase.of("problem.request-timeout"),
        Phrase.of("server.request-timeout", "seconds", limits.timeout().toSeconds()));
  }

  private static ApiProblem tooLarge(long declared, long max) {
    return new ApiProblem(413, "body-too-large", Phrase.of("problem.body-too-large"), declared > 0
        ? Phrase.of("server.body-too-large-declared", "size", declared, "max", max)
        : Phrase.of("server.body-too-large", "max", max));
  }

  private static String text(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new ApiProblem(400, "not-utf8", Phrase.of("problem.not-utf8"), Phrase.of("server.not-utf8"));
    }
  }
}

package kz.talap.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.talap.source.Phrase;

/**
 * A request the API refuses, as an RFC 9457 problem: HTTP status, a stable type, a title, what exactly is wrong, and
 * the located problems (each with where it is and what, as the CLI prints them).
 */
final class ApiProblem extends RuntimeException {
  private final int status;
  private final String type;
  private final Phrase title;
  private final Phrase detail;
  private final List<Map<String, Object>> errors;

  /** A problem whose title and detail are said in the language of the request ({@code ?lang=}, or the page's). */
  ApiProblem(int status, String type, Phrase title, Phrase detail) {
    this(status, type, title, detail, List.of());
  }

  /** A problem whose texts exist in English only. */
  ApiProblem(int status, String type, String title, String detail) {
    this(status, type, Phrase.plain(title), Phrase.plain(detail), List.of());
  }

  /** A problem already said in the reader's language, with its located errors. */
  ApiProblem(int status, String type, String title, String detail, List<Map<String, Object>> errors) {
    this(status, type, Phrase.plain(title), Phrase.plain(detail), errors);
  }

  private ApiProblem(int status, String type, Phrase title, Phrase detail, List<Map<String, Object>> errors) {
    super(detail.in("en"), null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.errors = List.copyOf(errors);
  }

  int status() {
    return status;
  }

  /** The problem document in English, without the catalogue version and release the server adds. */
  Map<String, Object> body(String instance) {
    return body(instance, "en");
  }

  /**
   * The problem document with its title and detail in {@code language} ({@code kk}, {@code ru} or {@code en}), and
   * the detail's stable {@code code} (its phrase key) when it has one, for a program in any language.
   */
  Map<String, Object> body(String instance, String language) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:talap:problem:" + type);
    body.put("title", title.in(language));
    body.put("status", status);
    body.put("detail", detail.in(language));
    if (!detail.key().equals("plain")) {
      body.put("code", detail.key());
    }
    body.put("instance", instance);
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    return body;
  }

  /** One located problem: {@code where} (a JSON path, or line and column) and {@code detail}. */
  static Map<String, Object> error(String where, int line, int column, String detail) {
    Map<String, Object> error = new LinkedHashMap<>();
    if (!where.isEmpty()) {
      error.put("pointer", where);
    }
    if (line > 0) {
      error.put("line", line);
      error.put("column", column);
    }
    error.put("detail", detail);
    String at = !where.isEmpty() ? where + ": " : line > 0 ? line + ":" + column + ": " : "";
    error.put("message", at + detail);
    return error;
  }
}

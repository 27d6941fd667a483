package kz.talap.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the API refuses, as an RFC 9457 problem: HTTP status, a stable type, a title, what exactly is wrong, and
 * the located problems (each with where it is and what, as the CLI prints them).
 */
final class ApiProblem extends RuntimeException {
  private final int status;
  private final String type;
  private final String title;
  private final List<Map<String, Object>> errors;

  ApiProblem(int status, String type, String title, String detail) {
    this(status, type, title, detail, List.of());
  }

  ApiProblem(int status, String type, String title, String detail, List<Map<String, Object>> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  int status() {
    return status;
  }

  /** The problem document, without the catalogue version and release the server adds. */
  Map<String, Object> body(String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:talap:problem:" + type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", getMessage());
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

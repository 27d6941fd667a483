package kz.talap.server;

import io.javalin.http.Context;
import java.util.Map;

/** A refused page request as a small HTML page, escaped, made without templates so it works when one is broken. */
final class ErrorPage {
  private ErrorPage() {}

  /** A refused counter request as a small page (no template, so that it works when a template is broken). */
  static String of(Context ctx, ApiProblem problem) {
    String language = Server.language(ctx);
    Map<String, Object> body = problem.body(ctx.path(), language);
    return "<!DOCTYPE html>\n<html lang=\"" + language + "\"><head><meta charset=\"utf-8\"><title>" + body.get("status") + " "
        + escape((String) body.get("title")) + "</title><link rel=\"stylesheet\" href=\"/static/counter.css\"></head>"
        + "<body><main><h1>" + escape((String) body.get("title")) + "</h1><p>" + escape((String) body.get("detail"))
        + "</p><p><a href=\"" + Counter.PREFIX + "/kk/\">Қазақша</a> · "
        + "<a href=\"" + Counter.PREFIX + "/ru/\">Русский</a> · "
        + "<a href=\"" + Counter.PREFIX + "/en/\">English</a></p></main></body></html>\n";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

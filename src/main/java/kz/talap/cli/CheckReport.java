package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.talap.calendar.DueDate;
import kz.talap.check.CheckResult;
import kz.talap.check.Finding;
import kz.talap.check.Messages;
import kz.talap.check.Submission;
import kz.talap.json.CheckJson;
import kz.talap.model.Catalogue;
import kz.talap.model.Language;
import kz.talap.model.Text;
import kz.talap.publish.Templates;
import kz.talap.publish.Templates.TemplateProblem;

/** How check results are written: text for people, JSON for programs, HTML from an editable template. */
abstract class CheckReport {
  static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  final Catalogue catalogue;
  final Language language;
  final Messages messages = Messages.get();

  CheckReport(Catalogue catalogue, Language language) {
    this.catalogue = catalogue;
    this.language = language;
  }

  abstract void result(String source, CheckResult result) throws IOException;

  abstract void invalid(String source, List<String> problems) throws IOException;

  abstract void finish(int total, int complete, int incomplete, int notAccepted, int invalid) throws IOException, TemplateProblem;

  String label(String key) {
    return messages.format(language, key);
  }

  String label(String key, String name, Text value) {
    return messages.format(language, key, Map.of(name, value));
  }

  String summary(int total, int complete, int incomplete, int notAccepted, int invalid) {
    return messages.format(language, "report.summary", Map.of("total", same(total), "complete", same(complete),
        "incomplete", same(incomplete), "not_accepted", same(notAccepted), "invalid", same(invalid)));
  }

  static Text same(Object value) {
    String text = String.valueOf(value);
    return new Text(text, text, text);
  }

  String name(String kind, String code) {
    Text name = switch (kind) {
      case "service" -> catalogue.service(code).map(s -> s.name()).orElse(same(code));
      case "subtype" -> catalogue.subType(code).map(s -> s.name()).orElse(same(code));
      case "category" -> catalogue.category(code).map(c -> c.name()).orElse(same(code));
      default -> catalogue.channel(code).map(c -> c.name()).orElse(same(code));
    };
    return name.in(language);
  }

  /** The document set: "standard", or the category with a reduced set, code and name. */
  String set(CheckResult result) {
    String code = result.applicantSet();
    return code.equals("STANDARD") ? label("report.set.STANDARD") : code + " – " + name("category", code);
  }

  String dueText(DueDate due) {
    return Messages.date(due.due()).in(language) + " (" + messages.quantity(due.term().amount(),
        due.term().unit().name()).in(language) + "; " + label("report.counted_from", "date",
        Messages.date(due.received())) + ")";
  }

  /**
   * The JSON report written as UTF-8 bytes to a stream, one result per line; messages and citations in every
   * language, or only in {@code only}.
   */
  static CheckReport json(Catalogue catalogue, Language language, Optional<Language> only,
      java.io.OutputStream out) throws IOException {
    return new Json(catalogue, language, CheckJson.batch(out, catalogue.version(), only));
  }

  static CheckReport of(String format, Catalogue catalogue, Language language, Optional<Language> only, Writer out,
      Templates templates) throws IOException {
    return switch (format) {
      case "json" -> new Json(catalogue, language, CheckJson.batch(out, catalogue.version(), only));
      case "html" -> new Html(catalogue, language, out, templates);
      default -> new Plain(catalogue, language, new PrintWriter(out));
    };
  }

  /** Plain text, one block per submission. */
  static final class Plain extends CheckReport {
    private final PrintWriter out;
    private int results;

    Plain(Catalogue catalogue, Language language, PrintWriter out) {
      super(catalogue, language);
      this.out = out;
    }

    @Override
    void result(String source, CheckResult result) {
      Submission s = result.submission();
      results++;
      out.println("== " + source + (s.id().isPresent() ? " (" + s.id().get() + ")" : ""));
      out.println(label("report.service") + ": " + s.service() + " – " + name("service", s.service()));
      s.subtype().ifPresent(t -> out.println(label("report.subtype") + ": " + t + " – " + name("subtype", t)));
      out.println(label("report.channel") + ": " + s.channel() + " – " + name("channel", s.channel()));
      out.println(label("report.submitted") + ": " + MINUTES.format(s.submittedAt()));
      out.println(label("report.set") + ": " + set(result));
      out.println(label("report.verdict") + ": " + label("verdict." + result.verdict().name()));
      result.due().ifPresent(d -> {
        out.println(label("report.due") + ": " + dueText(d));
        out.println("      " + d.term().citation().and(DueDate.COUNTING_CITATION, "; ").in(language));
      });
      if (result.findings().isEmpty()) {
        out.println(label("report.no_findings"));
      } else {
        out.println(label("report.findings") + ":");
        for (Finding f : result.findings()) {
          out.println("  " + label("severity." + f.severity().name())
              + f.subject().map(c -> " [" + c + "]").orElse("") + ": " + f.message(language));
          out.println("      " + f.citation().in(language));
        }
      }
      out.println();
    }

    @Override
    void invalid(String source, List<String> problems) {
      // Input errors go to the error stream; the text report only counts them.
    }

    @Override
    void finish(int total, int complete, int incomplete, int notAccepted, int invalid) {
      if (total > 1 || results == 0) {
        out.println(summary(total, complete, incomplete, notAccepted, invalid));
      }
      out.flush();
    }
  }

  /** The JSON report; messages and citations in all three languages, or in the one --lang names. */
  static final class Json extends CheckReport {
    private final CheckJson json;

    Json(Catalogue catalogue, Language language, CheckJson json) {
      super(catalogue, language);
      this.json = json;
    }

    @Override
    void result(String source, CheckResult result) throws IOException {
      json.result(source, result);
    }

    @Override
    void invalid(String source, List<String> problems) throws IOException {
      json.invalid(source, problems);
    }

    @Override
    void finish(int total, int complete, int incomplete, int notAccepted, int invalid) throws IOException {
      json.finish(total, complete, incomplete, notAccepted, invalid);
      json.close();
    }
  }

  /** One HTML page rendered from {@code check.ftlh}; see docs/templates.md for its data. */
  static final class Html extends CheckReport {
    static final String TEMPLATE = "check.ftlh";
    private final Writer out;
    private final Templates templates;
    private final List<Map<String, Object>> results = new ArrayList<>();
    private final List<Map<String, Object>> invalid = new ArrayList<>();

    Html(Catalogue catalogue, Language language, Writer out, Templates templates) {
      super(catalogue, language);
      this.out = out;
      this.templates = templates;
    }

    @Override
    void result(String source, CheckResult result) {
      Submission s = result.submission();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("source", source);
      s.id().ifPresent(id -> r.put("id", id));
      r.put("service", Map.of("code", s.service(), "name", name("service", s.service())));
      s.subtype().ifPresent(t -> r.put("subtype", Map.of("code", t, "name", name("subtype", t))));
      r.put("channel", Map.of("code", s.channel(), "name", name("channel", s.channel())));
      r.put("submitted_at", MINUTES.format(s.submittedAt()));
      r.put("set", set(result));
      r.put("verdict", result.verdict().name().toLowerCase(Locale.ROOT));
      r.put("verdict_text", label("verdict." + result.verdict().name()));
      result.due().ifPresent(d -> r.put("due", Map.of("text", dueText(d), "date", d.due().toString(),
          "citation", d.term().citation().and(DueDate.COUNTING_CITATION, "; ").in(language))));
      List<Map<String, Object>> findings = new ArrayList<>();
      for (Finding f : result.findings()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
        m.put("severity_text", label("severity." + f.severity().name()));
        m.put("kind", f.kind().name());
        m.put("subject", f.subject().orElse(""));
        m.put("message", f.message(language));
        m.put("citation", f.citation().in(language));
        findings.add(m);
      }
      r.put("findings", findings);
      results.add(r);
    }

    @Override
    void invalid(String source, List<String> problems) {
      invalid.add(Map.of("source", source, "problems", List.copyOf(problems)));
    }

    @Override
    void finish(int total, int complete, int incomplete, int notAccepted, int invalidCount)
        throws IOException, TemplateProblem {
      Map<String, Object> labels = new LinkedHashMap<>();
      for (String key : List.of("title", "service", "subtype", "channel", "submitted", "set", "verdict", "due",
          "findings", "no_findings", "input_errors", "citation")) {
        labels.put(key, label("report." + key));
      }
      labels.put("catalogue", label("report.catalogue", "version", same(catalogue.version())));
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("lang", language.code());
      model.put("labels", labels);
      model.put("results", results);
      model.put("invalid", invalid);
      model.put("summary", summary(total, complete, incomplete, notAccepted, invalidCount));
      out.write(templates.render(TEMPLATE, model));
      out.flush();
    }
  }
}

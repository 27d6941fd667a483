package kz.talap.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.talap.check.CheckResult;
import kz.talap.check.Checker;
import kz.talap.check.Finding;
import kz.talap.check.Finding.Kind;
import kz.talap.check.Finding.Severity;
import kz.talap.json.SubmissionJson;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Fact;
import kz.talap.schema.Schema;
import kz.talap.source.CellRef;
import kz.talap.workbook.RawRow;

/**
 * Runs the scenarios editors write in the Tests sheet: each row is turned into a submission, checked, and the verdict,
 * missing and invalid codes and due date are compared with the expected ones.
 */
public final class ScenarioRunner {
  private static final Pattern DOCUMENT = Pattern.compile("([A-Za-z0-9_]+)\\s*(?:\\((.*)\\))?");
  private static final Set<String> FLAGS = Set.of("translated", "legalised", "apostille", "no_original");
  private static final Set<String> VALUES = Set.of("issued_on", "valid_until", "language", "issued_in", "issuer");

  /** A scenario that failed: where (the row, or the cell at fault), its code and what went wrong. */
  public record Failure(CellRef where, String code, String message) {
    @Override
    public String toString() {
      return where + ": " + code + ": " + message;
    }
  }

  /** How the scenarios went. */
  public record Report(int total, List<Failure> failures) {
    public Report {
      failures = List.copyOf(failures);
    }
  }

  private final Catalogue catalogue;
  private final Checker checker;
  private final SubmissionJson.Reader submissions;

  public ScenarioRunner(Catalogue catalogue) {
    this.catalogue = catalogue;
    this.checker = new Checker(catalogue);
    this.submissions = SubmissionJson.reader(catalogue);
  }

  public Report run(List<RawRow> rows) {
    List<Failure> failures = new ArrayList<>();
    for (RawRow row : rows) {
      failures.addAll(run(row));
    }
    return new Report(rows.size(), failures);
  }

  private List<Failure> run(RawRow row) {
    String code = row.value("code").isBlank() ? "(no code)" : row.value("code").strip();
    List<Failure> problems = new ArrayList<>();
    Map<String, Object> tree = submission(row, code, problems);
    if (!problems.isEmpty()) {
      return problems;
    }
    SubmissionJson.Parsed parsed = submissions.read(tree);
    if (parsed.submission().isEmpty()) {
      return parsed.problems().stream()
          .map(p -> new Failure(row.cell(column(p.path())).where(), code, p.toString())).toList();
    }
    try {
      return compare(row, code, checker.check(parsed.submission().get()));
    } catch (kz.talap.condition.Condition.Failure | kz.talap.calendar.WorkingCalendar.NoWorkingDay e) {
      return List.of(new Failure(row.cell("code").where(), code, "cannot check: " + e.getMessage()));
    }
  }

  /** The Tests row as a submission tree, in the JSON submission format. */
  private Map<String, Object> submission(RawRow row, String code, List<Failure> problems) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("id", code);
    for (String column : List.of("service", "subtype", "stage", "channel", "recipient")) {
      if (!row.value(column).isBlank()) {
        tree.put(column, row.value(column).strip());
      }
    }
    String time = row.value("time").isBlank() ? "10:00" : row.value("time").strip();
    tree.put("submitted_at", row.value("date").strip() + "T" + time);
    Map<String, Object> facts = new LinkedHashMap<>();
    for (String pair : parts(row.value("facts"))) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        problems.add(new Failure(row.cell("facts").where(), code, "facts: expected name=value, got '" + pair + "'"));
        continue;
      }
      String name = pair.substring(0, eq).strip();
      facts.put(name, factValue(name, pair.substring(eq + 1).strip()));
    }
    tree.put("facts", facts);
    List<Object> documents = new ArrayList<>();
    for (String entry : parts(row.value("documents"))) {
      document(entry).ifPresentOrElse(documents::add, () -> problems.add(new Failure(row.cell("documents").where(),
          code, "documents: cannot read '" + entry + "' (expected CODE or CODE(issued_on=YYYY-MM-DD, "
              + "valid_until=…, language=xx, translated, issued_in=XX, issuer=authority|private, legalised, apostille, "
                  + "no_original))")));
    }
    tree.put("documents", documents);
    List<Object> payments = new ArrayList<>();
    for (String entry : parts(row.value("payments"))) {
      int at = entry.indexOf('@');
      try {
        payments.add(Map.of("amount_kzt", new BigDecimal(entry.substring(0, Math.max(at, 0)).replace(" ", "")
            .replace("\u00a0", "")), "paid_on", entry.substring(at + 1).strip()));
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        problems.add(new Failure(row.cell("payments").where(), code,
            "payments: expected AMOUNT@YYYY-MM-DD, got '" + entry + "'"));
      }
    }
    tree.put("payments", payments);
    return tree;
  }

  /** Splits "a; b(c; d); e" at semicolons outside parentheses. */
  private static List<String> parts(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : text.toCharArray()) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if ((c == ';' || c == '\n') && depth == 0) {
        parts.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString().strip());
    parts.removeIf(String::isEmpty);
    return parts;
  }

  private Object factValue(String name, String value) {
    FactType type = catalogue.facts().stream().filter(f -> f.name().equals(name)).map(Fact::type).findFirst()
        .orElse(FactType.TEXT);
    if (type == FactType.BOOL && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT));
    }
    if (type == FactType.INT && value.matches("-?\\d{1,18}")) {
      return Long.parseLong(value);
    }
    return value;
  }

  private static Optional<Map<String, Object>> document(String entry) {
    Matcher matcher = DOCUMENT.matcher(entry);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("code", matcher.group(1));
    document.put("original_shown", true);
    if (matcher.group(2) != null) {
      for (String property : matcher.group(2).split(",")) {
        String p = property.strip();
        int eq = p.indexOf('=');
        String key = eq < 0 ? p : p.substring(0, eq).strip();
        if (eq < 0 && FLAGS.contains(key)) {
          document.put(key.equals("translated") ? "notarised_translation" : key.equals("no_original")
              ? "original_shown" : key, !key.equals("no_original"));
        } else if (eq > 0 && VALUES.contains(key)) {
          document.put(key, p.substring(eq + 1).strip());
        } else if (!p.isEmpty()) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(document);
  }

  /** The Tests column a problem with a submission path belongs to. */
  private static String column(String path) {
    for (String column : List.of("facts", "documents", "payments", "subtype", "stage", "service", "channel",
        "recipient")) {
      if (path.startsWith("$." + column)) {
        return column;
      }
    }
    return path.startsWith("$.submitted_at") ? "date" : "code";
  }

  private List<Failure> compare(RawRow row, String code, CheckResult result) {
    List<String> problems = new ArrayList<>();
    String expected = row.value("expected_verdict").strip().toUpperCase(java.util.Locale.ROOT);
    if (!expected.equals(result.verdict().name())) {
      problems.add("expected " + expected.toLowerCase(java.util.Locale.ROOT) + ", got "
          + result.verdict().name().toLowerCase(java.util.Locale.ROOT));
    }
    Set<String> missing = new TreeSet<>();
    Set<String> invalid = new TreeSet<>();
    Map<String, Finding> bySubject = new LinkedHashMap<>();
    for (Finding finding : result.findings()) {
      String subject = finding.subject().orElse(finding.document().orElse(finding.kind().name()));
      bySubject.putIfAbsent(subject, finding);
      if (finding.kind() == Kind.MISSING_DOCUMENT || finding.kind() == Kind.MISSING_ONE_OF) {
        missing.add(subject);
      } else if (finding.severity() != Severity.INFO) {
        invalid.add(subject);
      }
    }
    compareSets("missing", codes(row.value("expected_missing")), missing, bySubject, problems);
    compareSets("invalid", codes(row.value("expected_invalid")), invalid, bySubject, problems);
    String due = row.value("expected_due").strip();
    String got = result.due().map(d -> d.due().toString()).orElse("none");
    if (!due.isEmpty() && !due.equals(got)) {
      problems.add("expected due " + due + ", got " + got);
    }
    return problems.isEmpty() ? List.of()
        : List.of(new Failure(row.where(), code, String.join("; ", problems)));
  }

  private static void compareSets(String noun, Set<String> expected, Set<String> reported,
      Map<String, Finding> bySubject, List<String> problems) {
    for (String code : expected) {
      if (!reported.contains(code)) {
        problems.add(noun + " " + code + " not reported");
      }
    }
    for (String code : reported) {
      if (!expected.contains(code)) {
        problems.add("unexpected " + noun + " " + code + " (" + bySubject.get(code).message().en() + ")");
      }
    }
  }

  private static Set<String> codes(String list) {
    Set<String> codes = new TreeSet<>();
    for (String code : list.split("[,;\\s]+")) {
      if (!code.isBlank()) {
        codes.add(code.strip());
      }
    }
    return codes;
  }

  /** The table the scenarios are read from. */
  public static String table() {
    return Schema.TESTS;
  }
}

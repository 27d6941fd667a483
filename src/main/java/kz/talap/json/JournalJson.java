package kz.talap.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.talap.check.CheckResult;
import kz.talap.check.Finding;
import kz.talap.journal.CheckRecord;
import kz.talap.model.Text;

/**
 * The JSON of the journal: the {@code talap-check/1} document stored with each check, read back for a re-run, and
 * journal entries as JSON Lines for {@code talap journal --format jsonl}.
 */
public final class JournalJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JournalJson() {}

  /**
   * What a stored result said: verdict, document set, due date and findings (messages in kk, ru and en) — enough to
   * show the check again as it was answered, in any of the three languages.
   */
  public record StoredResult(String verdict, String applicantSet, Optional<Due> due, List<Finding> findings) {
    public StoredResult {
      findings = List.copyOf(findings);
    }

    public Optional<LocalDate> dueDate() {
      return due.map(Due::date);
    }
  }

  /** A stored due date: the term (code, amount, unit as in {@code Term.Unit}), the day counted from, the norms. */
  public record Due(String term, long amount, String unit, LocalDate received, LocalDate date, Text citation) {}

  /** The {@code talap-check/1} document for one checked submission, as the API answers it and the journal keeps it. */
  public static String result(String source, CheckResult result, String catalogueVersion) {
    StringWriter text = new StringWriter();
    try (CheckJson json = new CheckJson(text, catalogueVersion)) {
      json.result(source, result);
      CheckResult.Verdict verdict = result.verdict();
      json.finish(1, verdict == CheckResult.Verdict.COMPLETE ? 1 : 0, verdict == CheckResult.Verdict.INCOMPLETE ? 1 : 0,
          verdict == CheckResult.Verdict.NOT_ACCEPTED ? 1 : 0, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Reads the first result of a stored {@code talap-check/1} document. */
  public static StoredResult read(String document) {
    JsonNode result;
    try {
      result = MAPPER.readTree(document).path("results").path(0);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the stored result is not JSON (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ")", e);
    }
    if (!result.isObject()) {
      throw new IllegalArgumentException("the stored result has no results[0]");
    }
    List<Finding> findings = new ArrayList<>();
    for (JsonNode f : result.path("findings")) {
      JsonNode m = f.path("message");
      findings.add(new Finding(
          Finding.Severity.valueOf(f.path("severity").asText().toUpperCase(Locale.ROOT)),
          Finding.Kind.valueOf(f.path("kind").asText()), optional(f, "subject"), optional(f, "document"),
          text(f.path("citation")), new Text(m.path("kk").asText(), m.path("ru").asText(), m.path("en").asText())));
    }
    JsonNode d = result.path("due");
    Optional<Due> due = d.isObject() ? Optional.of(new Due(d.path("term").asText(), d.path("amount").asLong(),
        d.path("unit").asText(), LocalDate.parse(d.path("received").asText()), LocalDate.parse(d.path("date").asText()),
        text(d.path("citation")))) : Optional.empty();
    return new StoredResult(result.path("verdict").asText(), result.path("applicant_set").asText(), due, findings);
  }

  /** A text in three languages; a citation stored before citations had languages is the same in each. */
  private static Text text(JsonNode node) {
    return node.isTextual() ? new Text(node.asText(), node.asText(), node.asText())
        : new Text(node.path("kk").asText(), node.path("ru").asText(), node.path("en").asText());
  }

  private static Optional<String> optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  /** One journal entry as one line of JSON, the stored submission and result as JSON inside it. */
  public static String line(CheckRecord check) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", check.id());
    root.put("recorded_at", check.recordedAt().toString());
    root.put("day", check.day().toString());
    root.put("office", check.office());
    root.put("actor_kind", check.actorKind().name().toLowerCase(Locale.ROOT));
    root.put("actor", check.actor());
    root.put("catalogue_version", check.catalogueVersion());
    root.put("release_hash", check.releaseHash());
    check.releaseId().ifPresent(r -> root.put("release_id", r));
    root.put("preview", check.preview());
    root.put("service", check.service());
    check.subtype().ifPresent(s -> root.put("subtype", s));
    root.put("verdict", check.verdict());
    check.due().ifPresent(d -> root.put("due", d.toString()));
    root.set("submission", embedded(check.submission()));
    root.set("result", embedded(check.result()));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a journal entry as JSON", e);
    }
  }

  /** Stored JSON as a tree; text that is not JSON (never written by talap) as a string, so nothing is lost. */
  private static JsonNode embedded(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return MAPPER.getNodeFactory().textNode(json);
    }
  }
}

package kz.talap.server;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.talap.json.SubmissionJson;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Fact;

/**
 * The counter's answers as a submission tree for {@link SubmissionJson}, and the reader's problems sent back to the
 * step and field they concern. Up to a step, only the answers of the steps before it are read.
 */
final class Entered {
  /** The steps of the counter, in order. */
  enum Step { START, FACTS, DOCUMENTS, RESULT }

  private static final Pattern DOCUMENT = Pattern.compile("\\$\\.documents\\[(\\d+)](?:\\.([a-z_]+))?");
  private static final Pattern MISSING_FACT = Pattern.compile("missing fact '([a-z0-9_]+)'.*");

  /** One problem: the step it belongs to, the form field (its name) and the reader's message. */
  record Problem(Step step, String field, String message, boolean missing) {}

  private final Catalogue catalogue;
  private final Answers answers;
  private final List<String> documentOrder = new ArrayList<>();

  Entered(Catalogue catalogue, Answers answers) {
    this.catalogue = catalogue;
    this.answers = answers;
  }

  Optional<String> service() {
    return answers.get("what").map(w -> w.split("/", 2)[0]);
  }

  Optional<String> subtype() {
    return answers.get("what").filter(w -> w.contains("/")).map(w -> w.split("/", 2)[1]);
  }

  Optional<String> channel() {
    return answers.get("channel");
  }

  /** The submission time, when it is a date-time. */
  Optional<LocalDateTime> submittedAt() {
    try {
      return answers.get("submitted_at").map(LocalDateTime::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The submission tree with the answers of the steps before {@code upTo}; documents only among {@code listed}. */
  Map<String, Object> tree(Step upTo, List<String> listed) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("format", SubmissionJson.FORMAT);
    service().ifPresent(s -> tree.put("service", s));
    subtype().ifPresent(s -> tree.put("subtype", s));
    answers.get("channel").ifPresent(c -> tree.put("channel", c));
    answers.get("submitted_at").ifPresent(s -> tree.put("submitted_at", s));
    if (upTo.compareTo(Step.FACTS) > 0) {
      answers.get("stage").ifPresent(s -> tree.put("stage", s));
      Map<String, Object> facts = new LinkedHashMap<>();
      answers.under("fact.").forEach((name, value) -> facts.put(name, factValue(name, value)));
      tree.put("facts", facts);
    } else {
      tree.put("facts", Map.of());
    }
    if (upTo.compareTo(Step.DOCUMENTS) > 0) {
      List<Map<String, Object>> documents = new ArrayList<>();
      documentOrder.clear();
      for (String code : listed) {
        if (!answers.yes("doc." + code + ".presented")) {
          continue;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("code", code);
        for (String field : List.of("issued_on", "valid_until", "language", "issued_in")) {
          answers.get("doc." + code + "." + field).ifPresent(v -> document.put(field, v));
        }
        for (String field : List.of("notarised_translation", "legalised", "original_shown")) {
          if (answers.yes("doc." + code + "." + field)) {
            document.put(field, true);
          }
        }
        documents.add(document);
        documentOrder.add(code);
      }
      tree.put("documents", documents);
      if (answers.get("pay.amount_kzt").isPresent() || answers.get("pay.paid_on").isPresent()) {
        Map<String, Object> payment = new LinkedHashMap<>();
        answers.get("pay.amount_kzt").ifPresent(a -> payment.put("amount_kzt", number(a)));
        answers.get("pay.paid_on").ifPresent(d -> payment.put("paid_on", d));
        tree.put("payments", List.of(payment));
      }
    }
    return tree;
  }

  private Object factValue(String name, String value) {
    Optional<Fact> fact = catalogue.facts().stream().filter(f -> f.name().equals(name)).findFirst();
    if (fact.isEmpty()) {
      return value;
    }
    if (fact.get().type() == FactType.BOOL) {
      return value.equals("yes") ? Boolean.TRUE : value.equals("no") ? Boolean.FALSE : value;
    }
    return fact.get().type() == FactType.INT ? number(value) : value;
  }

  /** A whole number or decimal as a number, anything else as the text (the reader then says what is wrong). */
  private static Object number(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      try {
        return new java.math.BigDecimal(value);
      } catch (NumberFormatException e2) {
        return value;
      }
    }
  }

  /** Where each problem of the reader belongs, with its message in the language {@code lang}. */
  List<Problem> place(List<SubmissionJson.Problem> problems, String lang) {
    List<Problem> placed = new ArrayList<>();
    for (SubmissionJson.Problem problem : problems) {
      String path = problem.path();
      // Placed by the English message; shown in the counter's language.
      Matcher missing = MISSING_FACT.matcher(problem.message());
      String said = problem.message(lang);
      Matcher document = DOCUMENT.matcher(path);
      if (path.equals("$.facts") && missing.matches()) {
        placed.add(new Problem(Step.FACTS, "fact." + missing.group(1), said, true));
      } else if (path.startsWith("$.facts.")) {
        placed.add(new Problem(Step.FACTS, "fact." + path.substring(8), said, false));
      } else if (path.equals("$.stage") || path.equals("$.facts")) {
        placed.add(new Problem(Step.FACTS, "stage", said, false));
      } else if (document.lookingAt() && Integer.parseInt(document.group(1)) < documentOrder.size()) {
        String code = documentOrder.get(Integer.parseInt(document.group(1)));
        String field = document.group(2) == null ? "presented" : document.group(2);
        placed.add(new Problem(Step.DOCUMENTS, "doc." + code + "." + field, said, false));
      } else if (path.startsWith("$.payments")) {
        placed.add(new Problem(Step.DOCUMENTS, path.endsWith("paid_on") ? "pay.paid_on" : "pay.amount_kzt",
            said, false));
      } else if (path.equals("$.channel")) {
        placed.add(new Problem(Step.START, "channel", said, false));
      } else if (path.equals("$.submitted_at")) {
        placed.add(new Problem(Step.START, "submitted_at", said, false));
      } else {
        placed.add(new Problem(Step.START, "what", said, path.equals("$") || path.isEmpty()));
      }
    }
    return placed;
  }

  /** The day the catalogue is read for: the submission day, or today. */
  LocalDate day(LocalDate today) {
    return submittedAt().map(LocalDateTime::toLocalDate).orElse(today);
  }
}

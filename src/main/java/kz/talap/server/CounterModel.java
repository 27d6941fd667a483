package kz.talap.server;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kz.talap.check.CheckResult;
import kz.talap.check.CheckResult.Verdict;
import kz.talap.check.Finding;
import kz.talap.check.Finding.Kind;
import kz.talap.check.Finding.Severity;
import kz.talap.json.SubmissionJson;
import kz.talap.model.Catalogue;
import kz.talap.model.Channel;
import kz.talap.model.Document;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Enums.MoneyUnit;
import kz.talap.model.Fact;
import kz.talap.model.Language;
import kz.talap.model.Requirement;
import kz.talap.model.Service;
import kz.talap.model.Stage;
import kz.talap.model.SubType;
import kz.talap.server.Entered.Step;

/** The data of the counter's pages: choices, questions, document rows, the result, the summary and the receipt. */
final class CounterModel {

  /** The form-field id of an answer name ("doc.X.issued_on" → "f-doc-X-issued_on"). */
  static String id(String field) {
    return "f-" + field.replace('.', '-');
  }

  /** Every service without sub-types and every sub-type in force, as "SERVICE" or "SERVICE/SUBTYPE". */
  List<Map<String, Object>> services(Catalogue now, Language lang) {
    List<Map<String, Object>> options = new ArrayList<>();
    for (Service service : now.services()) {
      List<SubType> subtypes = now.subTypes().stream().filter(s -> s.service().equals(service.code()))
          .sorted(Comparator.comparingInt(SubType::number)).toList();
      if (subtypes.isEmpty()) {
        options.add(option(service.code(), service.name().in(lang), service.code()));
      }
      for (SubType subtype : subtypes) {
        options.add(option(service.code() + "/" + subtype.code(), service.name().in(lang) + ": "
            + subtype.name().in(lang), subtype.code()));
      }
    }
    return options;
  }

  List<Map<String, Object>> channels(Catalogue now, Language lang) {
    return now.channels().stream().map(c -> option(c.code(), c.name().in(lang), c.code())).toList();
  }

  private static Map<String, Object> option(String value, String name, String code) {
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("value", value);
    option.put("name", name);
    option.put("id", "o-" + value.replace('/', '-'));
    option.put("code", code);
    return option;
  }

  /** The service, sub-type, channel and time chosen, as the later pages show them. */
  Map<String, Object> chosen(Entered entered, Catalogue now, Language lang) {
    Map<String, Object> chosen = new LinkedHashMap<>();
    String what = entered.service().orElse("") + entered.subtype().map(s -> "/" + s).orElse("");
    services(now, lang).stream().filter(o -> o.get("value").equals(what)).findFirst()
        .ifPresent(o -> chosen.put("service", o.get("name")));
    now.channels().stream().filter(c -> c.code().equals(entered.service().isPresent() ? channelOf(entered) : ""))
        .findFirst().ifPresent(c -> chosen.put("channel", c.name().in(lang)));
    entered.submittedAt().ifPresent(at -> chosen.put("submittedAt", Counter.dotted(at.toLocalDate()) + " "
        + at.toLocalTime()));
    return chosen;
  }

  private static String channelOf(Entered entered) {
    return entered.tree(Step.START, List.of()).getOrDefault("channel", "").toString();
  }

  /** The stages of the chosen service (empty when it has none). */
  List<Map<String, Object>> stages(Entered entered, Catalogue now, Language lang) {
    return stagesOf(entered, now).stream().map(s -> option(s.code(), s.name().in(lang), s.code())).toList();
  }

  private static List<Stage> stagesOf(Entered entered, Catalogue now) {
    String service = entered.service().orElse("");
    return now.stages().stream()
        .filter(s -> s.service().equals(service) && (s.subtype().isEmpty() || s.subtype().equals(entered.subtype())))
        .sorted(Comparator.comparingInt(Stage::order)).toList();
  }

  /** The questions about the applicant: the facts the service's conditions and deadlines read, typed. */
  List<Map<String, Object>> facts(Entered entered, Catalogue now, Language lang) {
    String service = entered.service().orElse("");
    Map<String, Fact> asked = new LinkedHashMap<>();
    List<Optional<String>> stages = new ArrayList<>();
    stages.add(Optional.empty());
    stagesOf(entered, now).forEach(s -> stages.add(Optional.of(s.code())));
    for (Optional<String> stage : stages) {
      SubmissionJson.asked(now, service, entered.subtype(), stage).forEach(f -> asked.put(f.name(), f));
    }
    List<Map<String, Object>> questions = new ArrayList<>();
    for (Fact fact : now.facts()) {
      if (!asked.containsKey(fact.name())) {
        continue;
      }
      Map<String, Object> question = new LinkedHashMap<>();
      question.put("name", "fact." + fact.name());
      question.put("id", id("fact." + fact.name()));
      question.put("label", fact.label().in(lang));
      question.put("type", fact.type().name().toLowerCase(Locale.ROOT));
      question.put("required", fact.required() || fact.type() != FactType.BOOL);
      question.put("values", fact.allowedValues());
      questions.add(question);
    }
    return questions;
  }

  /**
   * The documents to ask about: those a check of the applicant without documents finds missing (each document of
   * a "one of" group), in checklist order, with the name, the group and the norm.
   */
  List<Map<String, Object>> listed(CheckResult empty, Catalogue now, Language lang) {
    String service = empty.submission().service();
    Optional<String> subtype = empty.submission().subtype();
    Optional<String> stage = empty.submission().stage();
    Map<String, Map<String, Object>> items = new TreeMap<>();
    for (Finding finding : empty.findings()) {
      if (finding.kind() == Kind.MISSING_DOCUMENT && finding.document().isPresent()) {
        Optional<Requirement> requirement = now.requirements().stream()
            .filter(r -> r.code().equals(finding.subject().orElse(""))).findFirst();
        requirement.ifPresent(r -> items.put(key(r), item(r, now, lang, Optional.empty())));
      } else if (finding.kind() == Kind.MISSING_ONE_OF && finding.subject().isPresent()) {
        String group = finding.subject().get();
        String groupName = now.groups().stream().filter(g -> g.code().equals(group)).findFirst()
            .map(g -> g.name().in(lang)).orElse(group);
        now.requirements().stream()
            .filter(r -> r.group().equals(Optional.of(group)) && r.service().equals(service))
            .filter(r -> r.subtype().isEmpty() || r.subtype().equals(subtype))
            .filter(r -> r.stage().isEmpty() || r.stage().equals(stage))
            .forEach(r -> items.putIfAbsent(key(r), item(r, now, lang, Optional.of(groupName))));
      }
    }
    return List.copyOf(items.values());
  }

  private static String key(Requirement r) {
    return String.format("%06d/%s", r.order(), r.code());
  }

  private static Map<String, Object> item(Requirement r, Catalogue now, Language lang, Optional<String> group) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("code", r.document());
    item.put("requirement", r.code());
    item.put("number", r.order());
    item.put("name", now.document(r.document()).map(Document::name).map(n -> n.in(lang)).orElse(r.document()));
    group.ifPresent(g -> item.put("group", g));
    r.explanation().ifPresent(e -> item.put("when", e.in(lang)));
    item.put("original", r.originalShown());
    r.maxAgeDays().ifPresent(d -> item.put("maxAgeDays", d));
    r.minValidityDays().ifPresent(d -> item.put("minValidityDays", d));
    item.put("citation", r.citation());
    return item;
  }

  /** The document rows of the form, each with its answers so far. */
  List<Map<String, Object>> documentFields(List<Map<String, Object>> listed, Answers answers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> item : listed) {
      Map<String, Object> row = new LinkedHashMap<>(item);
      String prefix = "doc." + item.get("code") + ".";
      row.put("prefix", prefix);
      row.put("idPrefix", id(prefix));
      Map<String, Object> values = new LinkedHashMap<>();
      for (String field : Answers.DOCUMENT_FIELDS) {
        values.put(field, answers.value(prefix + field));
      }
      row.put("values", values);
      rows.add(row);
    }
    return rows;
  }

  /** The fee of the chosen service, when it is not free: name, amount and norm. */
  Optional<Map<String, Object>> fee(Entered entered, Catalogue now, Language lang) {
    String service = entered.service().orElse("");
    return now.fees().stream()
        .filter(f -> f.service().equals(service) && !f.free())
        .filter(f -> f.subtype().isEmpty() || f.subtype().equals(entered.subtype()))
        .findFirst().map(f -> {
          Map<String, Object> fee = new LinkedHashMap<>();
          fee.put("name", f.name().in(lang));
          fee.put("amount", lang.number(f.amount()) + " " + (f.unit() == MoneyUnit.MCI ? "MCI" : "₸"));
          fee.put("citation", f.citation());
          return fee;
        });
  }

  /** The verdict, the findings in the clerk's language with their norms, and the due date. */
  Map<String, Object> result(CheckResult result, Language lang) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("complete", result.verdict() == Verdict.COMPLETE);
    model.put("findings", findings(result, lang, false));
    result.due().ifPresent(due -> {
      model.put("due", Counter.dotted(due.due()));
      model.put("received", Counter.dotted(due.received()));
      model.put("dueCitation", due.term().citation() + "; " + kz.talap.calendar.DueDate.COUNTING_CITATION);
    });
    return model;
  }

  private static List<Map<String, Object>> findings(CheckResult result, Language lang, boolean errorsOnly) {
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Finding finding : result.findings()) {
      if (errorsOnly && finding.severity() != Severity.ERROR) {
        continue;
      }
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
      one.put("kind", finding.kind().name());
      one.put("text", finding.message().in(lang));
      one.put("citation", finding.citation());
      findings.add(one);
    }
    return findings;
  }

  /** The "check your answers" summary: each step's answers and the link that changes them. */
  List<Map<String, Object>> summary(Entered entered, Answers answers, Catalogue now, Language lang,
      List<Map<String, Object>> listed, String base) {
    String query = "?" + answers.query();
    List<Map<String, Object>> sections = new ArrayList<>();
    Map<String, Object> chosen = chosen(entered, now, lang);
    List<Map<String, Object>> start = new ArrayList<>();
    start.add(row(Strings.get(lang, "start.service"), (String) chosen.getOrDefault("service", "")));
    start.add(row(Strings.get(lang, "start.channel"), (String) chosen.getOrDefault("channel", "")));
    start.add(row(Strings.get(lang, "start.submitted_at"), (String) chosen.getOrDefault("submittedAt", "")));
    sections.add(section(Strings.get(lang, "step.start"), base + "/" + query, start));
    List<Map<String, Object>> facts = new ArrayList<>();
    answers.get("stage").ifPresent(s -> facts.add(row(Strings.get(lang, "facts.stage"),
        now.stages().stream().filter(st -> st.code().equals(s)).findFirst().map(st -> st.name().in(lang)).orElse(s))));
    for (Map<String, Object> question : facts(entered, now, lang)) {
      String name = (String) question.get("name");
      String value = answers.value(name);
      String shown = switch ((String) question.get("type")) {
        case "bool" -> Strings.get(lang, value.equals("yes") ? "answer.yes" : "answer.no");
        case "country" -> value.isEmpty() ? "" : Choices.country(value, lang);
        case "date" -> Counter.date(value).map(Counter::dotted).orElse(value);
        default -> value;
      };
      facts.add(row((String) question.get("label"), shown));
    }
    sections.add(section(Strings.get(lang, "step.facts"), base + "/facts" + query, facts));
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Map<String, Object> item : listed) {
      String prefix = "doc." + item.get("code") + ".";
      documents.add(row((String) item.get("name"), answers.yes(prefix + "presented")
          ? describe(answers, prefix, lang) : Strings.get(lang, "documents.not_presented")));
    }
    answers.get("pay.amount_kzt").ifPresent(a -> documents.add(row(Strings.get(lang, "documents.payment"),
        a + " ₸" + answers.get("pay.paid_on").flatMap(Counter::date).map(d -> ", " + Counter.dotted(d)).orElse(""))));
    sections.add(section(Strings.get(lang, "step.documents"), base + "/documents" + query, documents));
    return sections;
  }

  /** A presented document in words: "presented; issued 02.03.2026; valid until …; original shown". */
  static String describe(Answers answers, String prefix, Language lang) {
    List<String> parts = new ArrayList<>();
    parts.add(Strings.get(lang, "documents.presented"));
    answers.get(prefix + "issued_on").flatMap(Counter::date)
        .ifPresent(d -> parts.add(Strings.get(lang, "documents.issued_on") + " " + Counter.dotted(d)));
    answers.get(prefix + "valid_until").flatMap(Counter::date)
        .ifPresent(d -> parts.add(Strings.get(lang, "documents.valid_until") + " " + Counter.dotted(d)));
    answers.get(prefix + "language").ifPresent(l -> parts.add(Strings.get(lang, "documents.language") + " "
        + Choices.documentLanguage(l, lang)));
    answers.get(prefix + "issued_in").ifPresent(c -> parts.add(Strings.get(lang, "documents.issued_in") + " "
        + Choices.country(c, lang)));
    for (String flag : List.of("notarised_translation", "legalised", "original_shown")) {
      if (answers.yes(prefix + flag)) {
        parts.add(Strings.get(lang, "documents." + flag));
      }
    }
    return String.join("; ", parts);
  }

  private static Map<String, Object> row(String label, String value) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("label", label);
    row.put("value", value);
    return row;
  }

  private static Map<String, Object> section(String title, String change, List<Map<String, Object>> rows) {
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("title", title);
    section.put("change", change);
    section.put("rows", rows);
    return section;
  }

  /**
   * The receipt in the applicant's language: the documents accepted and the due date, or the refusal to accept an
   * incomplete package with what is missing or invalid and why, each with its norm.
   */
  Map<String, Object> receipt(CheckResult result, Catalogue now, Language lang, List<Map<String, Object>> listed) {
    Map<String, Object> receipt = new LinkedHashMap<>();
    boolean complete = result.verdict() == Verdict.COMPLETE;
    receipt.put("complete", complete);
    Service service = now.service(result.submission().service()).orElseThrow();
    receipt.put("service", service.name().in(lang));
    result.submission().subtype().flatMap(s -> now.subTypes().stream().filter(st -> st.code().equals(s)).findFirst())
        .ifPresent(s -> receipt.put("subtype", s.name().in(lang)));
    receipt.put("provider", service.provider().in(lang));
    now.channels().stream().filter(c -> c.code().equals(result.submission().channel())).findFirst()
        .map(Channel::name).ifPresent(n -> receipt.put("channel", n.in(lang)));
    receipt.put("submittedAt", Counter.dotted(result.submission().submittedOn()) + " "
        + result.submission().submittedAt().toLocalTime());
    List<Map<String, Object>> accepted = new ArrayList<>();
    int number = 1;
    for (var document : result.submission().documents()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("number", number++);
      row.put("name", now.document(document.code()).map(Document::name).map(n -> n.in(lang)).orElse(document.code()));
      row.put("original", document.originalShown());
      accepted.add(row);
    }
    receipt.put("documents", accepted);
    receipt.put("reasons", findings(result, lang, true));
    result.due().ifPresent(due -> {
      receipt.put("due", Counter.dotted(due.due()));
      receipt.put("dueCitation", due.term().citation() + "; " + kz.talap.calendar.DueDate.COUNTING_CITATION);
    });
    BigDecimal paid = result.submission().payments().stream().map(p -> p.amountKzt())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (paid.signum() > 0) {
      receipt.put("paid", lang.number(paid) + " ₸");
    }
    receipt.put("catalogueVersion", now.version());
    return receipt;
  }
}

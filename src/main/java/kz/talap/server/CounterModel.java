package kz.talap.server;

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
import kz.talap.model.Document;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Enums.MoneyUnit;
import kz.talap.model.Fact;
import kz.talap.model.Language;
import kz.talap.model.Requirement;
import kz.talap.model.Service;
import kz.talap.model.Stage;
import kz.talap.model.SubType;

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
    now.channels().stream().filter(c -> entered.channel().equals(Optional.of(c.code())))
        .findFirst().ifPresent(c -> chosen.put("channel", c.name().in(lang)));
    entered.submittedAt().ifPresent(at -> chosen.put("submittedAt", Counter.dotted(at.toLocalDate()) + " "
        + at.toLocalTime()));
    return chosen;
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
    item.put("citation", r.citation().in(lang));
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
          fee.put("citation", f.citation().in(lang));
          return fee;
        });
  }

  /** The verdict, the findings in the clerk's language with their norms, and the due date. */
  Map<String, Object> result(CheckResult result, Language lang) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("complete", result.verdict() == Verdict.COMPLETE);
    model.put("verdict", result.verdict().name().toLowerCase(java.util.Locale.ROOT));
    model.put("findings", findings(result, lang, false));
    result.due().ifPresent(due -> {
      model.put("due", Counter.dotted(due.due()));
      model.put("received", Counter.dotted(due.received()));
      model.put("dueCitation", due.term().citation().and(kz.talap.calendar.DueDate.COUNTING_CITATION, "; ").in(lang));
    });
    return model;
  }

  static List<Map<String, Object>> findings(CheckResult result, Language lang, boolean errorsOnly) {
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Finding finding : result.findings()) {
      if (errorsOnly && finding.severity() != Severity.ERROR) {
        continue;
      }
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
      one.put("kind", finding.kind().name());
      one.put("text", finding.message(lang));
      one.put("citation", finding.citation().in(lang));
      findings.add(one);
    }
    return findings;
  }
}

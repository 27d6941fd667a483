package kz.talap.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.talap.model.Catalogue;
import kz.talap.model.Language;

/** The counter's "check your answers" summary: each step's answers in words and the link that changes them. */
final class Summary {
  private final CounterModel model;

  Summary(CounterModel model) {
    this.model = model;
  }

  /** The "check your answers" summary: each step's answers and the link that changes them. */
  List<Map<String, Object>> summary(Entered entered, Answers answers, Catalogue now, Language lang,
      List<Map<String, Object>> listed, String base) {
    String query = "?" + answers.query();
    List<Map<String, Object>> sections = new ArrayList<>();
    Map<String, Object> chosen = model.chosen(entered, now, lang);
    List<Map<String, Object>> start = new ArrayList<>();
    start.add(row(Strings.get(lang, "start.service"), (String) chosen.getOrDefault("service", "")));
    start.add(row(Strings.get(lang, "start.channel"), (String) chosen.getOrDefault("channel", "")));
    start.add(row(Strings.get(lang, "start.submitted_at"), (String) chosen.getOrDefault("submittedAt", "")));
    sections.add(section(Strings.get(lang, "step.start"), base + "/" + query, start));
    List<Map<String, Object>> facts = new ArrayList<>();
    answers.get("stage").ifPresent(s -> facts.add(row(Strings.get(lang, "facts.stage"),
        now.stages().stream().filter(st -> st.code().equals(s)).findFirst().map(st -> st.name().in(lang)).orElse(s))));
    for (Map<String, Object> question : model.facts(entered, now, lang)) {
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
}

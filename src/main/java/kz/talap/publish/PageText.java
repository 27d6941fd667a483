package kz.talap.publish;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kz.talap.model.Enums.TermUnit;
import kz.talap.model.Label;
import kz.talap.model.Language;
import kz.talap.model.Text;
import kz.talap.model.Validity;

/**
 * The applicant-facing words of one language: catalogue labels, numbers, money, dates and quantities with the right
 * grammatical number. Formats are fixed in code, never taken from the JVM's locale, so every run gives the same bytes.
 */
final class PageText {
  /** dd.MM.yyyy is the date format of official documents in Kazakhstan in all three languages. */
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
  private static final String NO_BREAK_SPACE = "\u00a0";
  static final String TENGE = "₸";

  private final Language language;
  private final Map<String, String> labels;

  PageText(Language language, List<Label> labels) {
    this.language = language;
    Map<String, String> texts = new TreeMap<>();
    for (Label label : labels) {
      texts.put(label.code(), in(label.text(), language));
    }
    this.labels = texts;
  }

  Language language() {
    return language;
  }

  /** Every label in this language, for templates. */
  Map<String, String> labels() {
    return labels;
  }

  String of(Text text) {
    return in(text, language);
  }

  Optional<String> of(Optional<Text> text) {
    return text.map(this::of).filter(s -> !s.isEmpty());
  }

  /**
   * A text in a language. A translation left empty (allowed only with --allow-missing-translations) falls back to
   * Russian, then Kazakh, then English, so that no applicant sees a blank.
   */
  static String in(Text text, Language language) {
    for (Language candidate : List.of(language, Language.RU, Language.KK, Language.EN)) {
      if (!text.in(candidate).isEmpty()) {
        return text.in(candidate);
      }
    }
    return "";
  }

  String label(String code) {
    String text = labels.get(code);
    if (text == null) {
      // SitePublisher checks the labels it needs before rendering; reaching this is a bug in that list.
      throw new IllegalStateException("label " + code + " is not in the catalogue");
    }
    return text;
  }

  /** A label with its placeholders {0}, {1}, ... replaced (plain replacement: no quoting rules for editors). */
  String format(String code, String... values) {
    String text = label(code);
    for (int i = 0; i < values.length; i++) {
      text = text.replace("{" + i + "}", values[i]);
    }
    return text;
  }

  String date(LocalDate date) {
    return DATE.format(date);
  }

  /** "from 13.02.2026 until 31.12.2026", or empty for a row that is always in force. */
  String validity(Validity validity) {
    StringBuilder text = new StringBuilder();
    validity.from().ifPresent(from -> text.append(format("VALID_FROM", date(from))));
    validity.to().ifPresent(to -> text.append(text.length() > 0 ? " " : "").append(format("VALID_TO", date(to))));
    return text.toString();
  }

  /**
   * "45 calendar days", "1 рабочий день", "күнтізбелік 45 күн": a unit label with {n} places the number itself (the
   * order of seed 003: «күнтізбелік 45 (қырық бес) күн»), otherwise the number comes first.
   */
  String quantity(int amount, TermUnit unit) {
    String code = unit.name();
    String form = switch (language.plural(amount)) {
      case ONE -> code + "_ONE";
      case FEW -> code + "_FEW";
      case MANY -> code;
    };
    String unitText = label(form);
    return unitText.contains("{n}") ? unitText.replace("{n}", Integer.toString(amount)) : amount + " " + unitText;
  }

  /** A number with grouped thousands in this page's language ({@link Language#number}). */
  String number(BigDecimal value) {
    return language.number(value);
  }

  /** "17,300 ₸". */
  String tenge(BigDecimal value) {
    return number(value) + NO_BREAK_SPACE + TENGE;
  }
}

package kz.talap.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/** The three languages of the catalogue. */
public enum Language {
  KK,
  RU,
  EN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Language> parse(String code) {
    for (Language language : values()) {
      if (language.code().equals(code)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  /** The grammatical number a noun takes after a numeral. */
  public enum Plural { ONE, FEW, MANY }

  /**
   * The grammatical number a noun takes after {@code amount}. Russian: 1, 21, 31 … take the singular, 2–4, 22–24 …
   * the genitive singular, the rest the genitive plural. English: 1 takes the singular. Kazakh nouns stay singular
   * after any numeral (the forms of a Kazakh word are the same).
   */
  public Plural plural(long amount) {
    long n = Math.abs(amount);
    if (this != RU) {
      return n == 1 ? Plural.ONE : Plural.MANY;
    }
    long lastTwo = n % 100;
    long last = n % 10;
    if (last == 1 && lastTwo != 11) {
      return Plural.ONE;
    }
    if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
      return Plural.FEW;
    }
    return Plural.MANY;
  }

  /**
   * A number with grouped thousands: "17,300" in English, "17 300" (no-break space) in Kazakh and Russian, and a
   * decimal comma in Kazakh and Russian; at most two decimals, trailing zeros dropped.
   */
  public String number(BigDecimal value) {
    BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    String plain = rounded.abs().toPlainString();
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    String fraction = dot < 0 ? "" : plain.substring(dot + 1);
    String group = this == EN ? "," : "\u00a0";
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        grouped.append(group);
      }
      grouped.append(whole.charAt(i));
    }
    if (!fraction.isEmpty()) {
      grouped.append(this == EN ? "." : ",").append(fraction);
    }
    return (rounded.signum() < 0 ? "-" : "") + grouped;
  }
}

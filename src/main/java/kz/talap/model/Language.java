package kz.talap.model;

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
}

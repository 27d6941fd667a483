package kz.talap.server;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kz.talap.model.Language;

/** The fixed lists the counter's pickers offer in each language: countries and document languages. */
final class Choices {
  /** Languages documents commonly come in; Kazakh and Russian need no translation. */
  private static final List<String> DOCUMENT_LANGUAGES = List.of("kk", "ru", "en", "uz", "ky", "tg", "tk", "az",
      "hy", "ka", "be", "uk", "zh", "mn", "ko", "ja", "tr", "fa", "ar", "de", "fr", "es", "it", "pl", "hi", "ur");
  private static final Map<Language, List<Map<String, String>>> COUNTRIES = new EnumMap<>(Language.class);
  private static final Map<Language, List<Map<String, String>>> LANGUAGES = new EnumMap<>(Language.class);

  static {
    Set<String> codes = new TreeSet<>(Set.of(Locale.getISOCountries()));
    for (Language language : Language.values()) {
      Locale locale = locale(language);
      Collator collator = Collator.getInstance(locale);
      List<Map<String, String>> countries = new ArrayList<>();
      for (String code : codes) {
        countries.add(option(code, new Locale("", code).getDisplayCountry(locale)));
      }
      countries.sort(Comparator.comparing((Map<String, String> o) -> o.get("name"), collator));
      countries.add(option("XX", Strings.get(language, "country.stateless")));
      COUNTRIES.put(language, List.copyOf(countries));
      List<Map<String, String>> languages = new ArrayList<>();
      for (String code : DOCUMENT_LANGUAGES) {
        languages.add(option(code, new Locale(code).getDisplayLanguage(locale)));
      }
      LANGUAGES.put(language, List.copyOf(languages));
    }
  }

  private Choices() {}

  static Locale locale(Language language) {
    return Locale.forLanguageTag(language.code() + "-KZ");
  }

  static List<Map<String, String>> countries(Language language) {
    return COUNTRIES.get(language);
  }

  static List<Map<String, String>> languages(Language language) {
    return LANGUAGES.get(language);
  }

  /** The name of a country code in a language ("XX": stateless). */
  static String country(String code, Language language) {
    return COUNTRIES.get(language).stream().filter(o -> o.get("code").equals(code)).findFirst()
        .map(o -> o.get("name")).orElse(code);
  }

  static String documentLanguage(String code, Language language) {
    return new Locale(code).getDisplayLanguage(locale(language));
  }

  private static Map<String, String> option(String code, String name) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put("code", code);
    option.put("name", name);
    return option;
  }
}

package kz.talap.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import kz.talap.model.Language;

/** The counter's interface strings in Kazakh, Russian and English ({@code counter_xx.properties}, UTF-8). */
final class Strings {
  private static final Map<Language, Map<String, String>> ALL = load();

  private Strings() {}

  /** Every string of one language, by key. */
  static Map<String, String> of(Language language) {
    return ALL.get(language);
  }

  static String get(Language language, String key) {
    String text = ALL.get(language).get(key);
    if (text == null) {
      throw new IllegalArgumentException("no counter string '" + key + "' in " + language.code());
    }
    return text;
  }

  private static Map<Language, Map<String, String>> load() {
    Map<Language, Map<String, String>> all = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      String name = "counter_" + language.code() + ".properties";
      try (InputStream in = Strings.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + name);
        }
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> strings = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> strings.put(k, properties.getProperty(k)));
        all.put(language, Map.copyOf(strings));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }
}

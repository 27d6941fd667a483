package kz.talap.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PhraseTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  private static Set<String> placeholders(String template) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  @Test
  void bundles_everyKeyInKkRuEn_withTheSamePlaceholders() {
    Properties en = Phrase.Bundles.BY_LANGUAGE.get("en");
    List<String> problems = new ArrayList<>();
    for (String language : Phrase.LANGUAGES) {
      Properties bundle = Phrase.Bundles.BY_LANGUAGE.get(language);
      Set<String> all = new TreeSet<>(en.stringPropertyNames());
      all.addAll(bundle.stringPropertyNames());
      for (String key : all) {
        String template = bundle.getProperty(key);
        if (template == null || en.getProperty(key) == null) {
          problems.add(language + ": " + key + " is missing in " + (template == null ? language : "en"));
        } else if (template.isBlank()) {
          problems.add(language + ": " + key + " is empty");
        } else if (!placeholders(template).equals(placeholders(en.getProperty(key)))) {
          problems.add(language + ": " + key + " has " + placeholders(template) + ", en has "
              + placeholders(en.getProperty(key)));
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void bundles_kkAndRuAreTranslated_notCopiesOfEnglish() {
    Properties en = Phrase.Bundles.BY_LANGUAGE.get("en");
    // Texts that are the same in every language: placeholders only, or a technical word.
    Set<String> same = Set.of("plain", "condition.values-two", "condition.operand-literal", "type.null");
    for (String language : List.of("kk", "ru")) {
      Properties bundle = Phrase.Bundles.BY_LANGUAGE.get(language);
      for (String key : en.stringPropertyNames()) {
        if (!same.contains(key)) {
          assertFalse(bundle.getProperty(key).equals(en.getProperty(key)), language + ": " + key + " is English");
        }
      }
    }
  }

  @Test
  void sources_everyKeyNamedInTheCodeIsInTheBundles() throws IOException {
    Properties en = Phrase.Bundles.BY_LANGUAGE.get("en");
    Pattern literal = Pattern.compile("Phrase\\.of\\(\\s*\"([a-z.-]+)\"\\s*[,)]");
    List<String> missing = new ArrayList<>();
    int found = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher matcher = literal.matcher(Files.readString(file));
        while (matcher.find()) {
          found++;
          if (en.getProperty(matcher.group(1)) == null) {
            missing.add(file.getFileName() + ": " + matcher.group(1));
          }
        }
      }
    }
    assertTrue(found > 40, "found " + found);
    assertEquals(List.of(), missing);
  }

  @Test
  void in_fillsNestedPhrasesInTheSameLanguage() {
    Phrase phrase = Phrase.of("compile.unknown-code-near", "noun", Phrase.of("noun-of.document"), "code", "PASSPRT",
        "near", Phrase.of("near.one", "a", "PASSPORT"));
    assertEquals("unknown document code 'PASSPRT' — did you mean 'PASSPORT'?", phrase.in("en"));
    assertEquals("неизвестный код документа 'PASSPRT' — возможно, имелось в виду 'PASSPORT'?", phrase.in("ru"));
    assertEquals("белгісіз құжат коды 'PASSPRT' — 'PASSPORT' деп жазғыңыз келді ме?", phrase.in("kk"));
    assertEquals(phrase.in("en"), phrase.in("fr"));
  }

  @Test
  void in_valueWithDollarAndBackslash_isKeptAsItIs() {
    assertEquals("required cell 'a$1\\b' is empty", Phrase.of("compile.empty-cell", "column", "a$1\\b").in("en"));
  }
}

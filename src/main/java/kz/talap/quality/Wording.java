package kz.talap.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kz.talap.model.Language;
import kz.talap.quality.QualityReport.Finding;
import kz.talap.quality.QualityReport.Level;
import kz.talap.schema.Schema;
import kz.talap.schema.Table;
import kz.talap.workbook.RawCell;
import kz.talap.workbook.RawRow;
import kz.talap.workbook.ReadResult;

/**
 * Duplicate wording: two rows of a table with the same text in one language (two documents both called "Паспорт"),
 * and a text that is the same in two languages where it should be translated.
 */
final class Wording {
  private static final Pattern CYRILLIC = Pattern.compile(".*\\p{IsCyrillic}.*", Pattern.DOTALL);
  /** A Kazakh and a Russian word may well be spelt the same ("Паспорт"); a phrase of this many words may not. */
  static final int PHRASE_WORDS = 3;

  private Wording() {}

  static List<Finding> check(ReadResult input, LocalDate asOf) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : Schema.tables()) {
      List<RawRow> rows = input.rows(table.name()).filter(r -> !Quality.ended(r, asOf)).toList();
      for (String base : Translations.bases(table)) {
        for (Language language : Language.values()) {
          if (identifies(table, base)) {
            duplicates(table, rows, base + "_" + language.code(), findings);
          }
        }
        for (RawRow row : rows) {
          untranslated(row, base, findings);
        }
      }
    }
    return findings;
  }

  /**
   * Whether a text tells its row apart from the others shown with it: the name of a document, service, stage, fee or
   * term, the label of a fact, the text of a rule or refusal ground. Notes, explanations and providers may repeat;
   * so may holiday names (one row per year) and interface labels (a Kazakh unit reads the same after any number).
   */
  static boolean identifies(Table table, String base) {
    return Set.of("name", "label", "text").contains(base)
        && !Set.of(Schema.CALENDAR, Schema.LABELS).contains(table.name());
  }

  /**
   * Reports each row whose text repeats an earlier row's, among rows shown together: rows of the same service and
   * sub-type (where the table has them), in force on a common day, with different keys (versions of one row may
   * repeat their text).
   */
  private static void duplicates(Table table, List<RawRow> rows, String column, List<Finding> findings) {
    Map<String, List<RawRow>> seen = new LinkedHashMap<>();
    for (RawRow row : rows) {
      RawCell cell = row.cell(column);
      if (cell.isBlank()) {
        continue;
      }
      String scope = row.value("service") + "/" + row.value("subtype") + "/" + normal(cell.value());
      List<RawRow> earlier = seen.computeIfAbsent(scope, s -> new ArrayList<>());
      earlier.stream()
          .filter(e -> !RowChecks.key(table, e).equals(RowChecks.key(table, row)) && RowChecks.overlap(e, row))
          .findFirst()
          .ifPresent(e -> findings.add(new Finding(Level.WARNING, "duplicate-wording", cell.where(),
              "duplicate wording: " + column + " " + Quality.quote(cell.value()) + " is the same as at "
                  + e.cell(column).where())));
      earlier.add(row);
    }
  }

  /**
   * Reports a text that is the same in two languages: an English text the same as the Kazakh or Russian one when it
   * is in Cyrillic, and any two languages that share a whole phrase.
   */
  private static void untranslated(RawRow row, String base, List<Finding> findings) {
    // English is compared with Russian first: a text copied into the wrong column is reported once, at its cell.
    Language[][] pairs = {{Language.RU, Language.EN}, {Language.KK, Language.EN}, {Language.KK, Language.RU}};
    Set<Language> reported = new java.util.HashSet<>();
    for (Language[] pair : pairs) {
      if (reported.contains(pair[1])) {
        continue;
      }
      String first = row.value(base + "_" + pair[0].code());
      String second = row.value(base + "_" + pair[1].code());
      if (first.isBlank() || !normal(first).equals(normal(second))) {
        continue;
      }
      boolean cyrillicEnglish = pair[1] == Language.EN && CYRILLIC.matcher(second).matches();
      if (cyrillicEnglish || words(first) >= PHRASE_WORDS) {
        reported.add(pair[1]);
        String column = base + "_" + pair[1].code();
        findings.add(new Finding(Level.WARNING, "same-in-two-languages", row.cell(column).where(),
            column + " is the same as " + base + "_" + pair[0].code() + " (" + Quality.quote(second)
                + "): translate it"));
      }
    }
  }

  private static String normal(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static int words(String text) {
    return (int) java.util.Arrays.stream(text.strip().split("\\s+")).filter(w -> w.matches(".*\\p{L}.*")).count();
  }
}

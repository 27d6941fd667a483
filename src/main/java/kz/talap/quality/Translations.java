package kz.talap.quality;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.talap.model.Language;
import kz.talap.quality.QualityReport.Completeness;
import kz.talap.schema.Column;
import kz.talap.schema.Schema;
import kz.talap.schema.Table;
import kz.talap.workbook.RawRow;
import kz.talap.workbook.ReadResult;

/** Counts, per table, the texts in use and how many of them are filled in each language. */
final class Translations {
  private Translations() {}

  /** One entry per table that has texts in use, in the order of the schema. */
  static List<Completeness> completeness(ReadResult input) {
    List<Completeness> result = new ArrayList<>();
    for (Table table : Schema.tables()) {
      Set<String> bases = bases(table);
      if (bases.isEmpty()) {
        continue;
      }
      int texts = 0;
      int[] filled = new int[Language.values().length];
      for (RawRow row : input.rows(table.name()).toList()) {
        for (String base : bases) {
          boolean used = false;
          for (Language language : Language.values()) {
            used |= !row.value(base + "_" + language.code()).isBlank();
          }
          if (!used) {
            continue;
          }
          texts++;
          for (Language language : Language.values()) {
            filled[language.ordinal()] += row.value(base + "_" + language.code()).isBlank() ? 0 : 1;
          }
        }
      }
      if (texts > 0) {
        result.add(new Completeness(table.name(), texts, filled[Language.KK.ordinal()],
            filled[Language.RU.ordinal()], filled[Language.EN.ordinal()]));
      }
    }
    citations(input).ifPresent(result::add);
    return result;
  }

  /**
   * Citations in every table, named "citations": one is complete in a language when every act it cites has its
   * official name in that language in the Norms sheet.
   */
  private static java.util.Optional<Completeness> citations(ReadResult input) {
    java.util.Map<String, RawRow> norms = new java.util.HashMap<>();
    input.rows(Schema.NORMS).forEach(row -> norms.putIfAbsent(row.value("code").strip(), row));
    int texts = 0;
    int[] filled = new int[Language.values().length];
    for (Table table : Schema.tables()) {
      if (table.column("citation").isEmpty()) {
        continue;
      }
      for (RawRow row : input.rows(table.name()).toList()) {
        String citation = row.value("citation").strip();
        if (citation.isEmpty()) {
          continue;
        }
        texts++;
        for (Language language : Language.values()) {
          boolean complete = true;
          for (String reference : citation.split(";")) {
            RawRow norm = norms.get(reference.split(",", 2)[0].strip());
            complete &= norm != null && !norm.value("name_" + language.code()).isBlank();
          }
          filled[language.ordinal()] += complete ? 1 : 0;
        }
      }
    }
    return texts == 0 ? java.util.Optional.empty() : java.util.Optional.of(new Completeness("citations", texts,
        filled[Language.KK.ordinal()], filled[Language.RU.ordinal()], filled[Language.EN.ordinal()]));
  }

  /** The translated texts of a table by their base name ({@code name} for name_kk, name_ru, name_en). */
  static Set<String> bases(Table table) {
    Set<String> bases = new LinkedHashSet<>();
    for (Column column : table.columns()) {
      if (column.kind() == Column.Kind.TEXT && column.language().isPresent()) {
        bases.add(column.baseName());
      }
    }
    return bases;
  }
}

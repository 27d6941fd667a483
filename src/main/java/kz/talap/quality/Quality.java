package kz.talap.quality;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.talap.model.Catalogue;
import kz.talap.model.Validity;
import kz.talap.quality.QualityReport.Finding;
import kz.talap.quality.QualityReport.Level;
import kz.talap.source.Diagnostic;
import kz.talap.workbook.RawRow;
import kz.talap.workbook.ReadResult;

/**
 * Looks for what is legal but probably wrong in a catalogue that compiles: untranslated texts, conditions that never
 * or always hold, suspicious citations, rows whose validity has ended, and duplicate wording.
 */
public final class Quality {
  private Quality() {}

  /**
   * Analyses the workbooks read into {@code input} and compiled into {@code catalogue}.
   *
   * @param warnings the compiler's warnings, reported with the findings (missing translations among them)
   * @param asOf the day the catalogue is looked at: rows ended before it are kept for history only
   */
  public static QualityReport analyse(ReadResult input, Catalogue catalogue, List<Diagnostic> warnings,
      LocalDate asOf) {
    List<Finding> findings = new ArrayList<>();
    warnings.stream()
        .filter(d -> !d.isError())
        .forEach(d -> findings.add(new Finding(Level.WARNING, d.code(), d.where(), d.message())));
    findings.addAll(new ConditionCoverage(catalogue, asOf).check(input));
    findings.addAll(RowChecks.citations(input));
    findings.addAll(RowChecks.ended(input, asOf));
    findings.addAll(Wording.check(input, asOf));
    return new QualityReport(catalogue.version(), asOf, Translations.completeness(input), findings,
        editorNotes(input));
  }

  /** Every filled editor_note cell, at its cell. */
  private static List<QualityReport.EditorNote> editorNotes(ReadResult input) {
    List<QualityReport.EditorNote> notes = new ArrayList<>();
    for (kz.talap.schema.Table table : kz.talap.schema.Schema.tables()) {
      if (table.column("editor_note").isEmpty()) {
        continue;
      }
      for (RawRow row : input.rows(table.name()).toList()) {
        if (!row.value("editor_note").isBlank()) {
          notes.add(new QualityReport.EditorNote(row.cell("editor_note").where(), row.value("editor_note").strip()));
        }
      }
    }
    return notes;
  }

  /** The validity of a raw row; the compiler has already checked the dates. */
  static Validity validity(RawRow row) {
    return new Validity(date(row, "valid_from"), date(row, "valid_to"));
  }

  /** Whether a row's validity ended before the day. */
  static boolean ended(RawRow row, LocalDate asOf) {
    return validity(row).to().filter(to -> to.isBefore(asOf)).isPresent();
  }

  private static Optional<LocalDate> date(RawRow row, String column) {
    String value = row.value(column);
    if (value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A text shortened for a message: at most 60 characters, on one line. */
  static String quote(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return "'" + (line.length() > 60 ? line.substring(0, 59) + "…" : line) + "'";
  }
}

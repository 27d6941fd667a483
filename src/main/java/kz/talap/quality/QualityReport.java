package kz.talap.quality;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import kz.talap.model.Language;
import kz.talap.source.CellRef;

/**
 * What {@code talap quality} found in a catalogue that compiles: how complete each language is, per table, and the
 * findings (warnings and notes), each at its cell, sorted by place.
 */
public record QualityReport(
    String catalogueVersion, LocalDate asOf, List<Completeness> completeness, List<Finding> findings,
    List<EditorNote> editorNotes) {

  public QualityReport {
    completeness = List.copyOf(completeness);
    findings = findings.stream().distinct().sorted().toList();
    editorNotes = editorNotes.stream().sorted(Comparator.comparing(EditorNote::where)).toList();
  }

  /** A note an editor left on a row (source, confidence, why a choice was made): for editors, never for applicants. */
  public record EditorNote(CellRef where, String note) {
    @Override
    public String toString() {
      return where + ": " + note;
    }
  }

  /** How serious a finding is. */
  public enum Level {
    /** Worth fixing: the catalogue is probably not what the editor meant. */
    WARNING,
    /** Worth knowing; nothing to fix (a row kept for history, a condition too large to analyse). */
    INFO;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One finding: how serious, a stable code, where, and what; printed {@code file: Sheet!C14: warning: …}. */
  public record Finding(Level level, String code, CellRef where, String message) implements Comparable<Finding> {
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::where)
        .thenComparing(Finding::level)
        .thenComparing(Finding::message);

    @Override
    public int compareTo(Finding other) {
      return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
      return where + ": " + level.label() + ": " + message;
    }
  }

  /**
   * The texts of one table: how many are in use (filled in at least one language) and how many of those are filled in
   * Kazakh, Russian and English.
   */
  public record Completeness(String table, int texts, int kk, int ru, int en) {
    public int filled(Language language) {
      return switch (language) {
        case KK -> kk;
        case RU -> ru;
        case EN -> en;
      };
    }

    /** The share filled in a language, rounded down, so that 100 means every text is there. */
    public int percent(Language language) {
      return texts == 0 ? 100 : (int) (100L * filled(language) / texts);
    }

    Completeness plus(Completeness other) {
      return new Completeness(table, texts + other.texts, kk + other.kk, ru + other.ru, en + other.en);
    }
  }

  /** The sum over every table, named "all tables". */
  public Completeness total() {
    return completeness.stream()
        .reduce(new Completeness("all tables", 0, 0, 0, 0), (sum, table) -> sum.plus(table));
  }

  public long count(Level level) {
    return findings.stream().filter(f -> f.level() == level).count();
  }

  /** The report as plain text for a terminal. */
  public String text() {
    return ReportFormat.text(this);
  }

  /** The report as Markdown, to paste into an issue or a review. */
  public String markdown() {
    return ReportFormat.markdown(this);
  }
}

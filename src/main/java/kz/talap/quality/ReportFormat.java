package kz.talap.quality;

import java.util.ArrayList;
import java.util.List;
import kz.talap.model.Language;
import kz.talap.quality.QualityReport.Completeness;
import kz.talap.quality.QualityReport.Finding;
import kz.talap.quality.QualityReport.Level;

/** Renders a quality report as plain text or Markdown; deterministic, no clock. */
final class ReportFormat {
  private ReportFormat() {}

  static String text(QualityReport report) {
    StringBuilder text = new StringBuilder();
    text.append("Quality of catalogue ").append(report.catalogueVersion()).append(" as of ").append(report.asOf())
        .append("\n\n");
    text.append("Texts filled per language (filled / texts in use):\n");
    List<Completeness> rows = rows(report);
    int width = rows.stream().mapToInt(r -> r.table().length()).max().orElse(0) + 2;
    StringBuilder header = new StringBuilder("  ").append(pad("table", width));
    for (Language language : Language.values()) {
      header.append(pad(language.code(), 16));
    }
    text.append(header.toString().stripTrailing()).append('\n');
    for (Completeness row : rows) {
      StringBuilder line = new StringBuilder("  ").append(pad(row.table(), width));
      for (Language language : Language.values()) {
        line.append(pad(cell(row, language), 16));
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    text.append('\n');
    for (Finding finding : report.findings()) {
      text.append(finding).append('\n');
    }
    if (!report.findings().isEmpty()) {
      text.append('\n');
    }
    if (!report.editorNotes().isEmpty()) {
      text.append("Editor notes (for editors only; never shown to applicants):\n");
      for (QualityReport.EditorNote note : report.editorNotes()) {
        text.append("  ").append(note.where()).append(": ").append(note.note().replace('\n', ' ')).append('\n');
      }
      text.append('\n');
    }
    text.append(summary(report)).append('\n');
    return text.toString();
  }

  static String markdown(QualityReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# Quality of catalogue ").append(escape(report.catalogueVersion())).append(" as of ")
        .append(report.asOf()).append("\n\n");
    md.append("## Texts filled per language\n\n");
    md.append("| table | kk | ru | en |\n|---|---:|---:|---:|\n");
    List<Completeness> rows = rows(report);
    for (int i = 0; i < rows.size(); i++) {
      Completeness row = rows.get(i);
      boolean total = i == rows.size() - 1;
      md.append("| ").append(total ? "**" + escape(row.table()) + "**" : escape(row.table()));
      for (Language language : Language.values()) {
        md.append(" | ").append(cell(row, language));
      }
      md.append(" |\n");
    }
    md.append("\n## Findings\n\n").append(summary(report)).append(".\n");
    if (!report.findings().isEmpty()) {
      md.append("\n| | cell | message |\n|---|---|---|\n");
      for (Finding finding : report.findings()) {
        md.append("| ").append(finding.level().label()).append(" | ").append(escape(finding.where().toString()))
            .append(" | ").append(escape(finding.message())).append(" |\n");
      }
    }
    if (!report.editorNotes().isEmpty()) {
      md.append("\n## Editor notes\n\nFor editors only; never shown to applicants.\n\n| cell | note |\n|---|---|\n");
      for (QualityReport.EditorNote note : report.editorNotes()) {
        md.append("| ").append(escape(note.where().toString())).append(" | ").append(escape(note.note()))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  /** "2 warnings, 1 note". */
  static String summary(QualityReport report) {
    return count(report.count(Level.WARNING), "warning") + ", " + count(report.count(Level.INFO), "note");
  }

  private static List<Completeness> rows(QualityReport report) {
    List<Completeness> rows = new ArrayList<>(report.completeness());
    rows.add(report.total());
    return rows;
  }

  private static String cell(Completeness row, Language language) {
    return row.filled(language) + "/" + row.texts() + " " + row.percent(language) + "%";
  }

  private static String pad(String value, int width) {
    return value.length() >= width ? value + " " : value + " ".repeat(width - value.length());
  }

  /**
   * Catalogue text as Markdown shows it literally: HTML is escaped as entities (a Markdown viewer would run it),
   * Markdown's own marks are backslash-escaped, control characters shown as {@code \\uXXXX}, line breaks as
   * {@code <br>} so a table row stays on one line.
   */
  static String escape(String text) {
    StringBuilder md = new StringBuilder();
    for (char ch : kz.talap.source.Quoted.escape(text).toCharArray()) {
      switch (ch) {
        case '&' -> md.append("&amp;");
        case '<' -> md.append("&lt;");
        case '>' -> md.append("&gt;");
        case '\n' -> md.append("<br>");
        case '\\', '|', '`', '*', '_', '[', ']', '~' -> md.append('\\').append(ch);
        default -> md.append(ch);
      }
    }
    return md.toString();
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

package kz.talap.cli;

import java.util.List;
import java.util.stream.Collectors;
import kz.talap.diff.CatalogueDiff;
import kz.talap.diff.Change;

/** The changes between two catalogues as text for a terminal, or as Markdown for a merge request or an e-mail. */
final class DiffReport {
  static final String COMMON = "Common/reference data";
  static final String EMPTY = "(empty)";

  private final CatalogueDiff diff;
  private final String from;
  private final String to;

  DiffReport(CatalogueDiff diff, String oldName, String newName) {
    this.diff = diff;
    this.from = oldName + " (version " + diff.oldVersion() + ")";
    this.to = newName + " (version " + diff.newVersion() + ")";
  }

  /** "3 changes: 0 added, 1 removed, 2 changed". */
  String summary() {
    return CompileCommand.count(diff.changes().size(), "change") + ": " + diff.count(Change.Kind.ADDED) + " added, "
        + diff.count(Change.Kind.REMOVED) + " removed, " + diff.count(Change.Kind.CHANGED) + " changed";
  }

  String text() {
    StringBuilder text = new StringBuilder();
    if (diff.isEmpty()) {
      return "No changes from " + from + " to " + to + "\n";
    }
    text.append("Changes from ").append(from).append(" to ").append(to).append('\n');
    Change previous = null;
    for (Change change : diff.changes()) {
      if (previous == null || !CatalogueDiff.sameGroup(previous, change)) {
        text.append('\n').append(CatalogueDiff.group(change).orElse(COMMON)).append('\n');
      }
      previous = change;
      text.append("  ").append(heading(change, false)).append('\n');
      for (Change.Field field : change.fields()) {
        text.append("    ").append(field.field());
        if (change.kind() == Change.Kind.CHANGED) {
          text.append(" changed: ").append(quoted(field.before())).append(" → ").append(quoted(field.after()));
        } else {
          text.append(": ").append(quoted(field.before() + field.after()));
        }
        text.append('\n');
      }
    }
    return text.append('\n').append(summary()).append('\n').toString();
  }

  String markdown() {
    StringBuilder text = new StringBuilder("# Changes from ").append(escape(from)).append(" to ")
        .append(escape(to)).append("\n\n");
    if (diff.isEmpty()) {
      return text.append("No changes.\n").toString();
    }
    text.append(summary()).append(".\n");
    Change previous = null;
    for (Change change : diff.changes()) {
      if (previous == null || !CatalogueDiff.sameGroup(previous, change)) {
        text.append("\n## ").append(CatalogueDiff.group(change).orElse(COMMON)).append('\n');
      }
      previous = change;
      text.append("\n### ").append(heading(change, true)).append('\n');
      if (!change.fields().isEmpty()) {
        text.append("\n| field | old | new |\n|---|---|---|\n");
        for (Change.Field field : change.fields()) {
          text.append("| `").append(field.field()).append("` | ").append(escape(field.before())).append(" | ")
              .append(escape(field.after())).append(" |\n");
        }
      }
    }
    return text.toString();
  }

  /** "Fees PRP_STATE_DUTY: changed", "Documents X: removed, with Requirements Y", "Parameters MCI [2026-01-01..]". */
  private static String heading(Change change, boolean markdown) {
    String kind = change.kind().name().toLowerCase(java.util.Locale.ROOT);
    String with = change.with().isEmpty() ? "" : ", with " + rows(change.with(), markdown);
    return change.table() + " " + code(change.code(), markdown)
        + change.versionLabel().map(v -> " [" + v + "]").orElse("") + ": " + kind + with;
  }

  private static String rows(List<Change.Row> rows, boolean markdown) {
    return rows.stream().map(r -> r.table() + " " + code(r.code(), markdown)).collect(Collectors.joining(", "));
  }

  private static String code(String code, boolean markdown) {
    return markdown ? "`" + code + "`" : code;
  }

  /** «value», with line breaks shown as \n so that every field stays on one line; (empty) for an empty cell. */
  private static String quoted(String value) {
    return value.isEmpty() ? EMPTY : "«" + value.replace("\n", "\\n") + "»";
  }

  /** Text safe in a Markdown table cell: no HTML, no emphasis or links, no column breaks, line breaks as br. */
  static String escape(String value) {
    StringBuilder text = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> text.append("&amp;");
        case '<' -> text.append("&lt;");
        case '>' -> text.append("&gt;");
        case '\n' -> text.append("<br>");
        case '\r' -> { }
        case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> text.append('\\').append(c);
        default -> text.append(c);
      }
    }
    return text.toString();
  }
}

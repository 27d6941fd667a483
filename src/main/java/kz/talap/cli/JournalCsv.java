package kz.talap.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import kz.talap.journal.CheckRecord;

/** Journal entries as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line end). */
final class JournalCsv {
  static final List<String> HEADER = List.of("id", "recorded_at", "day", "office", "actor_kind", "actor",
      "catalogue_version", "release_hash", "service", "subtype", "verdict", "due");

  private JournalCsv() {}

  static void write(List<CheckRecord> checks, PrintWriter out) {
    row(HEADER, out);
    for (CheckRecord c : checks) {
      row(List.of(c.id(), c.recordedAt().toString(), c.day().toString(), c.office(),
          c.actorKind().name().toLowerCase(Locale.ROOT), c.actor(), c.catalogueVersion(), c.releaseHash(),
          c.service(), c.subtype().orElse(""), c.verdict(), c.due().map(LocalDate::toString).orElse("")), out);
    }
  }

  private static void row(List<String> fields, PrintWriter out) {
    StringBuilder text = new StringBuilder();
    for (String field : fields) {
      if (text.length() > 0) {
        text.append(',');
      }
      if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
        text.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        text.append(field);
      }
    }
    out.print(text.append("\r\n"));
  }
}

package kz.talap.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kz.talap.model.Validity;
import kz.talap.quality.QualityReport.Finding;
import kz.talap.quality.QualityReport.Level;
import kz.talap.schema.Schema;
import kz.talap.schema.Table;
import kz.talap.workbook.RawCell;
import kz.talap.workbook.RawRow;
import kz.talap.workbook.ReadResult;

/** Checks of single rows: citations that cannot name a norm, and rows whose validity has ended. */
final class RowChecks {
  private static final Pattern PLACEHOLDER = Pattern.compile("(?i).*(\\b(todo|tbd|fixme|xxx)\\b|\\?\\?).*");
  /** Looked up by the date of each payment or term, so a row that ended still counts. */
  private static final Set<String> KEPT_WHOLE = Set.of(Schema.PARAMETERS, Schema.CALENDAR);

  private RowChecks() {}

  /**
   * Citations name acts of the Norms sheet (the compiler checks the code and the places); an act whose name is still
   * a placeholder ("TODO", "??") would be printed on every page that cites it.
   */
  static List<Finding> citations(ReadResult input) {
    List<Finding> findings = new ArrayList<>();
    for (RawRow row : input.rows(Schema.NORMS).toList()) {
      for (String language : Schema.languages()) {
        RawCell cell = row.cell("name_" + language);
        String name = cell.value().strip();
        if (!name.isEmpty() && PLACEHOLDER.matcher(name).matches()) {
          findings.add(new Finding(Level.WARNING, "placeholder-citation", cell.where(), "the name of norm "
              + Quality.quote(row.value("code")) + " looks like a placeholder: "
              + Quality.quote(name) + ": give the official name of the act"));
        }
      }
    }
    return findings;
  }

  /** Rows whose valid_to is before the as-of date: kept for history, not shown, at their valid_to cell. */
  static List<Finding> ended(ReadResult input, LocalDate asOf) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : Schema.tables()) {
      if (!table.versioned() || KEPT_WHOLE.contains(table.name())) {
        continue;
      }
      List<RawRow> rows = input.rows(table.name()).toList();
      for (RawRow row : rows) {
        if (!Quality.ended(row, asOf)) {
          continue;
        }
        LocalDate to = Quality.validity(row).to().orElseThrow();
        String key = key(table, row);
        List<RawRow> versions = rows.stream().filter(r -> r != row && key(table, r).equals(key)).toList();
        Optional<RawRow> current = versions.stream().filter(r -> Quality.validity(r).contains(asOf)).findFirst();
        Optional<RawRow> next = versions.stream()
            .filter(r -> Quality.validity(r).from().filter(asOf::isBefore).isPresent())
            .min(Comparator.comparing((RawRow r) -> Quality.validity(r).from().orElseThrow()));
        String successor = current.map(r -> "in force instead: " + r.where())
            .or(() -> next.map(r -> "next version from " + Quality.validity(r).from().orElseThrow() + ": "
                + r.where()))
            .orElse("no version of '" + key + "' is in force");
        findings.add(new Finding(Level.INFO, "ended", row.cell("valid_to").where(), "row ended on " + to
            + ", before " + asOf + ": kept for history, not shown; " + successor));
      }
    }
    return findings;
  }

  /** The row's key, such as its code, or "EAEU/AM" for a table keyed by two columns. */
  static String key(Table table, RawRow row) {
    return String.join("/", table.key().stream().map(row::value).toList());
  }

  /** Whether two rows are in force on some common day. */
  static boolean overlap(RawRow a, RawRow b) {
    Validity first = Quality.validity(a);
    return first.overlaps(Quality.validity(b));
  }
}

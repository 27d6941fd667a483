package kz.talap.diff;

import java.util.List;
import java.util.Optional;
import java.time.LocalDate;
import kz.talap.model.Text;
import kz.talap.model.Validity;

/**
 * One change between two catalogues: a row added, removed or changed, found by its table and stable code, with the
 * fields that differ (workbook column names) and the rows removed or added with it.
 *
 * @param version the validity of the row, given only when the code has several versions (such as the MCI of each
 *     year)
 * @param service the service the change belongs to; empty for common and reference data
 * @param subtype the sub-type the change belongs to, if any
 * @param title the row's name in kk/ru/en (a document's name, a fee's name, …); blank when the row has none
 * @param fields for a changed row the fields that differ; for an added or removed row every filled field
 * @param with rows that belong to this one and were removed (or added) together with it, such as the requirement of
 *     a removed document; they are not reported on their own
 */
public record Change(
    String table,
    String code,
    Optional<Validity> version,
    Optional<String> service,
    Optional<String> subtype,
    Kind kind,
    Text title,
    List<Field> fields,
    List<Row> with) {

  /** What happened to the row. */
  public enum Kind { ADDED, REMOVED, CHANGED }

  /**
   * One field (a workbook column such as {@code amount} or {@code name_ru}) with its value before and after, as the
   * workbook shows it; an empty value means the cell was empty (or the row did not exist).
   */
  public record Field(String field, String before, String after) {}

  /** A row named by its table and code, with its name in kk/ru/en (blank when it has none). */
  public record Row(String table, String code, Text title) {}

  public Change {
    fields = List.copyOf(fields);
    with = List.copyOf(with);
  }

  /** The version as reports show it: {@code 2026-01-01..2026-12-31}, an open side left empty. */
  public Optional<String> versionLabel() {
    return version.map(v -> v.from().map(LocalDate::toString).orElse("") + ".."
        + v.to().map(LocalDate::toString).orElse(""));
  }
}

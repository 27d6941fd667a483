package kz.talap.diff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.talap.model.Text;
import kz.talap.model.Validity;

/**
 * One compiled row as the diff sees it: its stable key (table, code, validity), where it belongs, the rows it belongs
 * to, its name, and every field as the workbook shows it, by column name in column order.
 *
 * @param owners the rows this one cannot exist without, nearest first (a requirement's document, stage, group,
 *     sub-type, service): a row removed together with one of them is reported with it
 */
record KeyedRow(String table, String code, Validity validity, Optional<String> service, Optional<String> subtype,
    List<Ref> owners, Text title, Map<String, String> fields) {

  /** A row named by table and code. */
  record Ref(String table, String code) {}

  KeyedRow {
    owners = List.copyOf(owners);
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  Ref ref() {
    return new Ref(table, code);
  }
}

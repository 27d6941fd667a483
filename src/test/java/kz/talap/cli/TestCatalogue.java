package kz.talap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.talap.workbook.WorkbookWriter;

/** A small valid catalogue built in code; tests change one cell and write it as a workbook. */
final class TestCatalogue {
  final Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();

  static TestCatalogue valid() {
    TestCatalogue c = new TestCatalogue();
    c.row("Catalogue", "key", "version", "value", "T1");
    c.row("Norms", "code", "ORDER_992", "name_kk", "№ 992 бұйрық", "name_ru", "Приказ № 992", "name_en", "Order No. 992");
    c.row("Norms", "code", "EAEU_TREATY", "name_kk", "ЕАЭО туралы шарт", "name_ru", "Договор о ЕАЭС",
        "name_en", "EAEU Treaty");
    c.row("Norms", "code", "BUDGET_2026", "name_kk", "2026 жылғы бюджет туралы заң", "name_ru", "Закон о бюджете на 2026 год",
        "name_en", "Budget law 2026");
    c.row("Channels", "code", "PROVIDER", "name_kk", "Полиция", "name_ru", "Полиция", "name_en", "Police",
        "how_kk", "Барыңыз", "how_ru", "Обратитесь", "how_en", "Apply in person", "citation", "ORDER_992, Annex 1-1, item 2");
    c.row("Services", "code", "SVC", "status", "IN_FORCE", "name_kk", "Қызмет", "name_ru", "Услуга",
        "name_en", "Service", "provider_kk", "Полиция", "provider_ru", "Полиция", "provider_en", "Police",
        "form_kk", "қағаз", "form_ru", "бумажная", "form_en", "paper", "result_kk", "рұқсат",
        "result_ru", "разрешение", "result_en", "permit", "channels", "PROVIDER", "recipients", "INDIVIDUAL",
        "citation", "ORDER_992, Annex 3");
    c.row("Documents", "code", "PASSPORT", "name_kk", "Паспорт", "name_ru", "Паспорт", "name_en", "Passport",
        "origin", "FOREIGN");
    c.row("Requirements", "code", "REQ_PASSPORT", "service", "SVC", "order", "1", "document", "PASSPORT",
        "condition", "!(citizenship in eaeu)", "explanation_kk", "ЕАЭО азаматтарынан басқа",
        "explanation_ru", "Кроме граждан ЕАЭС", "explanation_en", "Except EAEU citizens",
        "citation", "ORDER_992, Annex 3, item 8, sub-item 2)");
    c.row("Facts", "name", "citizenship", "type", "COUNTRY", "required", "TRUE", "label_kk", "Азаматтығы",
        "label_ru", "Гражданство", "label_en", "Citizenship");
    c.row("Facts", "name", "birth_date", "type", "DATE", "required", "TRUE", "label_kk", "Туған күні",
        "label_ru", "Дата рождения", "label_en", "Birth date");
    c.row("Facts", "name", "age", "type", "INT", "derived_from", "birth_date", "label_kk", "Жасы",
        "label_ru", "Возраст", "label_en", "Age");
    c.row("CountryGroups", "group", "EAEU", "country", "KZ", "citation", "EAEU_TREATY");
    c.row("Parameters", "code", "MCI", "amount", "4325", "unit", "KZT", "citation", "BUDGET_2026",
        "valid_from", "2026-01-01", "valid_to", "2026-12-31");
    return c;
  }

  TestCatalogue row(String table, String... pairs) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put(pairs[i], pairs[i + 1]);
    }
    tables.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
    return this;
  }

  /** Sets a cell of the n-th (0-based) data row of a table. */
  TestCatalogue set(String table, int index, String column, String value) {
    tables.get(table).get(index).put(column, value);
    return this;
  }

  /** Adds a copy of the n-th row with some cells changed. */
  TestCatalogue copy(String table, int index, String... pairs) {
    Map<String, String> row = new LinkedHashMap<>(tables.get(table).get(index));
    for (int i = 0; i < pairs.length; i += 2) {
      row.put(pairs[i], pairs[i + 1]);
    }
    tables.get(table).add(row);
    return this;
  }

  Path write(Path file) throws IOException {
    WorkbookWriter.write(file, tables);
    return file;
  }
}

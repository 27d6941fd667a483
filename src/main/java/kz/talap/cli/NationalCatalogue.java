package kz.talap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kz.talap.workbook.WorkbookWriter;

/**
 * A synthetic national catalogue for the benchmark: the shipped {@code reference.xlsx} (facts, channels, calendar,
 * labels, parameters) and {@code workbooks} generated workbooks of services, each with its documents and requirement
 * rows in kk/ru/en; half of the requirements have two dated versions (one ended on 2025-12-31), and most carry one of
 * a few conditions with their explanation. Deterministic: the same sizes give the same files.
 */
final class NationalCatalogue {
  /** Conditions over facts the shipped reference workbook declares; a real catalogue repeats a few of them. */
  private static final List<String> CONDITIONS = List.of("!(citizenship in eaeu)", "citizenship in eaeu",
      "age >= 18", "age < 18", "age >= 16 && !(citizenship in eaeu)", "has_diploma", "!owns_housing", "refugee",
      "age >= 60 || ethnic_kazakh");
  private static final List<String> CHANNELS = List.of("PROVIDER", "STATE_CORP", "PORTAL");

  final int workbooks;
  final int services;
  final int requirements;

  NationalCatalogue(int workbooks, int services, int requirements) {
    this.workbooks = workbooks;
    this.services = services;
    this.requirements = requirements;
  }

  /** What the generated folder is for; a folder with the same stamp is reused. */
  String stamp() {
    return "national (citations of Norms) " + workbooks + " workbooks, " + services + " services, " + requirements
        + " requirement rows\n";
  }

  /**
   * Writes the catalogue into {@code folder} unless it already holds this one; returns the workbook files, the
   * reference workbook first.
   */
  List<Path> write(Path folder, Path reference) throws IOException {
    Path stampFile = folder.resolve("STAMP");
    if (!Files.isRegularFile(stampFile) || !Files.readString(stampFile).equals(stamp())) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          for (Path file : files.toList()) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(folder);
      Files.copy(reference, folder.resolve("a-reference.xlsx"), StandardCopyOption.REPLACE_EXISTING);
      for (int w = 0; w < workbooks; w++) {
        WorkbookWriter.write(folder.resolve(String.format("ministry-%03d.xlsx", w + 1)), workbook(w));
      }
      Files.writeString(stampFile, stamp());
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList();
    }
  }

  /** The rows of one generated workbook: its share of the services, their documents and requirements. */
  Map<String, List<Map<String, String>>> workbook(int w) {
    Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
    if (w == 0) {
      add(tables, "Catalogue", "key", "version", "value", "national-" + services);
    }
    int first = services * w / workbooks;
    int last = services * (w + 1) / workbooks;
    int rowsPerService = Math.max(3, requirements / services);
    // Two rows of every three are codes of their own; the third is an ended earlier version of one of them.
    int codes = rowsPerService * 2 / 3;
    String ministry = String.format("M%03d", w + 1);
    // Each ministry's service standards are one act of the Norms sheet; citations name it and the place.
    add(tables, "Norms", "code", "STANDARDS_" + ministry, "name_kk", ministry + " мемлекеттік қызмет стандарттары",
        "name_ru", "Стандарты государственных услуг " + ministry, "name_en", "Service standards of " + ministry);
    for (int d = 1; d <= codes; d++) {
      String code = ministry + "_DOC_" + d;
      add(tables, "Documents", "code", code, "name_kk", "Құжат " + d + " (" + ministry + ")",
          "name_ru", "Документ " + d + " (" + ministry + ")", "name_en", "Document " + d + " (" + ministry + ")",
          "origin", d % 3 == 0 ? "FOREIGN" : d % 3 == 1 ? "ANY" : "KZ");
    }
    for (int s = first; s < last; s++) {
      String service = String.format("SVC_%04d", s + 1);
      add(tables, "Services", "code", service, "status", "IN_FORCE",
          "name_kk", "Мемлекеттік қызмет " + (s + 1), "name_ru", "Государственная услуга " + (s + 1),
          "name_en", "Public service " + (s + 1), "provider_kk", "Министрлік " + ministry,
          "provider_ru", "Министерство " + ministry, "provider_en", "Ministry " + ministry,
          "form_kk", "қағаз түрінде", "form_ru", "бумажная", "form_en", "paper",
          "result_kk", "анықтама", "result_ru", "справка", "result_en", "a certificate",
          "channels", String.join(", ", CHANNELS), "recipients", "INDIVIDUAL",
          "citation", "STANDARDS_" + ministry + ", Annex " + (s + 1) + ", item 8");
      int rows = 0;
      for (int r = 1; rows < rowsPerService && r <= codes; r++) {
        String code = service + "_REQ_" + r;
        String condition = r % 10 < CONDITIONS.size() ? CONDITIONS.get((r + s) % CONDITIONS.size()) : "";
        boolean versioned = r % 2 == 0 && rows + 2 <= rowsPerService;
        if (versioned) {
          requirement(tables, code, service, ministry, s + 1, r, ministry + "_DOC_" + r, "", "", "2025-12-31");
          rows++;
        }
        requirement(tables, code, service, ministry, s + 1, r, ministry + "_DOC_" + r, condition,
            versioned ? "2026-01-01" : "", "");
        rows++;
      }
    }
    return tables;
  }

  private static void requirement(Map<String, List<Map<String, String>>> tables, String code, String service,
      String ministry, int annex, int order, String document, String condition, String from, String to) {
    List<String> cells = new ArrayList<>(List.of("code", code, "service", service, "order", String.valueOf(order),
        "document", document, "citation", "STANDARDS_" + ministry + ", Annex " + annex + ", item 9, sub-item "
            + order + ")"));
    if (!condition.isEmpty()) {
      cells.addAll(List.of("condition", condition, "explanation_kk", "Шарт: " + condition,
          "explanation_ru", "Условие: " + condition, "explanation_en", "Only when " + condition));
    }
    if (!from.isEmpty()) {
      cells.addAll(List.of("valid_from", from));
    }
    if (!to.isEmpty()) {
      cells.addAll(List.of("valid_to", to));
    }
    add(tables, "Requirements", cells.toArray(String[]::new));
  }

  private static void add(Map<String, List<Map<String, String>>> tables, String table, String... pairs) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put(pairs[i], pairs[i + 1]);
    }
    tables.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
  }
}

package kz.talap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import kz.talap.workbook.RawRow;
import kz.talap.workbook.RawTable;
import kz.talap.workbook.ReadResult;
import kz.talap.workbook.WorkbookReader;
import kz.talap.workbook.WorkbookWriter;

/**
 * A copy of the shipped catalogue ({@code catalogue/*.xlsx}) read with {@link WorkbookReader}, edited in code and
 * written with {@link WorkbookWriter}, so tests can change a cell, remove or reorder rows without a binary fixture.
 */
final class ShippedCatalogue {
  static final Path FOLDER = Path.of("catalogue");
  /** The Russian name of PRP_PHOTO before and after {@link #threeEdits()}. */
  static final String PHOTO_RU = "Одна фотография размером 35х45 мм";
  static final String PHOTO_RU_EDITED = "Одна цветная фотография размером 35х45 мм";

  /** File name → table → rows (column → cell text). */
  private final Map<String, Map<String, List<Map<String, String>>>> files = new LinkedHashMap<>();

  static ShippedCatalogue read() {
    ReadResult read = WorkbookReader.read(List.of(FOLDER));
    if (!read.diagnostics().isEmpty()) {
      throw new IllegalStateException("the shipped catalogue does not read cleanly: " + read.diagnostics());
    }
    ShippedCatalogue catalogue = new ShippedCatalogue();
    for (RawTable table : read.tables()) {
      List<Map<String, String>> rows = catalogue.files.computeIfAbsent(table.file(), f -> new LinkedHashMap<>())
          .computeIfAbsent(table.name(), t -> new ArrayList<>());
      for (RawRow row : table.rows()) {
        Map<String, String> values = new LinkedHashMap<>();
        row.cells().forEach((column, cell) -> values.put(column, cell.value()));
        rows.add(values);
      }
    }
    return catalogue;
  }

  /**
   * The edits of the issue's "exactly those three" case: the PRP state duty 4 → 5 MCI; the document
   * PRP_OTHER_PARENT_CONSENT removed together with PRP_REQ_OTHER_PARENT_CONSENT, the one requirement that uses it (a
   * requirement cannot exist without its document); and the Russian name of PRP_PHOTO edited.
   */
  static ShippedCatalogue threeEdits() {
    return read()
        .set("Fees", "PRP_STATE_DUTY", "amount", "5")
        .remove("Documents", "PRP_OTHER_PARENT_CONSENT")
        .remove("Requirements", "PRP_REQ_OTHER_PARENT_CONSENT")
        .set("Documents", "PRP_PHOTO", "name_ru", PHOTO_RU_EDITED);
  }

  /** Sets a cell of the row with a code (the only row with it). */
  ShippedCatalogue set(String table, String code, String column, String value) {
    return edit(table, row -> code.equals(row.get("code")), row -> row.put(column, value));
  }

  /** Changes every row of a table that matches; fails if none does. */
  ShippedCatalogue edit(String table, Predicate<Map<String, String>> which, Consumer<Map<String, String>> change) {
    List<Map<String, String>> found = rows(table).stream().filter(which).toList();
    if (found.isEmpty()) {
      throw new IllegalArgumentException("no such row in " + table);
    }
    found.forEach(change);
    return this;
  }

  /** Adds a copy of the first row that matches, with some cells changed, after the rows of its sheet. */
  ShippedCatalogue copy(String table, Predicate<Map<String, String>> which, String... cells) {
    for (Map<String, List<Map<String, String>>> tables : files.values()) {
      List<Map<String, String>> rows = tables.getOrDefault(table, List.of());
      for (Map<String, String> row : rows) {
        if (which.test(row)) {
          Map<String, String> copy = new LinkedHashMap<>(row);
          for (int i = 0; i < cells.length; i += 2) {
            copy.put(cells[i], cells[i + 1]);
          }
          rows.add(copy);
          return this;
        }
      }
    }
    throw new IllegalArgumentException("no such row in " + table);
  }

  /** Removes the rows of a table with a code; fails if there is none. */
  ShippedCatalogue remove(String table, String code) {
    boolean removed = false;
    for (Map<String, List<Map<String, String>>> tables : files.values()) {
      removed |= tables.getOrDefault(table, new ArrayList<>()).removeIf(row -> code.equals(row.get("code")));
    }
    if (!removed) {
      throw new IllegalArgumentException("no row " + code + " in " + table);
    }
    return this;
  }

  /** Reverses the order of the rows of every sheet: nothing changes in meaning. */
  ShippedCatalogue reverseRows() {
    files.values().forEach(tables -> tables.values().forEach(Collections::reverse));
    return this;
  }

  /** The tables of every workbook, by table name: the fuzz suite changes a cell and puts it back. */
  Map<String, List<Map<String, String>>> tables() {
    Map<String, List<Map<String, String>>> all = new LinkedHashMap<>();
    files.values().forEach(tables -> tables.forEach((name, rows) -> all.merge(name, rows, (a, b) -> {
      List<Map<String, String>> both = new ArrayList<>(a);
      both.addAll(b);
      return both;
    })));
    return all;
  }

  private List<Map<String, String>> rows(String table) {
    return files.values().stream()
        .flatMap(tables -> tables.getOrDefault(table, List.of()).stream())
        .toList();
  }

  /** Writes every workbook into {@code folder} under its own file name. */
  Path write(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (Map.Entry<String, Map<String, List<Map<String, String>>>> file : files.entrySet()) {
      WorkbookWriter.write(folder.resolve(file.getKey()), file.getValue());
    }
    return folder;
  }

  /**
   * Writes {@link #threeEdits()} to the folder given as the only argument; the build publishes the site of the browser
   * test's changes page from it (see pom.xml).
   */
  public static void main(String[] args) throws IOException {
    threeEdits().write(Path.of(args[0]));
  }
}

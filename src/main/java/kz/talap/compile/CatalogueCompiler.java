package kz.talap.compile;

import static kz.talap.schema.Schema.CATALOGUE;
import static kz.talap.schema.Schema.COUNTRY_GROUPS;
import static kz.talap.schema.Schema.FACTS;
import static kz.talap.schema.Schema.NORMS;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kz.talap.condition.Condition;
import kz.talap.condition.ConditionCompiler;
import kz.talap.model.Catalogue;
import kz.talap.model.CountryGroupMember;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Fact;
import kz.talap.model.Text;
import kz.talap.model.Validity;
import kz.talap.source.CellRef;
import kz.talap.source.Diagnostic;
import kz.talap.source.Diagnostics;
import kz.talap.source.Nearest;
import kz.talap.source.Phrase;
import kz.talap.source.Quoted;
import kz.talap.workbook.RawRow;
import kz.talap.workbook.RawTable;
import kz.talap.workbook.ReadResult;
import kz.talap.workbook.WorkbookReader;

/** Compiles the raw rows of one or more workbooks into a typed, checked {@link Catalogue}. */
public final class CatalogueCompiler {
  /** The diagnostics of reading, and the first workbook file (which sheet-less problems name). */
  private final List<Diagnostic> readDiagnostics;
  private final String firstFile;
  /**
   * The raw rows of each table, all workbooks' in file order, until compiled: each row is handed over once and then
   * forgotten, so a large catalogue's raw rows are freed as its records are made (see {@link #rows}).
   */
  private final Map<String, ArrayDeque<RawRow>> pending = new HashMap<>();
  private final LocalDate asOf;
  private final Diagnostics diagnostics = new Diagnostics();
  private final Cells cells;
  private final Keys keys;
  private ConditionCompiler conditions;

  private CatalogueCompiler(ReadResult input, LocalDate asOf, boolean translationsRequired) {
    this.readDiagnostics = input.diagnostics();
    this.firstFile = input.tables().isEmpty() ? "catalogue" : input.tables().get(0).file();
    for (RawTable table : input.tables()) {
      pending.computeIfAbsent(table.name(), t -> new ArrayDeque<>()).addAll(table.rows());
    }
    this.asOf = asOf;
    this.cells = new Cells(diagnostics, translationsRequired);
    this.keys = new Keys(diagnostics, asOf);
  }

  /**
   * Compiles the workbooks read into {@code input}.
   *
   * @param asOf the day whose rows must have every reference in force
   * @param translationsRequired whether a missing translation is an error (otherwise a warning)
   */
  public static CompileResult compile(ReadResult input, LocalDate asOf, boolean translationsRequired) {
    return new CatalogueCompiler(input, asOf, translationsRequired).run();
  }

  /**
   * Reads the workbooks ({@link WorkbookReader#read}) and compiles them, keeping no raw row once its record is made:
   * the way to compile a large catalogue in a small heap when the raw rows are not needed afterwards.
   */
  public static CompileResult compile(List<Path> inputs, LocalDate asOf, boolean translationsRequired) {
    // The read result is referenced by the constructor alone, which moves its rows into the compiler's queues.
    return new CatalogueCompiler(WorkbookReader.read(inputs), asOf, translationsRequired).run();
  }

  private CompileResult run() {
    diagnostics.addAll(readDiagnostics);
    if (readDiagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.FATAL)) {
      return new CompileResult(Optional.empty(), diagnostics.sorted());
    }
    String version = version();
    cells.norms(norms());
    List<Fact> facts = facts();
    List<CountryGroupMember> groups = countryGroups();
    Map<String, FactType> types = new LinkedHashMap<>();
    facts.forEach(f -> types.put(f.name(), f.type()));
    Set<String> lists = new TreeSet<>();
    for (CountryGroupMember member : groups) {
      lists.add(member.group().toLowerCase(java.util.Locale.ROOT));
    }
    for (String list : lists) {
      if (types.containsKey(list)) {
        diagnostics.error("name-clash", CellRef.sheet(firstFile(), COUNTRY_GROUPS),
            Phrase.of("compile.name-clash", "name", list));
      }
    }
    Map<String, List<String>> allowed = new LinkedHashMap<>();
    facts.forEach(f -> allowed.put(f.name(), f.allowedValues()));
    conditions = new ConditionCompiler(types, lists, allowed);
    Catalogue catalogue = new TableCompiler(this).compile(version, facts, groups);
    keys.resolve();
    List<Diagnostic> sorted = diagnostics.sorted();
    boolean failed = sorted.stream().anyMatch(Diagnostic::isError);
    return new CompileResult(failed ? Optional.empty() : Optional.of(catalogue), sorted);
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  Cells cells() {
    return cells;
  }

  Keys keys() {
    return keys;
  }

  LocalDate asOf() {
    return asOf;
  }

  /**
   * The rows of a table, for one pass: each row is forgotten as it is handed over, and once the last one is, the
   * table's keys are sealed ({@link Keys#seal}) — every table defines its keys in its own pass.
   */
  Iterable<RawRow> rows(String table) {
    ArrayDeque<RawRow> rows = pending.remove(table);
    return () -> new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more = rows != null && !rows.isEmpty();
        if (!more) {
          keys.seal(table);
        }
        return more;
      }

      @Override
      public RawRow next() {
        if (rows == null || rows.isEmpty()) {
          throw new NoSuchElementException();
        }
        return rows.poll();
      }
    };
  }

  private String firstFile() {
    return firstFile;
  }

  /** Records the row's key; false when the row is a duplicate or overlaps another version. */
  boolean define(String table, RawRow row, String keyColumn, Optional<String> key, Validity validity) {
    return key.isPresent() && keys.define(table, key.get(), row.cell(keyColumn).where(), validity);
  }

  /** Reads a code that refers to another table and queues it for resolution. */
  Optional<String> reference(RawRow row, String column, String table, String noun, boolean required,
      Validity ownerValidity) {
    Optional<String> code = cells.code(row, column, required);
    code.ifPresent(c -> keys.refer(table, noun, c, row.cell(column).where(), ownerValidity.contains(asOf)));
    return code;
  }

  List<String> references(RawRow row, String column, String table, String noun, Validity ownerValidity) {
    List<String> codes = cells.codes(row, column);
    for (String code : codes) {
      keys.refer(table, noun, code, row.cell(column).where(), ownerValidity.contains(asOf));
    }
    return codes;
  }

  /** At most this many problems of one condition are shown; a cell of bad characters would give one per character. */
  static final int MAX_PROBLEMS_PER_CONDITION = 3;
  /** The source line under a message shows at most this many characters around the caret. */
  static final int SOURCE_WINDOW = 60;

  /** Compiles the CEL condition in a cell, reporting each problem with its character position. */
  Optional<Condition> condition(RawRow row, String column, boolean required) {
    Optional<String> source = cells.string(row, column, required);
    if (source.isEmpty()) {
      return Optional.empty();
    }
    CellRef where = row.cell(column).where();
    ConditionCompiler.Result result = conditions.compile(source.get(), where);
    List<ConditionCompiler.Problem> problems = result.problems();
    for (ConditionCompiler.Problem problem : problems.subList(0, Math.min(problems.size(),
        MAX_PROBLEMS_PER_CONDITION))) {
      if (problem.line() == 0) {
        diagnostics.error("bad-condition", where, problem.phrase());
        continue;
      }
      int offset = Math.min(offset(source.get(), problem.line(), problem.column()), source.get().length());
      diagnostics.error("bad-condition", where, Phrase.of("condition.at", "problem", problem.phrase(), "n",
          offset + 1, "source", excerpt(source.get(), offset)));
    }
    if (problems.size() > MAX_PROBLEMS_PER_CONDITION) {
      diagnostics.error("bad-condition", where, Phrase.of("condition.more", "n",
          problems.size() - MAX_PROBLEMS_PER_CONDITION));
    }
    return result.condition();
  }

  /** The source on one line with a caret under {@code offset}, cut to a window around it when the source is long. */
  static String excerpt(String source, int offset) {
    String line = source.replace('\n', ' ');
    int from = 0;
    int to = line.length();
    if (line.length() > SOURCE_WINDOW) {
      from = Math.max(0, Math.min(offset - SOURCE_WINDOW / 2, line.length() - SOURCE_WINDOW));
      to = Math.min(line.length(), from + SOURCE_WINDOW);
    }
    String before = from > 0 ? "…" : "";
    String shown = Quoted.escape(line.substring(from, to));
    int caret = before.length() + Quoted.escape(line.substring(from, Math.min(offset, to))).length();
    return "    " + before + shown + (to < line.length() ? "…" : "") + "\n    " + " ".repeat(caret) + "^";
  }

  private static int offset(String source, int line, int column) {
    int offset = 0;
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < line - 1 && i < lines.length; i++) {
      offset += lines[i].length() + 1;
    }
    return offset + column;
  }

  /**
   * An explanation is required when the row has a condition; it may also explain a row limited in another way
   * ({@code limited}), such as to some document sets.
   */
  Optional<Text> explanation(RawRow row, String base, Optional<Condition> condition, boolean limited) {
    Optional<Text> text = cells.text(row, base, condition.isPresent());
    // A condition that failed to compile is already an error; only an empty condition cell makes the text unused.
    String conditionColumn = base.equals("explanation") ? "condition" : base;
    if (text.isPresent() && condition.isEmpty() && !limited && row.cell(conditionColumn).isBlank()) {
      diagnostics.warning("unused-explanation", row.cell(base + "_en").where(),
          Phrase.of("compile.unused-explanation", "column", base));
    }
    return text;
  }

  private String version() {
    String version = null;
    for (RawRow row : rows(CATALOGUE)) {
      Optional<String> key = cells.string(row, "key", true);
      Optional<String> value = cells.string(row, "value", true);
      if (!define(CATALOGUE, row, "key", key, Validity.ALWAYS)) {
        continue;
      }
      if (!key.get().equals("version")) {
        diagnostics.warning("unknown-setting", row.cell("key").where(), Nearest.suggestion(key.get(),
            List.of("version")).map(near -> Phrase.of("compile.unknown-setting-near", "key", Quoted.inner(key.get()),
                "near", near)).orElse(Phrase.of("compile.unknown-setting", "key", Quoted.inner(key.get()))));
      } else if (value.isPresent()) {
        version = value.get();
      }
    }
    if (version == null) {
      diagnostics.error("no-version", CellRef.sheet(firstFile(), CATALOGUE),
          Phrase.of("compile.no-version"));
      return "";
    }
    return version;
  }

  /** The acts citations may name, by code: their official names in kk/ru/en. */
  private Map<String, Text> norms() {
    Map<String, Text> norms = new LinkedHashMap<>();
    for (RawRow row : rows(NORMS)) {
      int errors = diagnostics.errorCount();
      Optional<String> code = cells.code(row, "code", true);
      Optional<Text> name = cells.text(row, "name", true);
      if (define(NORMS, row, "code", code, Validity.ALWAYS) && diagnostics.errorCount() == errors) {
        norms.put(code.get(), name.get());
      }
    }
    return norms;
  }

  private List<Fact> facts() {
    List<Fact> facts = new ArrayList<>();
    List<RawRow> pendingDerived = new ArrayList<>();
    for (RawRow row : rows(FACTS)) {
      int errors = diagnostics.errorCount();
      Optional<String> name = cells.name(row, "name", true);
      Optional<FactType> type = cells.choice(row, "type", FactType.class, true);
      List<String> allowed = cells.items(row, "allowed_values");
      Optional<String> derived = cells.name(row, "derived_from", false);
      boolean required = cells.bool(row, "required");
      Optional<Text> label = cells.text(row, "label", true);
      if (!define(FACTS, row, "name", name, Validity.ALWAYS) || diagnostics.errorCount() > errors) {
        continue;
      }
      if (!allowed.isEmpty() && type.get() != FactType.TEXT) {
        diagnostics.error("bad-fact", row.cell("allowed_values").where(), Phrase.of("compile.allowed-values-not-text"));
      }
      if (derived.isPresent()) {
        pendingDerived.add(row);
      }
      facts.add(new Fact(name.get(), type.get(), allowed, derived, required, label.get()));
    }
    for (RawRow row : pendingDerived) {
      String from = row.value("derived_from");
      Fact fact = facts.stream().filter(f -> f.name().equals(row.value("name"))).findFirst().orElseThrow();
      boolean dateSource = facts.stream().anyMatch(f -> f.name().equals(from) && f.type() == FactType.DATE);
      if (fact.type() != FactType.INT || !dateSource) {
        diagnostics.error("bad-fact", row.cell("derived_from").where(),
            Phrase.of("compile.bad-derived"));
      }
    }
    return facts;
  }

  private List<CountryGroupMember> countryGroups() {
    List<CountryGroupMember> members = new ArrayList<>();
    for (RawRow row : rows(COUNTRY_GROUPS)) {
      int errors = diagnostics.errorCount();
      Optional<String> group = cells.code(row, "group", true);
      Optional<String> country = cells.country(row, "country", true);
      Optional<Text> citation = cells.citation(row, true);
      Validity validity = cells.validity(row);
      if (group.isEmpty() || country.isEmpty() || diagnostics.errorCount() > errors) {
        continue;
      }
      if (keys.define(COUNTRY_GROUPS, group.get() + "/" + country.get(), row.cell("country").where(), validity)) {
        members.add(new CountryGroupMember(group.get(), country.get(), citation.get(), validity));
      }
    }
    return members;
  }
}

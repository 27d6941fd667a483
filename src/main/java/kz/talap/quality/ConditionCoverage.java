package kz.talap.quality;

import java.math.BigInteger;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.talap.condition.Condition;
import kz.talap.condition.ConditionCompiler;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Validity;
import kz.talap.quality.QualityReport.Finding;
import kz.talap.quality.QualityReport.Level;
import kz.talap.schema.Column;
import kz.talap.schema.Schema;
import kz.talap.schema.Table;
import kz.talap.workbook.RawCell;
import kz.talap.workbook.RawRow;
import kz.talap.workbook.ReadResult;

/**
 * Evaluates every condition over every combination of the values of the facts it uses ({@link FactDomains}) and
 * reports one that never holds or always holds. Rows whose validity has ended are left out.
 */
final class ConditionCoverage {
  /** Beyond this many combinations a condition is not evaluated (and the report says so). */
  static final long LIMIT = 100_000;

  private final FactDomains domains;
  private final ConditionCompiler compiler;
  private final LocalDate asOf;

  ConditionCoverage(Catalogue catalogue, LocalDate asOf) {
    this.domains = new FactDomains(catalogue);
    this.asOf = asOf;
    Map<String, FactType> types = new LinkedHashMap<>();
    catalogue.facts().forEach(f -> types.put(f.name(), f.type()));
    this.compiler = new ConditionCompiler(types, new java.util.TreeSet<>(domains.groupNames()));
  }

  List<Finding> check(ReadResult input) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : Schema.tables()) {
      for (Column column : table.columns()) {
        if (column.kind() != Column.Kind.CONDITION) {
          continue;
        }
        for (RawRow row : input.rows(table.name()).toList()) {
          RawCell cell = row.cell(column.name());
          if (cell.isBlank() || Quality.ended(row, asOf)) {
            continue;
          }
          Optional<Condition> condition = compiler.compile(cell.value()).condition();
          condition.flatMap(c -> check(table.name(), c, day(row)))
              .ifPresent(f -> findings.add(new Finding(f.level(), f.code(), cell.where(), f.message())));
        }
      }
    }
    return findings;
  }

  /** The day a row is looked at: the as-of date, or the row's first day when it starts later. */
  private LocalDate day(RawRow row) {
    Validity validity = Quality.validity(row);
    return validity.from().filter(from -> from.isAfter(asOf)).orElse(asOf);
  }

  /** A finding without its place: the place is the condition's cell. */
  private record Outcome(Level level, String code, String message) {}

  private Optional<Outcome> check(String table, Condition condition, LocalDate on) {
    List<String> names = new ArrayList<>();
    List<List<Object>> values = new ArrayList<>();
    Map<String, Object> fixed = new HashMap<>();
    long combinations = 1;
    for (String name : new java.util.TreeSet<>(condition.facts())) {
      Optional<List<Object>> domain = domains.values(name, condition, on);
      if (domain.isEmpty()) {
        fixed.put(name, domains.members(name, on));
        continue;
      }
      names.add(name);
      values.add(domain.get());
      combinations = Math.min(combinations * domain.get().size(), LIMIT + 1);
    }
    if (combinations > LIMIT) {
      BigInteger exact = values.stream().map(v -> BigInteger.valueOf(v.size()))
          .reduce(BigInteger.ONE, BigInteger::multiply);
      NumberFormat format = NumberFormat.getIntegerInstance(Locale.ROOT);
      return Optional.of(new Outcome(Level.INFO, "condition-not-analysed", "condition not analysed: its "
          + names.size() + " facts give " + format.format(exact) + " combinations, more than "
          + format.format(LIMIT)));
    }
    boolean sawTrue = false;
    boolean sawFalse = false;
    int[] index = new int[names.size()];
    Map<String, Object> facts = new HashMap<>(fixed);
    do {
      for (int i = 0; i < index.length; i++) {
        facts.put(names.get(i), values.get(i).get(index[i]));
      }
      try {
        if (condition.test(facts)) {
          sawTrue = true;
        } else {
          sawFalse = true;
        }
      } catch (Condition.Failure e) {
        String why = e.reason();
        return Optional.of(new Outcome(Level.WARNING, "condition-fails",
            "condition cannot be evaluated for " + values(names, facts) + ": " + why));
      }
    } while (!(sawTrue && sawFalse) && next(index, values));
    if (sawTrue && sawFalse) {
      return Optional.empty();
    }
    String tried = tried(names, combinations, sawTrue);
    return Optional.of(sawTrue
        ? new Outcome(Level.WARNING, "condition-always-holds", "condition always holds (" + tried + "): "
            + always(table))
        : new Outcome(Level.WARNING, "condition-never-holds", "condition never holds (" + tried + "): "
            + never(table)));
  }

  /** Moves to the next combination, like an odometer; false after the last one. */
  private static boolean next(int[] index, List<List<Object>> values) {
    for (int i = index.length - 1; i >= 0; i--) {
      if (++index[i] < values.get(i).size()) {
        return true;
      }
      index[i] = 0;
    }
    return false;
  }

  private static String tried(List<String> names, long combinations, boolean outcome) {
    if (names.isEmpty()) {
      return "it uses no facts";
    }
    String noun = names.size() == 1 ? (combinations == 1 ? "value" : "values") + " of "
        : "combinations of ";
    return outcome + " for all " + combinations + " " + noun + String.join(", ", names);
  }

  private static String values(List<String> names, Map<String, Object> facts) {
    List<String> parts = new ArrayList<>();
    for (String name : names) {
      Object value = facts.get(name);
      parts.add(name + " = " + (value instanceof String s ? "'" + s + "'" : value));
    }
    return parts.isEmpty() ? "any facts" : String.join(", ", parts);
  }

  private static String never(String table) {
    return switch (table) {
      case Schema.REQUIREMENTS -> "the document is never required";
      case Schema.CATEGORIES -> "no applicant is ever in this category";
      default -> "no applicant is ever eligible";
    };
  }

  private static String always(String table) {
    return switch (table) {
      case Schema.CATEGORIES -> "every applicant is in this category";
      default -> "the condition can be removed";
    };
  }
}

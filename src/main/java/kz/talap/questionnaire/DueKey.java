package kz.talap.questionnaire;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import kz.talap.condition.Condition;
import kz.talap.model.Catalogue;
import kz.talap.model.Category;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Fact;
import kz.talap.model.Service;
import kz.talap.model.SubType;

/**
 * What decides the documents a check finds missing for an applicant to one service (or sub-type) who presents none:
 * which category's reduced set applies (the first whose condition holds) and which of the requirement conditions
 * hold. The checker picks the documents due by these alone, so applicants with the same key get the same list, and a
 * questionnaire runs the checker once per key instead of once per combination of answers (the PRP's 32,768
 * combinations have a few dozen keys).
 *
 * <p>The conditions see the values the checker gives them ({@code Checker.values}): the facts as given, an age from its
 * date of birth in completed years on the day, a yes/no fact not given as false, no dates, and the country-group lists
 * in force by their lower-case names. A combination whose key cannot be worked out because a condition cannot be
 * evaluated for it gets no key and is checked on its own, so that the checker reports the failure as before (or
 * never reaches that condition and gives its list).
 */
final class DueKey {
  private static final byte FALSE = 0;
  private static final byte TRUE = 1;
  private static final byte FAILS = 2;

  private final List<Fact> facts;
  private final Map<String, List<String>> lists;
  private final LocalDate day;
  private final int[] strides;
  private final int[] sizes;
  /** The conditions of the service's and sub-type's eligibility: evaluated so that a failure is found. */
  private final List<Table> eligibility = new ArrayList<>();
  /** The categories' conditions in the order the checker tries them. */
  private final List<Table> categories;
  /** The distinct conditions of the requirements of the service and sub-type (equal expressions are one). */
  private final List<Table> requirements;

  /**
   * The keys of the combinations of answers to {@code asked} (the answers to fact {@code i} numbered
   * {@code 0..sizes[i]-1}, a combination numbered with the first fact's answer most significant); {@code given} gives
   * the facts of an applicant with a combination, as a submission carries them.
   */
  DueKey(Catalogue snapshot, LocalDate day, Service service, Optional<SubType> subtype, List<Fact> asked,
      int[] sizes, IntFunction<Map<String, Object>> given) {
    this.facts = snapshot.facts();
    this.day = day;
    this.sizes = sizes.clone();
    this.strides = new int[sizes.length];
    int stride = 1;
    for (int i = sizes.length - 1; i >= 0; i--) {
      strides[i] = stride;
      stride *= sizes[i];
    }
    Map<String, List<String>> groups = new TreeMap<>();
    snapshot.countryGroups().stream().filter(m -> m.validity().contains(day)).forEach(m ->
        groups.computeIfAbsent(m.group().toLowerCase(Locale.ROOT), g -> new ArrayList<>()).add(m.country()));
    groups.replaceAll((group, countries) -> List.copyOf(countries));
    this.lists = Map.copyOf(groups);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < asked.size(); i++) {
      index.put(asked.get(i).name(), i);
    }
    service.eligibility().ifPresent(c -> eligibility.add(table(c, index, given)));
    subtype.flatMap(s -> snapshot.subType(s.code())).flatMap(SubType::eligibility)
        .ifPresent(c -> eligibility.add(table(c, index, given)));
    this.categories = snapshot.categoriesOf(service.code()).stream()
        .sorted(Comparator.comparingInt(Category::order).thenComparing(Category::code))
        .map(c -> table(c.condition(), index, given)).toList();
    Set<Condition> distinct = new LinkedHashSet<>();
    snapshot.requirementsOf(service.code()).stream()
        .filter(r -> r.subtype().isEmpty() || r.subtype().equals(subtype.map(SubType::code)))
        .forEach(r -> r.condition().ifPresent(distinct::add));
    this.requirements = distinct.stream().map(c -> table(c, index, given)).toList();
  }

  /**
   * A condition's value for each combination of the answers to the facts it reads (it reads no others, so every
   * combination that agrees on them agrees on it): worked out once, for one combination each.
   */
  private record Table(int[] facts, int[] strides, byte[] values) {
    byte at(int combination, DueKey key) {
      int entry = 0;
      for (int i = 0; i < facts.length; i++) {
        entry += key.digit(combination, facts[i]) * strides[i];
      }
      return values[entry];
    }
  }

  private Table table(Condition condition, Map<String, Integer> index, IntFunction<Map<String, Object>> given) {
    int[] read = condition.facts().stream().filter(index::containsKey).mapToInt(index::get).sorted().toArray();
    int[] local = new int[read.length];
    int entries = 1;
    for (int i = read.length - 1; i >= 0; i--) {
      local[i] = entries;
      entries *= sizes[read[i]];
    }
    byte[] values = new byte[entries];
    for (int entry = 0; entry < entries; entry++) {
      int combination = 0;
      for (int i = 0; i < read.length; i++) {
        combination += (entry / local[i]) % sizes[read[i]] * strides[read[i]];
      }
      try {
        values[entry] = condition.test(values(given.apply(combination))) ? TRUE : FALSE;
      } catch (Condition.Failure e) {
        values[entry] = FAILS;
      }
    }
    return new Table(read, local, values);
  }

  private int digit(int combination, int fact) {
    return (combination / strides[fact]) % sizes[fact];
  }

  /**
   * The key of a combination, or empty when a condition the checker may evaluate for it cannot be evaluated (the
   * checker then decides: it reports the failure, or never reaches that condition).
   */
  Optional<String> of(int combination) {
    StringBuilder key = new StringBuilder(requirements.size() + 1);
    for (Table condition : eligibility) {
      if (condition.at(combination, this) == FAILS) {
        return Optional.empty();
      }
    }
    int set = categories.size();
    for (int i = 0; i < categories.size(); i++) {
      byte value = categories.get(i).at(combination, this);
      if (value == FAILS) {
        return Optional.empty();
      }
      if (value == TRUE) {
        set = i;
        break;
      }
    }
    key.append((char) set);
    for (Table condition : requirements) {
      byte value = condition.at(combination, this);
      if (value == FAILS) {
        return Optional.empty();
      }
      key.append(value == TRUE ? '1' : '0');
    }
    return Optional.of(key.toString());
  }

  /** The values the conditions see, worked out as the checker does. */
  private Map<String, Object> values(Map<String, Object> given) {
    Map<String, Object> values = new HashMap<>() {
      @Override
      public Object get(Object name) {
        Object value = super.get(name);
        return value != null ? value : lists.get(name);
      }
    };
    for (Fact fact : facts) {
      Object value = given.get(fact.name());
      if (value == null && fact.derivedFrom().isPresent()
          && given.get(fact.derivedFrom().get()) instanceof LocalDate birth) {
        value = (long) birth.until(day).getYears();
      }
      if (value == null && fact.type() == FactType.BOOL) {
        value = false;
      }
      if (value != null && fact.type() != FactType.DATE) {
        values.put(fact.name(), value);
      }
    }
    return values;
  }
}

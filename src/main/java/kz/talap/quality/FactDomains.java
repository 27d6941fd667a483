package kz.talap.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import kz.talap.condition.Condition;
import kz.talap.model.Catalogue;
import kz.talap.model.CountryGroupMember;
import kz.talap.model.Fact;

/**
 * The finite set of values worth trying for each fact a condition uses: every value that can change its outcome.
 *
 * <ul>
 *   <li>BOOL: false and true;
 *   <li>TEXT: the allowed values, or else the strings the condition compares with plus one other;
 *   <li>COUNTRY: every member of a country group, the country codes in the condition, and {@value #OUTSIDE}, a code
 *       assigned to no country (so outside every group);
 *   <li>INT: 0, 120, and each integer in the condition with its neighbours; an INT fact derived from a date is an age
 *       in completed years, so only 0 to 120 is tried.
 * </ul>
 */
final class FactDomains {
  /** ISO 3166-1 reserves XX for user assignment: no country has it. */
  static final String OUTSIDE = "XX";
  /** A TEXT value the condition does not name. */
  static final String OTHER_TEXT = "(other)";
  static final long MIN_AGE = 0;
  static final long MAX_AGE = 120;
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private final Map<String, Fact> facts = new TreeMap<>();
  private final Catalogue catalogue;

  FactDomains(Catalogue catalogue) {
    this.catalogue = catalogue;
    catalogue.facts().forEach(f -> facts.put(f.name(), f));
  }

  /** The lower-case names of the country groups, as conditions use them. */
  List<String> groupNames() {
    return catalogue.countryGroups().stream().map(m -> listName(m.group())).distinct().sorted().toList();
  }

  /** A country group as the list a condition sees on a day. */
  List<String> members(String list, LocalDate on) {
    return catalogue.countryGroups().stream()
        .filter(m -> listName(m.group()).equals(list) && m.validity().contains(on))
        .map(CountryGroupMember::country)
        .sorted()
        .toList();
  }

  /** The values to try for a fact, or empty when the name is not a fact (a country group). */
  Optional<List<Object>> values(String name, Condition condition, LocalDate on) {
    Fact fact = facts.get(name);
    if (fact == null) {
      return Optional.empty();
    }
    List<Object> values = new ArrayList<>();
    switch (fact.type()) {
      case BOOL -> values.addAll(List.of(false, true));
      case TEXT -> {
        if (!fact.allowedValues().isEmpty()) {
          values.addAll(fact.allowedValues());
        } else {
          TreeSet<String> texts = new TreeSet<>(condition.stringLiterals());
          texts.add(OTHER_TEXT);
          values.addAll(texts);
        }
      }
      case COUNTRY -> {
        TreeSet<String> countries = new TreeSet<>();
        catalogue.countryGroups().stream().filter(m -> m.validity().contains(on))
            .forEach(m -> countries.add(m.country()));
        condition.stringLiterals().stream().filter(s -> COUNTRY.matcher(s).matches()).forEach(countries::add);
        countries.add(OUTSIDE);
        values.addAll(countries);
      }
      case INT -> {
        TreeSet<Long> numbers = new TreeSet<>(List.of(MIN_AGE, MAX_AGE));
        for (long literal : condition.integerLiterals()) {
          numbers.addAll(List.of(literal - 1, literal, literal + 1));
        }
        boolean age = fact.derivedFrom().isPresent();
        numbers.stream().filter(n -> !age || (n >= MIN_AGE && n <= MAX_AGE)).forEach(values::add);
      }
      default -> { }
    }
    return Optional.of(values);
  }

  private static String listName(String group) {
    return group.toLowerCase(Locale.ROOT);
  }
}

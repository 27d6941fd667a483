package kz.talap.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kz.talap.condition.Condition;
import kz.talap.model.Catalogue;
import kz.talap.model.Category;
import kz.talap.model.CountryGroupMember;
import kz.talap.model.Enums.RuleKind;
import kz.talap.model.Enums.TermKind;
import kz.talap.model.Fact;
import kz.talap.model.Fee;
import kz.talap.model.Requirement;
import kz.talap.model.Rule;
import kz.talap.model.Term;

/**
 * The catalogue in force on a day, its country groups as the lists conditions see ({@code eaeu}), and what every
 * submission for a service asks of it, worked out once: the requirements that may be due (in order), the fees, the
 * rules and the terms.
 */
final class Day {
  private final Catalogue catalogue;
  final Map<String, List<String>> lists;
  private final Map<Asked, List<Requirement>> candidates = new HashMap<>();
  private final Map<String, List<Category>> categories = new HashMap<>();
  private final Map<Asked, List<Fee>> fees = new HashMap<>();
  private final Map<Asked, Optional<Rule>> rules = new HashMap<>();
  private final Map<Asked, Optional<Term>> terms = new HashMap<>();
  private final Map<String, List<Term>> dated = new HashMap<>();
  private final Map<String, Results> results = new HashMap<>();
  final Map<String, Fact> declared = new HashMap<>();
  private final Map<Asked, Optional<CountryGroupMember>> members = new HashMap<>();

  Day(Catalogue now) {
    now.facts().forEach(f -> declared.put(f.name(), f));
    Map<String, List<String>> groups = new TreeMap<>();
    now.countryGroups().forEach(m ->
        groups.computeIfAbsent(m.group().toLowerCase(Locale.ROOT), g -> new ArrayList<>()).add(m.country()));
    groups.replaceAll((group, countries) -> List.copyOf(countries));
    this.catalogue = now;
    this.lists = Map.copyOf(groups);
  }

  /** What a lookup is keyed by: a record of the strings and values it depends on (their hashes are kept). */
  private record Asked(Object a, Object b, Object c, Object d, Object e) {}

  Catalogue catalogue() {
    return catalogue;
  }

  /** The requirements of the submission's service, sub-type, channel, recipient and stage, in order. */
  List<Requirement> candidates(Submission s) {
    Asked key = new Asked(s.service(), s.subtype(), s.channel(), s.recipient(), s.stage());
    return candidates.computeIfAbsent(key, k -> catalogue.requirementsOf(s.service()).stream()
        .filter(r -> r.subtype().isEmpty() || r.subtype().equals(s.subtype()))
        .filter(r -> r.channels().isEmpty() || r.channels().contains(s.channel()))
        .filter(r -> r.recipients().isEmpty() || r.recipients().contains(s.recipient()))
        .filter(r -> r.stage().isEmpty() || r.stage().equals(s.stage()))
        .sorted(Comparator.comparingInt(Requirement::order).thenComparing(Requirement::code))
        .toList());
  }

  /** The service's categories in the order they are tried. */
  List<Category> categories(String service) {
    return categories.computeIfAbsent(service, k -> catalogue.categoriesOf(service).stream()
        .sorted(Comparator.comparingInt(Category::order).thenComparing(Category::code))
        .toList());
  }

  /** The fees of a service and sub-type, by code. */
  List<Fee> fees(String service, Optional<String> subtype) {
    return fees.computeIfAbsent(new Asked(service, subtype, null, null, null), k -> catalogue.feesOf(service).stream()
        .filter(f -> f.subtype().isEmpty() || f.subtype().equals(subtype))
        .sorted(Comparator.comparing(Fee::code))
        .toList());
  }

  Optional<Rule> rule(String service, Optional<String> subtype, RuleKind kind) {
    return rules.computeIfAbsent(new Asked(service, subtype, kind, null, null),
        k -> catalogue.rule(service, subtype, kind));
  }

  Optional<Term> term(String service, Optional<String> subtype, TermKind kind) {
    return terms.computeIfAbsent(new Asked(service, subtype, kind, null, null),
        k -> catalogue.term(service, subtype, kind));
  }

  /**
   * Whether a condition holds for these values. A condition reads a few facts, and a batch gives them few distinct
   * values (a citizenship, an age, a purpose), so its result is kept by the values it reads: the same combination is
   * not evaluated again. A condition whose results would take too much room is simply evaluated every time.
   */
  boolean holds(Condition condition, Map<String, Object> values) {
    Results known = results.computeIfAbsent(condition.source(), k -> new Results(condition.facts().stream()
        .filter(declared::containsKey).sorted().toArray(String[]::new)));
    Object[] read = new Object[known.facts.length];
    for (int i = 0; i < read.length; i++) {
      read[i] = values.get(known.facts[i]);
    }
    List<Object> key = Arrays.asList(read);
    Boolean result = known.byValues.get(key);
    if (result == null) {
      result = condition.test(values);
      if (known.byValues.size() < MAX_RESULTS) {
        known.byValues.put(key, result);
      }
    }
    return result;
  }

  /** How many results of one condition are kept. */
  private static final int MAX_RESULTS = 4096;

  /** The results of one condition by the values of the facts it reads, in the order of {@code facts}. */
  private record Results(String[] facts, Map<List<Object>, Boolean> byValues) {
    Results(String[] facts) {
      this(facts, new HashMap<>());
    }
  }

  /** The terms of a service counted from one of the applicant's dates (such as the permit's expiry), in order. */
  List<Term> countedFromFacts(String service) {
    return dated.computeIfAbsent(service, k -> catalogue.terms().stream()
        .filter(t -> t.service().map(service::equals).orElse(false) && t.countedFrom().isPresent())
        .toList());
  }

  /** The membership of a country in a country group (such as APOSTILLE), with its citation. */
  Optional<CountryGroupMember> member(String group, String country) {
    return members.computeIfAbsent(new Asked(group, country, null, null, null), k -> catalogue.countryGroups().stream()
        .filter(m -> m.group().equals(group) && m.country().equals(country)).findFirst());
  }
}

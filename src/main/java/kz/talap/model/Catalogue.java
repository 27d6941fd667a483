package kz.talap.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The compiled catalogue: every table as typed records. A catalogue may hold several versions of a row with disjoint
 * validity; {@link #at(LocalDate)} gives the rows in force on one day. Rows are found by code through an index built
 * with the catalogue (the {@code index} component; it takes no part in equality), so no lookup walks a whole table.
 */
public record Catalogue(
    String version,
    List<Channel> channels,
    List<Service> services,
    List<SubType> subTypes,
    List<Stage> stages,
    List<Document> documents,
    List<Group> groups,
    List<Category> categories,
    List<Requirement> requirements,
    List<Rule> rules,
    List<Fee> fees,
    List<Term> terms,
    List<ScheduleEntry> schedules,
    List<RefusalGround> refusalGrounds,
    List<Outage> outages,
    List<Fact> facts,
    List<CountryGroupMember> countryGroups,
    List<Parameter> parameters,
    List<CalendarEntry> calendar,
    List<Label> labels,
    Index index) {

  /** A catalogue of these tables; its index is built from them. */
  public Catalogue(String version, List<Channel> channels, List<Service> services, List<SubType> subTypes,
      List<Stage> stages, List<Document> documents, List<Group> groups, List<Category> categories,
      List<Requirement> requirements, List<Rule> rules, List<Fee> fees, List<Term> terms,
      List<ScheduleEntry> schedules, List<RefusalGround> refusalGrounds, List<Outage> outages, List<Fact> facts,
      List<CountryGroupMember> countryGroups, List<Parameter> parameters, List<CalendarEntry> calendar,
      List<Label> labels) {
    this(version, channels, services, subTypes, stages, documents, groups, categories, requirements, rules, fees,
        terms, schedules, refusalGrounds, outages, facts, countryGroups, parameters, calendar, labels, null);
  }

  /** The canonical constructor: {@code index} is ignored and built again from the tables. */
  public Catalogue {
    channels = List.copyOf(channels);
    services = List.copyOf(services);
    subTypes = List.copyOf(subTypes);
    stages = List.copyOf(stages);
    documents = List.copyOf(documents);
    groups = List.copyOf(groups);
    categories = List.copyOf(categories);
    requirements = List.copyOf(requirements);
    rules = List.copyOf(rules);
    fees = List.copyOf(fees);
    terms = List.copyOf(terms);
    schedules = List.copyOf(schedules);
    refusalGrounds = List.copyOf(refusalGrounds);
    outages = List.copyOf(outages);
    facts = List.copyOf(facts);
    countryGroups = List.copyOf(countryGroups);
    parameters = List.copyOf(parameters);
    calendar = List.copyOf(calendar);
    labels = List.copyOf(labels);
    index = new Index(channels, services, subTypes, stages, documents, groups, categories, requirements, rules,
        fees, terms, countryGroups, parameters);
  }

  /**
   * The rows in force on {@code date}. Parameters, the calendar and outages are kept whole: they are looked up by the
   * date of each payment, term or expiry.
   */
  public Catalogue at(LocalDate date) {
    return new Catalogue(
        version,
        channels,
        inForce(services, Service::validity, date),
        inForce(subTypes, SubType::validity, date),
        inForce(stages, Stage::validity, date),
        documents,
        inForce(groups, Group::validity, date),
        inForce(categories, Category::validity, date),
        inForce(requirements, Requirement::validity, date),
        inForce(rules, Rule::validity, date),
        inForce(fees, Fee::validity, date),
        inForce(terms, Term::validity, date),
        inForce(schedules, ScheduleEntry::validity, date),
        inForce(refusalGrounds, RefusalGround::validity, date),
        outages,
        facts,
        inForce(countryGroups, CountryGroupMember::validity, date),
        parameters,
        calendar,
        labels);
  }

  /**
   * The first day of the period {@code date} falls in: no row starts or ends between that day and {@code date}, so
   * {@link #at(LocalDate)} gives the same rows for both. Lets callers keep one view per period instead of per day.
   */
  public LocalDate periodStart(LocalDate date) {
    LocalDate start = index.boundaries(this).floor(date);
    return start == null ? LocalDate.MIN : start;
  }

  private static <T> List<T> inForce(List<T> rows, Function<T, Validity> validity, LocalDate date) {
    return rows.stream().filter(r -> validity.apply(r).contains(date)).toList();
  }

  /** The first version of a service (the only one in a catalogue {@link #at(LocalDate) in force on a day}). */
  public Optional<Service> service(String code) {
    return first(index.services.get(code));
  }

  /** Every version of a service, in catalogue order. */
  public List<Service> serviceVersions(String code) {
    return index.services.getOrDefault(code, List.of());
  }

  public Optional<SubType> subType(String code) {
    return first(index.subTypes.get(code));
  }

  /** Every version of a sub-type, in catalogue order. */
  public List<SubType> subTypeVersions(String code) {
    return index.subTypes.getOrDefault(code, List.of());
  }

  /** The sub-types of a service (every version), in catalogue order. */
  public List<SubType> subTypesOf(String service) {
    return index.subTypesOf.getOrDefault(service, List.of());
  }

  /** The stages of a service, in catalogue order. */
  public List<Stage> stagesOf(String service) {
    return index.stagesOf.getOrDefault(service, List.of());
  }

  public Optional<Document> document(String code) {
    return first(index.documents.get(code));
  }

  public Optional<Group> group(String code) {
    return first(index.groups.get(code));
  }

  public Optional<Channel> channel(String code) {
    return first(index.channels.get(code));
  }

  public Optional<Category> category(String code) {
    return first(index.categories.get(code));
  }

  /** The categories of a service, in catalogue order. */
  public List<Category> categoriesOf(String service) {
    return index.categoriesOf.getOrDefault(service, List.of());
  }

  /** The requirements of a service (every sub-type), in catalogue order. */
  public List<Requirement> requirementsOf(String service) {
    return index.requirementsOf.getOrDefault(service, List.of());
  }

  /** The fees of a service (every sub-type), in catalogue order. */
  public List<Fee> feesOf(String service) {
    return index.feesOf.getOrDefault(service, List.of());
  }

  /** The rules of a service (every sub-type), in catalogue order. */
  public List<Rule> rulesOf(String service) {
    return index.rulesOf.getOrDefault(service, List.of());
  }

  /** The terms of a service (every sub-type and stage), in catalogue order; not the terms of every service. */
  public List<Term> termsOf(String service) {
    return service.isEmpty() ? List.of() : index.termsOf.getOrDefault(service, List.of());
  }

  /** The terms that apply to every service (rows without a service, such as the appeal terms), in catalogue order. */
  public List<Term> commonTerms() {
    return index.termsOf.getOrDefault("", List.of());
  }

  /** Whether a country is a member of a group in any version of the group held here. */
  public boolean inGroup(String group, String country) {
    return index.memberships.contains(group + "/" + country);
  }

  /** Whether any fee is counted in a unit (such as MCI). */
  public boolean hasFeeIn(Enums.MoneyUnit unit) {
    return index.feeUnits.contains(unit);
  }

  /**
   * The most specific term of a kind for a service and sub-type: the sub-type's, then the service's, then one that
   * applies to every service (such as the appeal terms).
   */
  public Optional<Term> term(String service, Optional<String> subtype, Enums.TermKind kind) {
    return java.util.stream.Stream.concat(termsOf(service).stream(), commonTerms().stream())
        .filter(t -> t.kind() == kind)
        .filter(t -> t.subtype().isEmpty() || t.subtype().equals(subtype))
        .max(Comparator.comparingInt(
                (Term t) -> (t.service().isPresent() ? 1 : 0) + (t.subtype().isPresent() ? 2 : 0))
            .thenComparing(Term::code, Comparator.reverseOrder()));
  }

  /** The first rule (by code) of a kind for a service and sub-type: one for the sub-type or for all its sub-types. */
  public Optional<Rule> rule(String service, Optional<String> subtype, Enums.RuleKind kind) {
    return rulesOf(service).stream()
        .filter(r -> r.kind() == kind)
        .filter(r -> r.subtype().isEmpty() || r.subtype().equals(subtype))
        .min(Comparator.comparing(Rule::code));
  }

  /** The value of a dated parameter (such as MCI) on a day. */
  public Optional<Parameter> parameter(String code, LocalDate date) {
    // A loop, not a stream: every check asks for the MCI of its day and of each payment's.
    for (Parameter parameter : index.parameters.getOrDefault(code, List.of())) {
      if (parameter.validity().contains(date)) {
        return Optional.of(parameter);
      }
    }
    return Optional.empty();
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows == null ? Optional.empty() : Optional.of(rows.get(0));
  }

  /**
   * The rows of a catalogue by code and by service, built once with it. It is derived from the tables, so every
   * index equals every other: two catalogues are equal when their tables are.
   */
  public static final class Index {
    private final Map<String, List<Channel>> channels;
    private final Map<String, List<Service>> services;
    private final Map<String, List<SubType>> subTypes;
    private final Map<String, List<SubType>> subTypesOf;
    private final Map<String, List<Stage>> stagesOf;
    private final Map<String, List<Document>> documents;
    private final Map<String, List<Group>> groups;
    private final Map<String, List<Category>> categories;
    private final Map<String, List<Category>> categoriesOf;
    private final Map<String, List<Requirement>> requirementsOf;
    private final Map<String, List<Rule>> rulesOf;
    private final Map<String, List<Fee>> feesOf;
    private final Map<String, List<Term>> termsOf;
    private final Map<String, List<Parameter>> parameters;
    private final Set<String> memberships = new HashSet<>();
    private final Set<Enums.MoneyUnit> feeUnits = new HashSet<>();
    /** The days on which a row of a dated table starts, or the day after one ends; made on first use. */
    private volatile java.util.NavigableSet<LocalDate> boundaries;

    Index(List<Channel> channels, List<Service> services, List<SubType> subTypes, List<Stage> stages,
        List<Document> documents, List<Group> groups, List<Category> categories, List<Requirement> requirements,
        List<Rule> rules, List<Fee> fees, List<Term> terms, List<CountryGroupMember> countryGroups,
        List<Parameter> parameters) {
      this.channels = by(channels, Channel::code);
      this.services = by(services, Service::code);
      this.subTypes = by(subTypes, SubType::code);
      this.subTypesOf = by(subTypes, SubType::service);
      this.stagesOf = by(stages, Stage::service);
      this.documents = by(documents, Document::code);
      this.groups = by(groups, Group::code);
      this.categories = by(categories, Category::code);
      this.categoriesOf = by(categories, Category::service);
      this.requirementsOf = by(requirements, Requirement::service);
      this.rulesOf = by(rules, Rule::service);
      this.feesOf = by(fees, Fee::service);
      this.termsOf = by(terms, t -> t.service().orElse(""));
      this.parameters = by(parameters, Parameter::code);
      countryGroups.forEach(m -> memberships.add(m.group() + "/" + m.country()));
      fees.forEach(f -> feeUnits.add(f.unit()));
    }

    java.util.NavigableSet<LocalDate> boundaries(Catalogue catalogue) {
      java.util.NavigableSet<LocalDate> days = boundaries;
      if (days == null) {
        java.util.TreeSet<LocalDate> found = new java.util.TreeSet<>();
        java.util.function.Consumer<Validity> add = v -> {
          v.from().ifPresent(found::add);
          v.to().filter(to -> to.isBefore(LocalDate.MAX)).ifPresent(to -> found.add(to.plusDays(1)));
        };
        catalogue.services().forEach(r -> add.accept(r.validity()));
        catalogue.subTypes().forEach(r -> add.accept(r.validity()));
        catalogue.stages().forEach(r -> add.accept(r.validity()));
        catalogue.groups().forEach(r -> add.accept(r.validity()));
        catalogue.categories().forEach(r -> add.accept(r.validity()));
        catalogue.requirements().forEach(r -> add.accept(r.validity()));
        catalogue.rules().forEach(r -> add.accept(r.validity()));
        catalogue.fees().forEach(r -> add.accept(r.validity()));
        catalogue.terms().forEach(r -> add.accept(r.validity()));
        catalogue.schedules().forEach(r -> add.accept(r.validity()));
        catalogue.refusalGrounds().forEach(r -> add.accept(r.validity()));
        catalogue.countryGroups().forEach(r -> add.accept(r.validity()));
        days = java.util.Collections.unmodifiableNavigableSet(found);
        boundaries = days;
      }
      return days;
    }

    private static <T> Map<String, List<T>> by(List<T> rows, Function<T, String> key) {
      Map<String, List<T>> map = new HashMap<>();
      for (T row : rows) {
        map.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
      }
      map.replaceAll((k, v) -> List.copyOf(v));
      return map;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Index;
    }

    @Override
    public int hashCode() {
      return 0;
    }

    @Override
    public String toString() {
      return "Index";
    }
  }
}

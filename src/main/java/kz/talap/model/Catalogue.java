package kz.talap.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The compiled catalogue: every table as typed records. A catalogue may hold several versions of a row with disjoint
 * validity; {@link #at(LocalDate)} gives the rows in force on one day.
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
    List<Label> labels) {

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

  private static <T> List<T> inForce(List<T> rows, Function<T, Validity> validity, LocalDate date) {
    return rows.stream().filter(r -> validity.apply(r).contains(date)).toList();
  }

  public Optional<Service> service(String code) {
    return services.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  public Optional<Document> document(String code) {
    return documents.stream().filter(d -> d.code().equals(code)).findFirst();
  }

  /**
   * The most specific term of a kind for a service and sub-type: the sub-type's, then the service's, then one that
   * applies to every service (such as the appeal terms).
   */
  public Optional<Term> term(String service, Optional<String> subtype, Enums.TermKind kind) {
    return terms.stream()
        .filter(t -> t.kind() == kind)
        .filter(t -> t.service().map(service::equals).orElse(true))
        .filter(t -> t.subtype().isEmpty() || t.subtype().equals(subtype))
        .max(java.util.Comparator.comparingInt(
                (Term t) -> (t.service().isPresent() ? 1 : 0) + (t.subtype().isPresent() ? 2 : 0))
            .thenComparing(Term::code, java.util.Comparator.reverseOrder()));
  }

  /** The first rule (by code) of a kind for a service and sub-type: one for the sub-type or for all its sub-types. */
  public Optional<Rule> rule(String service, Optional<String> subtype, Enums.RuleKind kind) {
    return rules.stream()
        .filter(r -> r.kind() == kind && r.service().equals(service))
        .filter(r -> r.subtype().isEmpty() || r.subtype().equals(subtype))
        .min(java.util.Comparator.comparing(Rule::code));
  }

  /** The value of a dated parameter (such as MCI) on a day. */
  public Optional<Parameter> parameter(String code, LocalDate date) {
    return parameters.stream()
        .filter(p -> p.code().equals(code) && p.validity().contains(date))
        .findFirst();
  }
}

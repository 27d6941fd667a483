package kz.talap.server;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import kz.talap.model.Catalogue;
import kz.talap.model.Fee;
import kz.talap.model.Requirement;
import kz.talap.model.Service;
import kz.talap.model.SubType;
import kz.talap.model.Term;
import kz.talap.model.Text;
import kz.talap.model.Validity;
import kz.talap.source.Phrase;

/** The services of a catalogue in force on a day, and the checklist data of one service or sub-type, as JSON trees. */
final class ServiceData {
  private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

  private final Catalogue all;
  private final Catalogue catalogue;
  private final LocalDate asOf;

  ServiceData(Catalogue catalogue, LocalDate asOf) {
    this.all = catalogue;
    this.catalogue = catalogue.at(asOf);
    this.asOf = asOf;
  }

  /** The day from {@code ?as_of=}, or today in Asia/Almaty; a bad date is refused with 400. */
  static LocalDate asOf(String value) {
    if (value == null || value.isBlank()) {
      return LocalDate.now(ALMATY);
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ApiProblem(400, "bad-parameter", Phrase.of("problem.bad-date"),
          Phrase.of("server.bad-as-of", "value", value));
    }
  }

  LocalDate asOf() {
    return asOf;
  }

  List<Map<String, Object>> services() {
    List<Map<String, Object>> services = new ArrayList<>();
    for (Service service : catalogue.services()) {
      Map<String, Object> one = service(service);
      one.put("subtypes", subtypes(service.code()).stream().map(this::subtype).toList());
      services.add(one);
    }
    return services;
  }

  /** The checklist data of a service or sub-type code; an unknown code is refused with 404. */
  Map<String, Object> service(String code) {
    Optional<Service> service = catalogue.service(code);
    Optional<SubType> subtype = catalogue.subTypes().stream().filter(s -> s.code().equals(code)).findFirst();
    if (service.isEmpty() && subtype.isPresent()) {
      service = catalogue.service(subtype.get().service());
    }
    if (service.isEmpty()) {
      TreeSet<String> known = new TreeSet<>();
      catalogue.services().forEach(s -> known.add(s.code()));
      catalogue.subTypes().forEach(s -> known.add(s.code()));
      throw new ApiProblem(404, "unknown-service", Phrase.of("problem.unknown-service-or-subtype"),
          Phrase.of("server.unknown-service-or-subtype", "code", code, "date", asOf, "known", String.join(", ", known)));
    }
    String serviceCode = service.get().code();
    Optional<String> subtypeCode = subtype.map(SubType::code);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service", service(service.get()));
    subtype.ifPresent(s -> body.put("subtype", subtype(s)));
    if (subtype.isEmpty() && !subtypes(serviceCode).isEmpty()) {
      body.put("subtypes", subtypes(serviceCode).stream().map(this::subtype).toList());
    }
    body.put("documents", catalogue.requirements().stream()
        .filter(r -> r.service().equals(serviceCode))
        .filter(r -> r.subtype().isEmpty() || r.subtype().equals(subtypeCode))
        .sorted(Comparator.comparingInt(Requirement::order).thenComparing(Requirement::code))
        .map(this::requirement).toList());
    body.put("fees", catalogue.fees().stream()
        .filter(f -> f.service().equals(serviceCode))
        .filter(f -> f.subtype().isEmpty() || f.subtype().equals(subtypeCode))
        .map(ServiceData::fee).toList());
    body.put("terms", catalogue.terms().stream()
        .filter(t -> t.service().map(serviceCode::equals).orElse(true))
        .filter(t -> t.subtype().isEmpty() || t.subtype().equals(subtypeCode))
        .map(ServiceData::term).toList());
    return body;
  }

  private List<SubType> subtypes(String service) {
    return catalogue.subTypes().stream().filter(s -> s.service().equals(service))
        .sorted(Comparator.comparingInt(SubType::number)).toList();
  }

  private Map<String, Object> service(Service service) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("code", service.code());
    one.put("status", service.status().name());
    one.put("name", text(service.name()));
    one.put("provider", text(service.provider()));
    one.put("channels", service.channels());
    one.put("recipients", service.recipients().stream().map(Enum::name).toList());
    one.put("citation", text(service.citation()));
    one.put("validity", validity(service.validity()));
    return one;
  }

  private Map<String, Object> subtype(SubType subtype) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("code", subtype.code());
    one.put("number", subtype.number());
    one.put("name", text(subtype.name()));
    subtype.eligibilityExplanation().ifPresent(e -> one.put("eligibility", text(e)));
    one.put("citation", text(subtype.citation()));
    return one;
  }

  private Map<String, Object> requirement(Requirement r) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("requirement", r.code());
    one.put("order", r.order());
    one.put("document", r.document());
    all.document(r.document()).ifPresent(d -> one.put("name", text(d.name())));
    r.group().ifPresent(g -> one.put("one_of_group", g));
    r.stage().ifPresent(s -> one.put("stage", s));
    r.subtype().ifPresent(s -> one.put("subtype", s));
    if (!r.applicantSets().isEmpty()) {
      one.put("applicant_sets", r.applicantSets());
    }
    r.explanation().ifPresent(e -> one.put("when", text(e)));
    if (!r.channels().isEmpty()) {
      one.put("channels", r.channels());
    }
    if (!r.recipients().isEmpty()) {
      one.put("recipients", r.recipients().stream().map(Enum::name).toList());
    }
    one.put("original_shown", r.originalShown());
    r.maxAgeDays().ifPresent(d -> one.put("max_age_days", d));
    r.minValidityDays().ifPresent(d -> one.put("min_validity_days", d));
    one.put("citation", text(r.citation()));
    return one;
  }

  private static Map<String, Object> fee(Fee fee) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("code", fee.code());
    one.put("amount", fee.amount());
    one.put("unit", fee.unit().name());
    one.put("name", text(fee.name()));
    one.put("citation", text(fee.citation()));
    return one;
  }

  private static Map<String, Object> term(Term term) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("code", term.code());
    one.put("kind", term.kind().name());
    one.put("amount", term.amount());
    one.put("unit", term.unit().name());
    one.put("name", text(term.name()));
    term.stage().ifPresent(s -> one.put("stage", s));
    term.countedFrom().ifPresent(s -> one.put("counted_from", s));
    one.put("citation", text(term.citation()));
    return one;
  }

  static Map<String, Object> text(Text text) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("kk", text.kk());
    one.put("ru", text.ru());
    one.put("en", text.en());
    return one;
  }

  private static Map<String, Object> validity(Validity validity) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("from", validity.from().map(LocalDate::toString).orElse(null));
    one.put("to", validity.to().map(LocalDate::toString).orElse(null));
    return one;
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}

package kz.talap.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.talap.model.Catalogue;
import kz.talap.model.Service;
import kz.talap.model.SubType;

/** The pages of the site, and the data of each language's index page ({@code index.ftlh}). */
final class SiteIndex {
  private final Catalogue catalogue;

  SiteIndex(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** One page of a service or sub-type; {@code path} is relative to the language folder. */
  record Page(Service service, Optional<SubType> subtype, String path) {}

  /** Every service page: a page per sub-type, or one page for a service without sub-types; in index order. */
  List<Page> pages() {
    return services().stream().flatMap(service -> {
      List<SubType> subtypes = subtypes(service);
      if (subtypes.isEmpty()) {
        return Stream.of(new Page(service, Optional.empty(), SitePaths.page(service.code(), Optional.empty())));
      }
      return subtypes.stream()
          .map(s -> new Page(service, Optional.of(s), SitePaths.page(service.code(), Optional.of(s.code()))));
    }).toList();
  }

  private List<Service> services() {
    return catalogue.services().stream()
        .sorted(Comparator.comparing(Service::status).thenComparing(Service::code))
        .toList();
  }

  private List<SubType> subtypes(Service service) {
    return catalogue.subTypes().stream()
        .filter(s -> s.service().equals(service.code()))
        .sorted(Comparator.comparingInt(SubType::number).thenComparing(SubType::code))
        .toList();
  }

  /** The services of the index page, each with its status, validity and links to its pages. */
  List<Map<String, Object>> services(PageText text) {
    return services().stream().map(service -> {
      Map<String, Object> model = service(service, text);
      List<SubType> subtypes = subtypes(service);
      if (subtypes.isEmpty()) {
        model.put("href", SitePaths.page(service.code(), Optional.empty()));
      }
      model.put("subtypes", subtypes.stream().map(s -> subtype(service, s, text)).toList());
      return model;
    }).collect(Collectors.toList());
  }

  /**
   * What applicants may want to do, in the order the catalogue gives ({@code intent_order}, then the code): each
   * intent with its heading (label {@code INTENT_} + code) and the services filed under it, each with its page or
   * the pages of its sub-types. Services without an intent are only in the list of services.
   */
  List<Map<String, Object>> intents(PageText text) {
    Map<String, List<Service>> byIntent = new LinkedHashMap<>();
    services().stream()
        .filter(s -> s.intent().isPresent())
        .sorted(Comparator.comparingInt((Service s) -> s.intentOrder().orElse(Integer.MAX_VALUE))
            .thenComparing(s -> s.intent().get()))
        .forEach(s -> byIntent.computeIfAbsent(s.intent().get(), k -> new ArrayList<>()).add(s));
    return byIntent.entrySet().stream().map(entry -> {
      Map<String, Object> intent = new LinkedHashMap<>();
      intent.put("code", entry.getKey());
      intent.put("id", "intent-" + SitePaths.slug(entry.getKey()));
      intent.put("heading", text.label(label(entry.getKey())));
      intent.put("services", entry.getValue().stream().map(service -> {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("code", service.code());
        model.put("shortName", text.of(service.shortName().orElse(service.name())));
        List<SubType> subtypes = subtypes(service);
        if (subtypes.isEmpty()) {
          model.put("href", SitePaths.page(service.code(), Optional.empty()));
        }
        model.put("subtypes", subtypes.stream().map(s -> subtype(service, s, text)).toList());
        return model;
      }).toList());
      return intent;
    }).collect(Collectors.toList());
  }

  /** The labels the intents of the index pages are headed by. */
  Set<String> intentLabels() {
    return services().stream().flatMap(s -> s.intent().stream()).map(SiteIndex::label)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String label(String intent) {
    return "INTENT_" + intent;
  }

  /** Each published service's plain name and provider, in index order (whom the accessibility statement names). */
  List<Map<String, Object>> providers(PageText text) {
    return services().stream().map(s -> {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("service", text.of(s.shortName().orElse(s.name())));
      model.put("provider", text.of(s.provider()));
      return model;
    }).collect(Collectors.toList());
  }

  private static Map<String, Object> subtype(Service service, SubType s, PageText text) {
    Map<String, Object> subtype = new LinkedHashMap<>();
    subtype.put("code", s.code());
    subtype.put("number", s.number());
    subtype.put("name", text.of(s.name()));
    subtype.put("shortName", text.of(s.shortName().orElse(s.name())));
    subtype.put("href", SitePaths.page(service.code(), Optional.of(s.code())));
    return subtype;
  }

  /** What every page shows about a service: names, status, validity, provider, form, result, recipients. */
  static Map<String, Object> service(Service service, PageText text) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("code", service.code());
    model.put("name", text.of(service.name()));
    // The plain name for links and headings; the official name stays under it.
    model.put("shortName", text.of(service.shortName().orElse(service.name())));
    model.put("status", service.status().name());
    model.put("statusLabel", text.label("STATUS_" + service.status().name()));
    model.put("validity", text.validity(service.validity()));
    model.put("provider", text.of(service.provider()));
    model.put("form", text.of(service.form()));
    model.put("result", text.of(service.result()));
    model.put("recipients", service.recipients().stream().map(r -> text.label(r.name()))
        .collect(Collectors.joining("; ")));
    text.of(service.eligibilityExplanation()).ifPresent(e -> model.put("eligibility", e));
    model.put("citation", text.of(service.citation()));
    return model;
  }
}

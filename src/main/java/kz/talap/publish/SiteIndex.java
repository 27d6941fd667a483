package kz.talap.publish;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
      model.put("subtypes", subtypes.stream().map(s -> {
        Map<String, Object> subtype = new LinkedHashMap<>();
        subtype.put("code", s.code());
        subtype.put("number", s.number());
        subtype.put("name", text.of(s.name()));
        subtype.put("shortName", text.of(s.shortName().orElse(s.name())));
        subtype.put("href", SitePaths.page(service.code(), Optional.of(s.code())));
        return subtype;
      }).toList());
      return model;
    }).collect(Collectors.toList());
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

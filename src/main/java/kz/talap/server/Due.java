package kz.talap.server;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.talap.calendar.DueDate;
import kz.talap.calendar.WorkingCalendar;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.TermKind;
import kz.talap.model.Service;
import kz.talap.model.Term;
import kz.talap.source.Phrase;

/** {@code GET /api/v1/due}: the due date of a service's term, as {@code talap due} computes it. */
final class Due {
  private Due() {}

  static Map<String, Object> of(Catalogue all, String service, String subtype, String at, String channel,
      String termKind) {
    if (service == null || service.isBlank()) {
      throw bad(Phrase.of("server.due-no-service"));
    }
    if (at == null || at.isBlank()) {
      throw bad(Phrase.of("server.due-no-time"));
    }
    LocalDateTime submitted;
    try {
      submitted = at.length() <= 10 ? LocalDate.parse(at).atStartOfDay() : LocalDateTime.parse(at.replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      throw bad(Phrase.of("server.due-bad-time", "value", at));
    }
    TermKind kind;
    try {
      kind = TermKind.valueOf((termKind == null ? "SERVICE" : termKind).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad(Phrase.of("server.due-bad-kind", "value", termKind));
    }
    LocalDate day = submitted.toLocalDate();
    Catalogue catalogue = all.at(day);
    Optional<Service> found = catalogue.service(service);
    if (found.isEmpty()) {
      throw new ApiProblem(404, "unknown-service", Phrase.of("problem.unknown-service"),
          Phrase.of("server.due-unknown-service", "service", service, "date", day, "known",
              String.join(", ", catalogue.services().stream().map(Service::code).toList())));
    }
    Optional<String> sub = Optional.ofNullable(subtype).filter(s -> !s.isBlank());
    if (sub.isPresent() && catalogue.subTypes().stream()
        .noneMatch(s -> s.code().equals(sub.get()) && s.service().equals(service))) {
      throw new ApiProblem(404, "unknown-service", Phrase.of("problem.unknown-subtype"),
          Phrase.of("server.due-unknown-subtype", "service", service, "subtype", sub.get(), "date", day));
    }
    String through = channel == null || channel.isBlank() ? "PROVIDER" : channel;
    if (catalogue.channels().stream().noneMatch(c -> c.code().equals(through))) {
      throw bad(Phrase.of("server.due-bad-channel", "value", through));
    }
    Term term = catalogue.term(service, sub, kind).orElseThrow(() -> new ApiProblem(404, "unknown-term",
        "No such term", "term: service " + service + " has no " + kind + " term on " + day));
    DueDate due;
    try {
      due = DueDate.of(term, submitted, catalogue, through, new WorkingCalendar(catalogue.calendar()));
    } catch (IllegalArgumentException e) {
      throw bad(Phrase.plain("term: " + e.getMessage()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service", service);
    sub.ifPresent(s -> body.put("subtype", s));
    body.put("channel", through);
    body.put("term", term.code());
    body.put("kind", kind.name());
    body.put("amount", term.amount());
    body.put("unit", term.unit().name());
    body.put("submitted_at", submitted.toString());
    body.put("received", due.received().toString());
    body.put("due", due.due().toString());
    body.put("citation", texts(term.citation().and(DueDate.COUNTING_CITATION, "; ")));
    if (!due.received().equals(day)) {
      body.put("received_citation", texts(due.receivedCitation()));
    }
    return body;
  }

  /** A citation in the three languages, as the check's JSON gives it. */
  private static Map<String, String> texts(kz.talap.model.Text text) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("kk", text.kk());
    map.put("ru", text.ru());
    map.put("en", text.en());
    return map;
  }

  private static ApiProblem bad(Phrase detail) {
    return new ApiProblem(400, "bad-parameter", Phrase.of("problem.bad-parameter"), detail);
  }
}

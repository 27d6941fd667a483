package kz.talap.publish;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kz.talap.model.Catalogue;
import kz.talap.model.Channel;
import kz.talap.model.Enums.MoneyUnit;
import kz.talap.model.Enums.TermKind;
import kz.talap.model.Fee;
import kz.talap.model.Parameter;
import kz.talap.model.RefusalGround;
import kz.talap.model.Rule;
import kz.talap.model.ScheduleEntry;
import kz.talap.model.Service;
import kz.talap.model.SubType;
import kz.talap.model.Term;
import kz.talap.model.Stage;
import kz.talap.model.Enums.RuleKind;

/** The data of one service page (a service, or one of its sub-types) in one language, for {@code page.ftlh}. */
final class ServicePage {
  /** Terms of the appeal procedure; a row without a service applies to every service. */
  static final Set<TermKind> APPEAL = EnumSet.of(TermKind.APPEAL_CONSIDERATION, TermKind.APPEAL_REFERRAL,
      TermKind.APPEAL_EXTENSION_MAX, TermKind.APPEAL_EXTENSION_NOTICE, TermKind.COMPLAINT_FILING,
      TermKind.COMPLAINT_CONSIDERATION);
  /** The terms besides the appeal terms, by the heading (label) they are shown under, in page order. */
  static final Map<String, Set<TermKind>> TERM_GROUPS = termGroupKinds();

  private static Map<String, Set<TermKind>> termGroupKinds() {
    Map<String, Set<TermKind>> groups = new LinkedHashMap<>();
    groups.put("TERMS_PROCESSING", EnumSet.of(TermKind.SERVICE, TermKind.MAX_WAIT, TermKind.MAX_SERVICE_TIME));
    groups.put("TERMS_DEADLINES", EnumSet.of(TermKind.APPLY_AFTER_16TH_BIRTHDAY, TermKind.APPLY_BEFORE_EXPIRY,
        TermKind.APPLY_AFTER_LOSS, TermKind.LATE_ACCEPTANCE_MAX));
    groups.put("TERMS_VALIDITY", EnumSet.of(TermKind.PERMIT_VALIDITY, TermKind.PERMIT_VALIDITY_MAX,
        TermKind.APPROVAL_VALIDITY));
    groups.put("TERMS_REAPPLY", EnumSet.of(TermKind.REAPPLY_AFTER));
    return java.util.Collections.unmodifiableMap(groups);
  }

  private final Catalogue catalogue;
  private final LocalDate asOf;
  private final Service service;
  private final Optional<SubType> subtype;
  private final Optional<String> subtypeCode;
  private final PageText text;

  ServicePage(Catalogue catalogue, LocalDate asOf, Service service, Optional<SubType> subtype, PageText text) {
    this.catalogue = catalogue;
    this.asOf = asOf;
    this.service = service;
    this.subtype = subtype;
    this.subtypeCode = subtype.map(SubType::code);
    this.text = text;
  }

  Map<String, Object> model() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("service", SiteIndex.service(service, text));
    subtype.ifPresent(s -> model.put("subtype", subtype(s)));
    // The page is titled by the plain name ("Work"); the official name of the sub-type or service follows it.
    model.put("title", subtype.map(s -> text.of(s.shortName().orElse(s.name())))
        .orElse(text.of(service.shortName().orElse(service.name()))));
    String official = subtype.map(s -> text.of(s.name())).orElse(text.of(service.name()));
    if (!official.equals(model.get("title"))) {
      model.put("officialTitle", official);
    }
    model.put("channels", service.channels().stream().map(this::channel).flatMap(Optional::stream).toList());
    model.put("term", terms(EnumSet.of(TermKind.SERVICE)));
    model.put("termGroups", termGroups());
    model.put("fees", fees());
    Checklist checklist = new Checklist(catalogue, service, subtypeCode, text);
    // Notes shared by several items are said once above the list (the stages' lists keep theirs).
    SharedNotes.Result shared = SharedNotes.of(checklist.items(), text);
    model.put("checklist", shared.items());
    model.put("sharedNotes", shared.notes());
    model.put("stages", stages(checklist));
    model.put("outages", outages());
    model.put("reducedSets", checklist.reducedSets());
    model.put("rules", rules(false));
    model.put("whoApplies", rules(true));
    model.put("refusalGrounds", refusalGrounds());
    model.put("appealTerms", terms(APPEAL));
    return model;
  }

  private Map<String, Object> subtype(SubType s) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("code", s.code());
    model.put("number", s.number());
    model.put("name", text.of(s.name()));
    text.of(s.eligibilityExplanation()).ifPresent(e -> model.put("eligibility", e));
    model.put("citation", text.of(s.citation()));
    return model;
  }

  private boolean applies(Optional<String> rowService, Optional<String> rowSubtype) {
    return rowService.map(service.code()::equals).orElse(true)
        && (rowSubtype.isEmpty() || rowSubtype.equals(subtypeCode));
  }

  private Optional<Map<String, Object>> channel(String code) {
    return catalogue.channel(code).map(this::channel);
  }

  private Map<String, Object> channel(Channel channel) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("code", channel.code());
    model.put("name", text.of(channel.name()));
    model.put("how", text.of(channel.how()));
    model.put("citation", text.of(channel.citation()));
    model.put("hours", catalogue.schedules().stream()
        .filter(s -> s.channel().equals(channel.code()) && applies(s.service(), Optional.empty()))
        .sorted(Comparator.comparing(ScheduleEntry::part).thenComparing(ScheduleEntry::days)
            .thenComparing(ScheduleEntry::opens).thenComparing(ScheduleEntry::code))
        .map(this::hours)
        .toList());
    return model;
  }

  private Map<String, Object> hours(ScheduleEntry entry) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("part", text.label("PART_" + entry.part().name()));
    model.put("days", text.label("DAYS_" + entry.days().name()));
    model.put("opens", time(entry.opens()));
    // The compiler reads 24:00 as the end of the day (LocalTime.MAX); people read it as 24:00.
    model.put("closes", entry.closes().equals(LocalTime.MAX) ? "24:00" : time(entry.closes()));
    text.of(entry.note()).ifPresent(note -> model.put("note", note));
    model.put("citation", text.of(entry.citation()));
    return model;
  }

  private static String time(LocalTime time) {
    return String.format("%02d:%02d", time.getHour(), time.getMinute());
  }

  /**
   * The terms of the page under headings that say what they measure: how long the service takes, the applicant's
   * own deadlines, how long the permit is valid, and when one may apply again. They are different things.
   */
  private List<Map<String, Object>> termGroups() {
    List<Map<String, Object>> groups = new ArrayList<>();
    for (Map.Entry<String, Set<TermKind>> group : TERM_GROUPS.entrySet()) {
      List<Map<String, Object>> terms = terms(group.getValue());
      if (!terms.isEmpty()) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", group.getKey().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        model.put("heading", text.label(group.getKey()));
        model.put("terms", terms);
        groups.add(model);
      }
    }
    return groups;
  }

  private List<Map<String, Object>> terms(Set<TermKind> kinds) {
    return java.util.stream.Stream.concat(catalogue.termsOf(service.code()).stream(),
            catalogue.commonTerms().stream())
        .filter(t -> kinds.contains(t.kind()) && applies(t.service(), t.subtype()) && t.stage().isEmpty())
        .sorted(Comparator.comparing(Term::kind).thenComparing(Term::code))
        .map(this::term)
        .toList();
  }

  private Map<String, Object> term(Term term) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("code", term.code());
    model.put("kind", term.kind().name());
    model.put("name", text.of(term.name()));
    model.put("amount", text.quantity(term.amount(), term.unit()));
    model.put("citation", text.of(term.citation()));
    return model;
  }

  /** The stages of a multi-stage procedure in order, each with its description, terms and documents. */
  private List<Map<String, Object>> stages(Checklist checklist) {
    List<Map<String, Object>> stages = new ArrayList<>();
    for (Stage stage : catalogue.stages()) {
      if (!applies(Optional.of(stage.service()), stage.subtype())) {
        continue;
      }
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("code", stage.code());
      model.put("id", "stage-" + SitePaths.slug(stage.code()));
      model.put("order", stage.order());
      model.put("name", text.of(stage.name()));
      text.of(stage.description()).ifPresent(d -> model.put("description", d));
      model.put("terms", java.util.stream.Stream.concat(catalogue.termsOf(service.code()).stream(),
              catalogue.commonTerms().stream())
          .filter(t -> t.stage().equals(Optional.of(stage.code())) && applies(t.service(), t.subtype()))
          .sorted(Comparator.comparing(Term::kind).thenComparing(Term::code))
          .map(this::term)
          .toList());
      model.put("checklist", checklist.items(Optional.of(stage.code())));
      model.put("citation", text.of(stage.citation()));
      stages.add(model);
    }
    return stages;
  }

  /** Information-system failures, on the pages of services whose expired permits are penalised. */
  private List<Map<String, Object>> outages() {
    boolean penalised = catalogue.rule(service.code(), subtypeCode, RuleKind.PENALTY).isPresent();
    if (!penalised) {
      return List.of();
    }
    return catalogue.outages().stream().map(outage -> {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("system", text.of(outage.system()));
      model.put("from", text.date(outage.from()));
      model.put("to", text.date(outage.to()));
      text.of(outage.note()).ifPresent(n -> model.put("note", n));
      model.put("citation", text.of(outage.citation()));
      return model;
    }).toList();
  }

  private List<Map<String, Object>> fees() {
    List<Map<String, Object>> fees = new ArrayList<>();
    for (Fee fee : catalogue.feesOf(service.code())) {
      if (!fee.service().equals(service.code()) || !(fee.subtype().isEmpty() || fee.subtype().equals(subtypeCode))) {
        continue;
      }
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("code", fee.code());
      model.put("name", text.of(fee.name()));
      model.put("free", fee.free());
      if (fee.free()) {
        model.put("amount", text.label("FREE"));
      } else if (fee.unit() == MoneyUnit.KZT) {
        model.put("amount", text.tenge(fee.amount()));
      } else {
        String mci = text.number(fee.amount()) + " " + text.label("MCI");
        Optional<Parameter> value = catalogue.parameter("MCI", asOf);
        model.put("amount", value.map(v -> mci + " = " + text.tenge(fee.amount().multiply(v.amount()))).orElse(mci));
        value.ifPresent(v -> {
          model.put("mci", text.format("MCI_VALUE", text.tenge(v.amount()), text.date(asOf)));
          model.put("mciCitation", text.of(v.citation()));
        });
      }
      model.put("citation", text.of(fee.citation()));
      fees.add(model);
    }
    return fees;
  }

  /** The rules of the page: those on who may apply (their own section), or all the others. */
  private List<Map<String, Object>> rules(boolean whoApplies) {
    return catalogue.rulesOf(service.code()).stream()
        .filter(r -> r.service().equals(service.code()) && (r.subtype().isEmpty() || r.subtype().equals(subtypeCode)))
        .filter(r -> (r.kind() == RuleKind.WHO_APPLIES) == whoApplies)
        .sorted(Comparator.comparing(Rule::kind).thenComparing(Rule::code))
        .map(rule -> {
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("code", rule.code());
          model.put("kind", rule.kind().name());
          model.put("heading", text.label(rule.kind().name()));
          model.put("text", text.of(rule.text()));
          model.put("citation", text.of(rule.citation()));
          return model;
        })
        .toList();
  }

  /**
   * Grounds numbered in different laws (PRP: the Law on public services and the Migration Law) each keep their own
   * numbering: grounds are grouped by their code without the number, then ordered by number.
   */
  private List<Map<String, Object>> refusalGrounds() {
    return catalogue.refusalGrounds().stream()
        .filter(g -> g.service().equals(service.code()) && (g.subtype().isEmpty() || g.subtype().equals(subtypeCode)))
        .sorted(Comparator.comparing((RefusalGround g) -> g.code().replaceAll("_?[0-9]+$", ""))
            .thenComparingInt(RefusalGround::number).thenComparing(RefusalGround::code))
        .map(ground -> {
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("code", ground.code());
          model.put("number", ground.number());
          model.put("text", text.of(ground.text()));
          text.of(ground.note()).ifPresent(note -> model.put("note", note));
          model.put("citation", text.of(ground.citation()));
          return model;
        })
        .collect(Collectors.toList());
  }
}

package kz.talap.compile;

import static kz.talap.schema.Schema.CALENDAR;
import static kz.talap.schema.Schema.CATEGORIES;
import static kz.talap.schema.Schema.CHANNELS;
import static kz.talap.schema.Schema.DOCUMENTS;
import static kz.talap.schema.Schema.FEES;
import static kz.talap.schema.Schema.GROUPS;
import static kz.talap.schema.Schema.LABELS;
import static kz.talap.schema.Schema.PARAMETERS;
import static kz.talap.schema.Schema.REFUSAL_GROUNDS;
import static kz.talap.schema.Schema.REQUIREMENTS;
import static kz.talap.schema.Schema.RULES;
import static kz.talap.schema.Schema.SCHEDULES;
import static kz.talap.schema.Schema.SERVICES;
import static kz.talap.schema.Schema.SUB_TYPES;
import static kz.talap.schema.Schema.TERMS;
import static kz.talap.schema.Schema.STAGES;
import static kz.talap.schema.Schema.OUTAGES;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import kz.talap.condition.Condition;
import kz.talap.model.CalendarEntry;
import kz.talap.model.Catalogue;
import kz.talap.model.Category;
import kz.talap.model.Channel;
import kz.talap.model.CountryGroupMember;
import kz.talap.model.Document;
import kz.talap.model.Enums;
import kz.talap.model.Fact;
import kz.talap.model.Fee;
import kz.talap.model.Group;
import kz.talap.model.Label;
import kz.talap.model.Parameter;
import kz.talap.model.RefusalGround;
import kz.talap.model.Requirement;
import kz.talap.model.Rule;
import kz.talap.model.ScheduleEntry;
import kz.talap.model.Service;
import kz.talap.model.SubType;
import kz.talap.model.Term;
import kz.talap.model.Stage;
import kz.talap.model.Outage;
import kz.talap.model.Text;
import kz.talap.model.Validity;
import kz.talap.source.Diagnostics;
import kz.talap.source.Phrase;
import kz.talap.workbook.RawRow;

/** Compiles each table after facts and country groups are known; checks rows against the rows they refer to. */
final class TableCompiler {
  private final CatalogueCompiler c;
  private final Cells cells;
  private final Diagnostics diagnostics;
  private final Map<String, List<String>> serviceChannels = new HashMap<>();
  private final Map<String, String> subTypeService = new HashMap<>();
  private final Map<String, String> groupService = new HashMap<>();
  private final Map<String, String> categoryService = new HashMap<>();
  private final Map<String, String> stageService = new HashMap<>();

  TableCompiler(CatalogueCompiler compiler) {
    this.c = compiler;
    this.cells = compiler.cells();
    this.diagnostics = compiler.diagnostics();
  }

  Catalogue compile(String version, List<Fact> facts, List<CountryGroupMember> groups) {
    List<Channel> channels = channels();
    List<Service> services = services();
    List<SubType> subTypes = subTypes();
    List<Document> documents = documents();
    List<Group> oneOf = groups();
    List<Category> categories = categories();
    List<Stage> stages = stages();
    List<Requirement> requirements = requirements();
    return new Catalogue(version, channels, services, subTypes, stages, documents, oneOf, categories, requirements,
        rules(), fees(), terms(facts), schedules(), refusalGrounds(), outages(), sorted(facts, Fact::name),
        groups.stream().sorted(Comparator.comparing(CountryGroupMember::group)
            .thenComparing(CountryGroupMember::country)).toList(),
        parameters(), calendar(), labels());
  }

  private static <T> List<T> sorted(List<T> rows, java.util.function.Function<T, String> key) {
    return rows.stream().sorted(Comparator.comparing(key)).toList();
  }

  /** Starts a row: remembers the error count so {@link #clean} can tell whether this row added errors. */
  private int start() {
    return diagnostics.errorCount();
  }

  private boolean clean(int start) {
    return diagnostics.errorCount() == start;
  }

  private List<Channel> channels() {
    List<Channel> result = new ArrayList<>();
    for (RawRow row : c.rows(CHANNELS)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Optional<Text> name = cells.text(row, "name", true);
      Optional<Text> how = cells.text(row, "how", true);
      Optional<Text> citation = cells.citation(row, true);
      if (c.define(CHANNELS, row, "code", code, Validity.ALWAYS) && clean(start)) {
        result.add(new Channel(code.get(), name.get(), how.get(), citation.get()));
      }
    }
    return sorted(result, Channel::code);
  }

  private List<Service> services() {
    List<Service> result = new ArrayList<>();
    for (RawRow row : c.rows(SERVICES)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Validity validity = cells.validity(row);
      var status = cells.choice(row, "status", Enums.ServiceStatus.class, true);
      Optional<Text> name = cells.text(row, "name", true);
      Optional<Text> shortName = cells.text(row, "short_name", false);
      Optional<String> intent = cells.code(row, "intent", false);
      OptionalInt intentOrder = cells.integer(row, "intent_order", false);
      Optional<Text> provider = cells.text(row, "provider", true);
      Optional<Text> form = cells.text(row, "form", true);
      Optional<Text> resultText = cells.text(row, "result", true);
      List<String> channels = c.references(row, "channels", CHANNELS, "channel", validity);
      if (channels.isEmpty()) {
        diagnostics.error("empty-cell", row.cell("channels").where(), Phrase.of("compile.empty-cell", "column",
            "channels"));
      }
      List<Enums.Recipient> recipients = cells.choices(row, "recipients", Enums.Recipient.class);
      Optional<Condition> eligibility = c.condition(row, "eligibility", false);
      Optional<Text> explanation = c.explanation(row, "eligibility", eligibility, false);
      Optional<Text> citation = cells.citation(row, true);
      if (c.define(SERVICES, row, "code", code, validity) && clean(start)) {
        serviceChannels.put(code.get(), channels);
        result.add(new Service(code.get(), status.get(), name.get(), shortName, intent,
            intentOrder, provider.get(), form.get(),
            resultText.get(),
            channels, recipients.isEmpty() ? List.of(Enums.Recipient.values()) : recipients, eligibility,
            explanation, citation.get(), validity));
      }
    }
    return sorted(result, Service::code);
  }

  private List<SubType> subTypes() {
    List<SubType> result = new ArrayList<>();
    for (RawRow row : c.rows(SUB_TYPES)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Validity validity = cells.validity(row);
      Optional<String> service = c.reference(row, "service", SERVICES, "service", true, validity);
      OptionalInt number = cells.integer(row, "number", true);
      Optional<Text> name = cells.text(row, "name", true);
      Optional<Text> shortName = cells.text(row, "short_name", false);
      Optional<Condition> eligibility = c.condition(row, "eligibility", false);
      Optional<Text> explanation = c.explanation(row, "eligibility", eligibility, false);
      Optional<Text> citation = cells.citation(row, true);
      if (c.define(SUB_TYPES, row, "code", code, validity) && clean(start)) {
        subTypeService.put(code.get(), service.get());
        result.add(new SubType(code.get(), service.get(), number.getAsInt(), name.get(), shortName, eligibility,
            explanation,
            citation.get(), validity));
      }
    }
    return sorted(result, SubType::code);
  }

  private List<Document> documents() {
    List<Document> result = new ArrayList<>();
    for (RawRow row : c.rows(DOCUMENTS)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Optional<Text> name = cells.text(row, "name", true);
      var origin = cells.choice(row, "origin", Enums.Origin.class, true);
      var issuer = cells.choice(row, "issuer", Enums.Issuer.class, false).orElse(Enums.Issuer.EITHER);
      Optional<Text> note = cells.text(row, "note", false);
      boolean noLegalisation = cells.bool(row, "no_legalisation");
      if (c.define(DOCUMENTS, row, "code", code, Validity.ALWAYS) && clean(start)) {
        result.add(new Document(code.get(), name.get(), origin.get(), issuer, note, noLegalisation));
      }
    }
    return sorted(result, Document::code);
  }

  /** Reads the service and optional sub-type of a row and checks that the sub-type belongs to the service. */
  private Optional<String> subtypeOf(RawRow row, Optional<String> service, Validity validity) {
    Optional<String> subtype = c.reference(row, "subtype", SUB_TYPES, "sub-type", false, validity);
    if (subtype.isPresent() && service.isPresent()) {
      String owner = subTypeService.get(subtype.get());
      if (owner != null && !owner.equals(service.get())) {
        diagnostics.error("wrong-service", row.cell("subtype").where(),
            Phrase.of("compile.wrong-service", "noun", Phrase.of("noun.sub-type"), "code", subtype.get(), "owner",
                owner, "service", service.get()));
      }
    }
    return subtype;
  }

  private List<Group> groups() {
    List<Group> result = new ArrayList<>();
    for (RawRow row : c.rows(GROUPS)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Validity validity = cells.validity(row);
      Optional<String> service = c.reference(row, "service", SERVICES, "service", true, validity);
      Optional<String> subtype = subtypeOf(row, service, validity);
      Optional<Text> name = cells.text(row, "name", true);
      Optional<Text> citation = cells.citation(row, true);
      if (c.define(GROUPS, row, "code", code, validity) && clean(start)) {
        groupService.put(code.get(), service.get());
        result.add(new Group(code.get(), service.get(), subtype, name.get(), citation.get(), validity));
      }
    }
    return sorted(result, Group::code);
  }

  private List<Category> categories() {
    List<Category> result = new ArrayList<>();
    for (RawRow row : c.rows(CATEGORIES)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Validity validity = cells.validity(row);
      Optional<String> service = c.reference(row, "service", SERVICES, "service", true, validity);
      OptionalInt order = cells.integer(row, "order", true);
      Optional<Condition> condition = c.condition(row, "condition", true);
      Optional<Text> name = cells.text(row, "name", true);
      Optional<Text> explanation = cells.text(row, "explanation", true);
      Optional<Text> citation = cells.citation(row, true);
      if (code.filter(Requirement.STANDARD::equals).isPresent()) {
        diagnostics.error("reserved-code", row.cell("code").where(),
            Phrase.of("compile.reserved-code", "code", Requirement.STANDARD));
      }
      if (c.define(CATEGORIES, row, "code", code, validity) && clean(start)) {
        categoryService.put(code.get(), service.get());
        result.add(new Category(code.get(), service.get(), order.getAsInt(), condition.get(), name.get(),
            explanation.get(), citation.get(), validity));
      }
    }
    return sorted(result, Category::code);
  }

  private List<Requirement> requirements() {
    List<Requirement> result = new ArrayList<>();
    for (RawRow row : c.rows(REQUIREMENTS)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Validity validity = cells.validity(row);
      Optional<String> service = c.reference(row, "service", SERVICES, "service", true, validity);
      Optional<String> subtype = subtypeOf(row, service, validity);
      OptionalInt order = cells.integer(row, "order", true);
      Optional<String> document = c.reference(row, "document", DOCUMENTS, "document", true, validity);
      Optional<String> group = c.reference(row, "group", GROUPS, "group", false, validity);
      group.ifPresent(g -> sameService(row, "group", "group", g, groupService.get(g), service));
      List<String> sets = cells.codes(row, "applicant_sets");
      for (String set : sets) {
        if (!set.equals(Requirement.STANDARD)) {
          c.keys().refer(CATEGORIES, "category", set, row.cell("applicant_sets").where(), validity.contains(c.asOf()));
          sameService(row, "applicant_sets", "category", set, categoryService.get(set), service);
        }
      }
      Optional<Condition> condition = c.condition(row, "condition", false);
      Optional<Text> explanation = c.explanation(row, "explanation", condition, !sets.isEmpty());
      List<String> channels = c.references(row, "channels", CHANNELS, "channel", validity);
      service.map(serviceChannels::get).ifPresent(offered -> channels.stream()
          .filter(ch -> !offered.contains(ch))
          .forEach(ch -> diagnostics.error("wrong-channel", row.cell("channels").where(),
              Phrase.of("compile.wrong-channel", "service", service.get(), "channel", ch))));
      List<Enums.Recipient> recipients = cells.choices(row, "recipients", Enums.Recipient.class);
      boolean original = cells.bool(row, "original_shown");
      OptionalInt maxAge = cells.integer(row, "max_age_days", false, 0, MAX_DAYS, Phrase.of("compile.why-100-years"));
      OptionalInt minValidity = cells.integer(row, "min_validity_days", false, 0, MAX_DAYS, Phrase.of("compile.why-100-years"));
      Optional<String> stage = stageOf(row, service, validity);
      Optional<Text> citation = cells.citation(row, true);
      if (c.define(REQUIREMENTS, row, "code", code, validity) && clean(start)) {
        result.add(new Requirement(code.get(), service.get(), subtype, order.getAsInt(), document.get(), group,
            sets, condition, explanation, channels, recipients, original, maxAge, minValidity, stage,
            citation.get(), validity));
      }
    }
    return result.stream()
        .sorted(Comparator.comparing(Requirement::service).thenComparingInt(Requirement::order)
            .thenComparing(Requirement::code))
        .toList();
  }

  private void sameService(RawRow row, String column, String noun, String code, String owner,
      Optional<String> service) {
    if (owner != null && service.isPresent() && !owner.equals(service.get())) {
      diagnostics.error("wrong-service", row.cell(column).where(),
          Phrase.of("compile.wrong-service", "noun", Phrase.of("noun." + noun), "code", code, "owner", owner,
              "service", service.get()));
    }
  }

  private List<Rule> rules() {
    List<Rule> result = new ArrayList<>();
    for (RawRow row : c.rows(RULES)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Validity validity = cells.validity(row);
      Optional<String> service = c.reference(row, "service", SERVICES, "service", true, validity);
      Optional<String> subtype = subtypeOf(row, service, validity);
      var kind = cells.choice(row, "kind", Enums.RuleKind.class, true);
      Optional<Text> text = cells.text(row, "text", true);
      Optional<Text> citation = cells.citation(row, true);
      if (c.define(RULES, row, "code", code, validity) && clean(start)) {
        result.add(new Rule(code.get(), service.get(), subtype, kind.get(), text.get(), citation.get(), validity));
      }
    }
    return sorted(result, Rule::code);
  }

  private List<Fee> fees() {
    List<Fee> result = new ArrayList<>();
    for (RawRow row : c.rows(FEES)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Validity validity = cells.validity(row);
      Optional<String> service = c.reference(row, "service", SERVICES, "service", true, validity);
      Optional<String> subtype = subtypeOf(row, service, validity);
      Optional<BigDecimal> amount = cells.decimal(row, "amount", true);
      var unit = cells.choice(row, "unit", Enums.MoneyUnit.class, true);
      Optional<Text> name = cells.text(row, "name", true);
      Optional<Text> citation = cells.citation(row, true);
      if (c.define(FEES, row, "code", code, validity) && clean(start)) {
        result.add(new Fee(code.get(), service.get(), subtype, amount.get(), unit.get(), name.get(),
            citation.get(), validity));
      }
    }
    return sorted(result, Fee::code);
  }

  private Optional<String> stageOf(RawRow row, Optional<String> service, Validity validity) {
    Optional<String> stage = c.reference(row, "stage", STAGES, "stage", false, validity);
    stage.ifPresent(s -> sameService(row, "stage", "stage", s, stageService.get(s), service));
    return stage;
  }

  private List<Stage> stages() {
    List<Stage> result = new ArrayList<>();
    for (RawRow row : c.rows(STAGES)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Validity validity = cells.validity(row);
      Optional<String> service = c.reference(row, "service", SERVICES, "service", true, validity);
      Optional<String> subtype = subtypeOf(row, service, validity);
      OptionalInt order = cells.integer(row, "order", true);
      Optional<Text> name = cells.text(row, "name", true);
      Optional<Text> description = cells.text(row, "description", false);
      Optional<Text> citation = cells.citation(row, true);
      if (c.define(STAGES, row, "code", code, validity) && clean(start)) {
        result.add(new Stage(code.get(), service.get(), subtype, order.getAsInt(), name.get(), description,
            citation.get(), validity));
        stageService.put(code.get(), service.get());
      }
    }
    return result.stream().sorted(Comparator.comparing(Stage::service).thenComparingInt(Stage::order)
        .thenComparing(Stage::code)).toList();
  }

  private List<Outage> outages() {
    List<Outage> result = new ArrayList<>();
    for (RawRow row : c.rows(OUTAGES)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Optional<Text> system = cells.text(row, "system", true);
      Optional<LocalDate> from = cells.date(row, "from", true);
      Optional<LocalDate> to = cells.date(row, "to", true);
      if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
        diagnostics.error("bad-range", row.cell("to").where(),
            Phrase.of("compile.outage-ends-before", "to", to.get().toString(), "from", from.get().toString()));
      }
      Optional<LocalDate> mayEndBy = cells.date(row, "may_end_by", false);
      if (mayEndBy.isPresent() && to.isPresent() && !mayEndBy.get().isAfter(to.get())) {
        diagnostics.error("bad-range", row.cell("may_end_by").where(),
            Phrase.of("compile.outage-may-end-by", "date", mayEndBy.get().toString(), "to", to.get().toString()));
      }
      Optional<Text> note = cells.text(row, "note", false);
      Optional<Text> citation = cells.citation(row, true);
      if (c.define(OUTAGES, row, "code", code, Validity.ALWAYS) && clean(start)) {
        result.add(new Outage(code.get(), system.get(), from.get(), to.get(), mayEndBy, note, citation.get()));
      }
    }
    return result.stream().sorted(Comparator.comparing(Outage::from).thenComparing(Outage::code)).toList();
  }

  private List<Term> terms(List<Fact> facts) {
    List<Term> result = new ArrayList<>();
    for (RawRow row : c.rows(TERMS)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Validity validity = cells.validity(row);
      Optional<String> service = c.reference(row, "service", SERVICES, "service", false, validity);
      Optional<String> subtype = subtypeOf(row, service, validity);
      var kind = cells.choice(row, "kind", Enums.TermKind.class, true);
      var unit = cells.choice(row, "unit", Enums.TermUnit.class, true);
      OptionalInt amount = unit.isPresent()
          ? cells.integer(row, "amount", true, 0, longestTerm(unit.get()), Phrase.of("compile.why-10-years"))
          : cells.integer(row, "amount", true);
      Optional<Text> name = cells.text(row, "name", true);
      Optional<String> stage = stageOf(row, service, validity);
      Optional<String> countedFrom = cells.string(row, "counted_from", false);
      if (countedFrom.isPresent() && facts.stream()
          .noneMatch(f -> f.name().equals(countedFrom.get()) && f.type() == Enums.FactType.DATE)) {
        diagnostics.error("unknown-fact", row.cell("counted_from").where(),
            Phrase.of("compile.counted-from", "value", kz.talap.source.Quoted.inner(countedFrom.get())));
      }
      Optional<Text> citation = cells.citation(row, true);
      if (c.define(TERMS, row, "code", code, validity) && clean(start)) {
        result.add(new Term(code.get(), service, subtype, kind.get(), amount.getAsInt(), unit.get(), name.get(),
            stage, countedFrom, citation.get(), validity));
      }
    }
    return sorted(result, Term::code);
  }

  /** Days a document's age or validity may be counted in: 100 years. */
  static final int MAX_DAYS = 36_525;

  /** The longest term in each unit: about 10 years, so that counting a due date always ends quickly. */
  static int longestTerm(Enums.TermUnit unit) {
    return switch (unit) {
      case MINUTES -> 10 * 366 * 24 * 60;
      case HOURS -> 10 * 366 * 24;
      case WORKING_DAYS -> 10 * 261;
      case CALENDAR_DAYS -> 10 * 366;
      case MONTHS -> 10 * 12;
      case YEARS -> 10;
    };
  }

  private List<ScheduleEntry> schedules() {
    List<ScheduleEntry> result = new ArrayList<>();
    for (RawRow row : c.rows(SCHEDULES)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Validity validity = cells.validity(row);
      Optional<String> channel = c.reference(row, "channel", CHANNELS, "channel", true, validity);
      Optional<String> service = c.reference(row, "service", SERVICES, "service", false, validity);
      var part = cells.choice(row, "part", Enums.SchedulePart.class, true);
      var days = cells.choice(row, "days", Enums.DaySet.class, true);
      Optional<LocalTime> opens = cells.time(row, "opens", true);
      Optional<LocalTime> closes = cells.time(row, "closes", true);
      if (opens.isPresent() && closes.isPresent() && !opens.get().isBefore(closes.get())) {
        diagnostics.error("bad-time", row.cell("closes").where(),
            Phrase.of("compile.closes-before-opens", "closes", row.value("closes"), "opens", row.value("opens")));
      }
      Optional<Text> note = cells.text(row, "note", false);
      Optional<Text> citation = cells.citation(row, true);
      if (c.define(SCHEDULES, row, "code", code, validity) && clean(start)) {
        result.add(new ScheduleEntry(code.get(), channel.get(), service, part.get(), days.get(), opens.get(),
            closes.get(), note, citation.get(), validity));
      }
    }
    return sorted(result, ScheduleEntry::code);
  }

  private List<RefusalGround> refusalGrounds() {
    List<RefusalGround> result = new ArrayList<>();
    for (RawRow row : c.rows(REFUSAL_GROUNDS)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Validity validity = cells.validity(row);
      Optional<String> service = c.reference(row, "service", SERVICES, "service", true, validity);
      Optional<String> subtype = subtypeOf(row, service, validity);
      OptionalInt number = cells.integer(row, "number", true);
      Optional<Text> text = cells.text(row, "text", true);
      Optional<Text> note = cells.text(row, "note", false);
      Optional<Text> citation = cells.citation(row, true);
      if (c.define(REFUSAL_GROUNDS, row, "code", code, validity) && clean(start)) {
        result.add(new RefusalGround(code.get(), service.get(), subtype, number.getAsInt(), text.get(), note,
            citation.get(), validity));
      }
    }
    return result.stream()
        .sorted(Comparator.comparing(RefusalGround::service).thenComparingInt(RefusalGround::number)
            .thenComparing(RefusalGround::code))
        .toList();
  }

  private List<Parameter> parameters() {
    List<Parameter> result = new ArrayList<>();
    for (RawRow row : c.rows(PARAMETERS)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Validity validity = cells.validity(row);
      Optional<BigDecimal> amount = cells.decimal(row, "amount", true);
      if (amount.isPresent() && amount.get().signum() == 0) {
        // Fees in MCI are divided and multiplied by the parameter: 0 cannot be a value of it.
        diagnostics.error("bad-number", row.cell("amount").where(), Phrase.of("compile.zero-parameter"));
      }
      var unit = cells.choice(row, "unit", Enums.MoneyUnit.class, true);
      Optional<Text> citation = cells.citation(row, true);
      if (c.define(PARAMETERS, row, "code", code, validity) && clean(start)) {
        result.add(new Parameter(code.get(), amount.get(), unit.get(), citation.get(), validity));
      }
    }
    return result.stream()
        .sorted(Comparator.comparing(Parameter::code)
            .thenComparing(p -> p.validity().from().orElse(LocalDate.MIN)))
        .toList();
  }

  private List<CalendarEntry> calendar() {
    List<CalendarEntry> result = new ArrayList<>();
    kz.talap.source.CellRef first = null;
    for (RawRow row : c.rows(CALENDAR)) {
      if (first == null) {
        first = row.cell("code").where();
      }
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Validity validity = cells.validity(row);
      var kind = cells.choice(row, "kind", Enums.CalendarKind.class, true);
      boolean fixed = kind.filter(k -> k == Enums.CalendarKind.FIXED_HOLIDAY).isPresent();
      Optional<MonthDay> monthDay = cells.monthDay(row, "month_day", fixed);
      Optional<LocalDate> date = cells.date(row, "date", kind.isPresent() && !fixed);
      boolean moves = cells.bool(row, "moves_if_weekend");
      Optional<Text> name = cells.text(row, "name", true);
      Optional<Text> citation = cells.citation(row, true);
      if (c.define(CALENDAR, row, "code", code, validity) && clean(start)) {
        result.add(new CalendarEntry(code.get(), kind.get(), fixed ? monthDay : Optional.empty(),
            fixed ? Optional.empty() : date, moves, name.get(), citation.get(), validity));
      }
    }
    if (first != null) {
      noWorkingDay(result, first);
    }
    return sorted(result, CalendarEntry::code);
  }

  /**
   * Every due date walks the calendar to a working day: a calendar whose holidays cover a whole year would make that
   * walk fail, so it is refused here, for the years around the as-of date and every year a dated entry names.
   */
  private void noWorkingDay(List<CalendarEntry> entries, kz.talap.source.CellRef first) {
    if (entries.isEmpty()) {
      return;
    }
    java.util.Set<Integer> years = new java.util.TreeSet<>(List.of(c.asOf().getYear() - 1, c.asOf().getYear(),
        c.asOf().getYear() + 1));
    entries.forEach(e -> e.date().ifPresent(d -> years.add(d.getYear())));
    years.removeIf(y -> y < 1 || y > 9999); // the catalogue's dates have four-digit years
    new kz.talap.calendar.WorkingCalendar(entries).yearWithoutWorkingDay(years).ifPresent(from -> {
      diagnostics.error("no-working-day", kz.talap.source.CellRef.sheet(first.file(), first.sheet()),
          Phrase.of("compile.no-working-day", "from", String.valueOf(from)));
    });
  }

  private List<Label> labels() {
    List<Label> result = new ArrayList<>();
    for (RawRow row : c.rows(LABELS)) {
      int start = start();
      Optional<String> code = cells.code(row, "code", true);
      Optional<Text> text = cells.text(row, "text", true);
      if (c.define(LABELS, row, "code", code, Validity.ALWAYS) && clean(start)) {
        result.add(new Label(code.get(), text.get()));
      }
    }
    return sorted(result, Label::code);
  }
}

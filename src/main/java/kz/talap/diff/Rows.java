package kz.talap.diff;

import static kz.talap.schema.Schema.CALENDAR;
import static kz.talap.schema.Schema.CATALOGUE;
import static kz.talap.schema.Schema.CATEGORIES;
import static kz.talap.schema.Schema.CHANNELS;
import static kz.talap.schema.Schema.COUNTRY_GROUPS;
import static kz.talap.schema.Schema.DOCUMENTS;
import static kz.talap.schema.Schema.FACTS;
import static kz.talap.schema.Schema.FEES;
import static kz.talap.schema.Schema.GROUPS;
import static kz.talap.schema.Schema.LABELS;
import static kz.talap.schema.Schema.OUTAGES;
import static kz.talap.schema.Schema.PARAMETERS;
import static kz.talap.schema.Schema.REFUSAL_GROUNDS;
import static kz.talap.schema.Schema.REQUIREMENTS;
import static kz.talap.schema.Schema.RULES;
import static kz.talap.schema.Schema.SCHEDULES;
import static kz.talap.schema.Schema.SERVICES;
import static kz.talap.schema.Schema.STAGES;
import static kz.talap.schema.Schema.SUB_TYPES;
import static kz.talap.schema.Schema.TERMS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import kz.talap.model.CalendarEntry;
import kz.talap.model.Catalogue;
import kz.talap.model.Category;
import kz.talap.model.Channel;
import kz.talap.model.CountryGroupMember;
import kz.talap.model.Document;
import kz.talap.model.Fact;
import kz.talap.model.Fee;
import kz.talap.model.Group;
import kz.talap.model.Label;
import kz.talap.model.Outage;
import kz.talap.model.Parameter;
import kz.talap.model.RefusalGround;
import kz.talap.model.Requirement;
import kz.talap.model.Rule;
import kz.talap.model.ScheduleEntry;
import kz.talap.model.Service;
import kz.talap.model.Stage;
import kz.talap.model.SubType;
import kz.talap.model.Term;
import kz.talap.model.Text;
import kz.talap.model.Validity;

/** Every row of a compiled catalogue as a {@link KeyedRow}, with its fields named as the workbook's columns. */
final class Rows {
  private static final Text NONE = new Text("", "", "");

  private final Catalogue catalogue;
  private final Map<String, Text> documentNames;
  private final Map<String, Text> channelNames;
  private final Map<String, Text> labels;
  private final List<KeyedRow> rows = new ArrayList<>();

  private Rows(Catalogue catalogue) {
    this.catalogue = catalogue;
    this.documentNames = catalogue.documents().stream().collect(Collectors.toMap(Document::code, Document::name));
    this.channelNames = catalogue.channels().stream().collect(Collectors.toMap(Channel::code, Channel::name));
    this.labels = catalogue.labels().stream().collect(Collectors.toMap(Label::code, Label::text, (a, b) -> a));
  }

  /** Every row of every table, all versions, in table order. */
  static List<KeyedRow> of(Catalogue catalogue) {
    return new Rows(catalogue).all();
  }

  private List<KeyedRow> all() {
    add(CATALOGUE, "version", Validity.ALWAYS, NONE).value("value", catalogue.version()).done();
    for (Channel c : catalogue.channels()) {
      add(CHANNELS, c.code(), Validity.ALWAYS, c.name()).text("name", c.name()).text("how", c.how())
          .value("citation", c.citation()).done();
    }
    for (Service s : catalogue.services()) {
      add(SERVICES, s.code(), s.validity(), s.name()).in(Optional.of(s.code()), Optional.empty())
          .value("status", s.status()).text("name", s.name()).text("short_name", s.shortName())
          .value("intent", s.intent()).value("intent_order", s.intentOrder())
          .text("provider", s.provider()).text("form", s.form())
          .text("result", s.result()).list("channels", s.channels()).list("recipients", s.recipients())
          .value("eligibility", s.eligibility()).text("eligibility", s.eligibilityExplanation())
          .value("citation", s.citation()).validity(s.validity()).done();
    }
    for (SubType s : catalogue.subTypes()) {
      add(SUB_TYPES, s.code(), s.validity(), s.name()).in(Optional.of(s.service()), Optional.of(s.code()))
          .owner(SERVICES, Optional.of(s.service()))
          .value("service", s.service()).value("number", s.number()).text("name", s.name())
          .text("short_name", s.shortName())
          .value("eligibility", s.eligibility()).text("eligibility", s.eligibilityExplanation())
          .value("citation", s.citation()).validity(s.validity()).done();
    }
    for (Stage s : catalogue.stages()) {
      add(STAGES, s.code(), s.validity(), s.name()).in(Optional.of(s.service()), s.subtype())
          .value("service", s.service()).value("subtype", s.subtype()).value("order", s.order())
          .text("name", s.name()).text("description", s.description())
          .value("citation", s.citation()).validity(s.validity()).done();
    }
    for (Document d : catalogue.documents()) {
      add(DOCUMENTS, d.code(), Validity.ALWAYS, d.name()).text("name", d.name()).value("origin", d.origin())
          .value("issuer", d.issuer())
          .text("note", d.note()).value("no_legalisation", d.noLegalisation()).done();
    }
    for (Group g : catalogue.groups()) {
      add(GROUPS, g.code(), g.validity(), g.name()).in(Optional.of(g.service()), g.subtype())
          .value("service", g.service()).value("subtype", g.subtype()).text("name", g.name())
          .value("citation", g.citation()).validity(g.validity()).done();
    }
    for (Category c : catalogue.categories()) {
      add(CATEGORIES, c.code(), c.validity(), c.name()).in(Optional.of(c.service()), Optional.empty())
          .value("service", c.service()).value("order", c.order()).value("condition", c.condition())
          .text("name", c.name()).text("explanation", c.explanation())
          .value("citation", c.citation()).validity(c.validity()).done();
    }
    for (Requirement r : catalogue.requirements()) {
      add(REQUIREMENTS, r.code(), r.validity(), documentNames.getOrDefault(r.document(), NONE))
          .in(Optional.of(r.service()), r.subtype())
          .owner(DOCUMENTS, Optional.of(r.document())).owner(STAGES, r.stage()).owner(GROUPS, r.group())
          .value("service", r.service()).value("subtype", r.subtype()).value("order", r.order())
          .value("document", r.document()).value("group", r.group()).list("applicant_sets", r.applicantSets())
          .value("condition", r.condition()).text("explanation", r.explanation())
          .list("channels", r.channels()).list("recipients", r.recipients())
          .value("original_shown", r.originalShown())
          .value("max_age_days", r.maxAgeDays()).value("min_validity_days", r.minValidityDays())
          .value("stage", r.stage()).value("citation", r.citation()).validity(r.validity()).done();
    }
    for (Rule r : catalogue.rules()) {
      add(RULES, r.code(), r.validity(), labels.getOrDefault(r.kind().name(), NONE))
          .in(Optional.of(r.service()), r.subtype())
          .value("service", r.service()).value("subtype", r.subtype()).value("kind", r.kind())
          .text("text", r.text()).value("citation", r.citation()).validity(r.validity()).done();
    }
    for (Fee f : catalogue.fees()) {
      add(FEES, f.code(), f.validity(), f.name()).in(Optional.of(f.service()), f.subtype())
          .value("service", f.service()).value("subtype", f.subtype()).value("amount", f.amount())
          .value("unit", f.unit()).text("name", f.name()).value("citation", f.citation())
          .validity(f.validity()).done();
    }
    for (Term t : catalogue.terms()) {
      add(TERMS, t.code(), t.validity(), t.name()).in(t.service(), t.subtype()).owner(STAGES, t.stage())
          .value("service", t.service()).value("subtype", t.subtype()).value("kind", t.kind())
          .value("amount", t.amount()).value("unit", t.unit()).text("name", t.name()).value("stage", t.stage())
          .value("counted_from", t.countedFrom()).value("citation", t.citation()).validity(t.validity()).done();
    }
    for (ScheduleEntry s : catalogue.schedules()) {
      add(SCHEDULES, s.code(), s.validity(), channelNames.getOrDefault(s.channel(), NONE))
          .in(s.service(), Optional.empty()).owner(CHANNELS, Optional.of(s.channel()))
          .value("channel", s.channel()).value("service", s.service()).value("part", s.part())
          .value("days", s.days()).value("opens", s.opens()).value("closes", s.closes()).text("note", s.note())
          .value("citation", s.citation()).validity(s.validity()).done();
    }
    for (Outage o : catalogue.outages()) {
      add(OUTAGES, o.code(), Validity.ALWAYS, o.system()).text("system", o.system()).value("from", o.from())
          .value("to", o.to()).value("may_end_by", o.mayEndBy()).text("note", o.note()).value("citation", o.citation()).done();
    }
    for (RefusalGround g : catalogue.refusalGrounds()) {
      add(REFUSAL_GROUNDS, g.code(), g.validity(), g.text()).in(Optional.of(g.service()), g.subtype())
          .value("service", g.service()).value("subtype", g.subtype()).value("number", g.number())
          .text("text", g.text()).text("note", g.note()).value("citation", g.citation())
          .validity(g.validity()).done();
    }
    for (Fact f : catalogue.facts()) {
      add(FACTS, f.name(), Validity.ALWAYS, f.label()).value("type", f.type())
          .list("allowed_values", f.allowedValues()).value("derived_from", f.derivedFrom())
          .value("required", f.required()).text("label", f.label()).done();
    }
    for (CountryGroupMember m : catalogue.countryGroups()) {
      add(COUNTRY_GROUPS, m.group() + "/" + m.country(), m.validity(), NONE)
          .value("citation", m.citation()).validity(m.validity()).done();
    }
    for (Parameter p : catalogue.parameters()) {
      add(PARAMETERS, p.code(), p.validity(), NONE).value("amount", p.amount()).value("unit", p.unit())
          .value("citation", p.citation()).validity(p.validity()).done();
    }
    for (CalendarEntry e : catalogue.calendar()) {
      add(CALENDAR, e.code(), e.validity(), e.name()).value("kind", e.kind()).value("month_day", e.monthDay())
          .value("date", e.date()).value("moves_if_weekend", e.movesIfWeekend()).text("name", e.name())
          .value("citation", e.citation()).validity(e.validity()).done();
    }
    for (Label l : catalogue.labels()) {
      add(LABELS, l.code(), Validity.ALWAYS, l.text()).text("text", l.text()).done();
    }
    return rows;
  }

  private RowBuilder add(String table, String code, Validity validity, Text title) {
    return new RowBuilder(table, code, validity, title, rows::add);
  }

  /** Collects the fields of one row, formatted as the workbook shows them. */
  private static final class RowBuilder {
    private final String table;
    private final String code;
    private final Validity validity;
    private final Text title;
    private final Consumer<KeyedRow> sink;
    private final Map<String, String> fields = new java.util.LinkedHashMap<>();
    private final List<KeyedRow.Ref> owners = new ArrayList<>();
    private Optional<String> service = Optional.empty();
    private Optional<String> subtype = Optional.empty();

    RowBuilder(String table, String code, Validity validity, Text title, Consumer<KeyedRow> sink) {
      this.table = table;
      this.code = code;
      this.validity = validity;
      this.title = title;
      this.sink = sink;
    }

    /** Where the row belongs; a row of a sub-type or service also belongs to the sub-type and service rows. */
    RowBuilder in(Optional<String> service, Optional<String> subtype) {
      this.service = service;
      this.subtype = subtype;
      return this;
    }

    RowBuilder owner(String table, Optional<String> code) {
      code.ifPresent(c -> owners.add(new KeyedRow.Ref(table, c)));
      return this;
    }

    RowBuilder text(String base, Text text) {
      fields.put(base + "_kk", text.kk());
      fields.put(base + "_ru", text.ru());
      fields.put(base + "_en", text.en());
      return this;
    }

    RowBuilder text(String base, Optional<Text> text) {
      return text(base, text.orElse(NONE));
    }

    RowBuilder list(String column, List<?> values) {
      fields.put(column, values.stream().map(Rows::format).collect(Collectors.joining(",")));
      return this;
    }

    /** A value of any kind; an empty Optional (or null) is an empty cell. */
    RowBuilder value(String column, Object value) {
      fields.put(column, format(value));
      return this;
    }

    RowBuilder validity(Validity validity) {
      return value("valid_from", validity.from()).value("valid_to", validity.to());
    }

    void done() {
      // The sub-type and service of a row own it too, so a removed sub-type carries its requirements and fees.
      if (!table.equals(SUB_TYPES) && !table.equals(SERVICES)) {
        owner(SUB_TYPES, subtype);
      }
      if (!table.equals(SERVICES)) {
        owner(SERVICES, service);
      }
      sink.accept(new KeyedRow(table, code, validity, service, subtype, owners, title, fields));
    }
  }

  /** A value as the workbook shows it: dates ISO, 24:00 for the end of the day, numbers without trailing zeros. */
  static String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(Rows::format).orElse("");
    }
    if (value instanceof java.util.OptionalInt optional) {
      return optional.isPresent() ? Integer.toString(optional.getAsInt()) : "";
    }
    if (value instanceof Text text) {
      // A citation: compared as the English rendering (norm names and places), which changes with the cell.
      return text.en();
    }
    if (value instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    if (value instanceof java.math.BigDecimal number) {
      return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
    if (value instanceof java.time.LocalTime time) {
      return time.equals(java.time.LocalTime.MAX) ? "24:00" : time.toString();
    }
    if (value instanceof java.time.MonthDay day) {
      return day.toString().substring(2);
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    return value.toString().strip();
  }
}

package kz.talap.schema;

import static kz.talap.schema.Column.Kind.BOOLEAN;
import static kz.talap.schema.Column.Kind.CONDITION;
import static kz.talap.schema.Column.Kind.COUNTRY;
import static kz.talap.schema.Column.Kind.DATE;
import static kz.talap.schema.Column.Kind.DECIMAL;
import static kz.talap.schema.Column.Kind.INTEGER;
import static kz.talap.schema.Column.Kind.LIST;
import static kz.talap.schema.Column.Kind.MONTH_DAY;
import static kz.talap.schema.Column.Kind.NAME;
import static kz.talap.schema.Column.Kind.PLAIN;
import static kz.talap.schema.Column.Kind.TIME;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kz.talap.model.Enums;

/** The catalogue workbook format: every table, in the order the sheets appear in a new workbook. */
public final class Schema {
  public static final String CATALOGUE = "Catalogue";
  public static final String CHANNELS = "Channels";
  public static final String SERVICES = "Services";
  public static final String SUB_TYPES = "SubTypes";
  public static final String DOCUMENTS = "Documents";
  public static final String GROUPS = "Groups";
  public static final String STAGES = "Stages";
  public static final String TESTS = "Tests";
  public static final String OUTAGES = "Outages";
  public static final String CATEGORIES = "Categories";
  public static final String REQUIREMENTS = "Requirements";
  public static final String RULES = "Rules";
  public static final String FEES = "Fees";
  public static final String TERMS = "Terms";
  public static final String SCHEDULES = "Schedules";
  public static final String REFUSAL_GROUNDS = "RefusalGrounds";
  public static final String FACTS = "Facts";
  public static final String COUNTRY_GROUPS = "CountryGroups";
  public static final String PARAMETERS = "Parameters";
  public static final String CALENDAR = "Calendar";
  public static final String LABELS = "Labels";
  public static final String NORMS = "Norms";

  private static final List<Table> TABLES = List.of(
      new TableBuilder(CATALOGUE, "Settings of the catalogue as a whole, one key per row.")
          .key("key")
          .choice("key", true, "The setting: version = the edition of the catalogue shown on every page.", "version")
          .column("value", PLAIN, true, "The value of the setting.")
          .example("key", "version", "value", "2026.11")
          .build(),
      new TableBuilder(NORMS, "The acts and sources that citations name: each once, with its official name in kk/ru/en.")
          .code("Norm code used in citations, e.g. ORDER_992.")
          .text("name", true, "Official name of the act or source, as it is cited")
          .example("code", "ORDER_992", "name_en",
              "Order of the Minister of Internal Affairs of the RK No. 992 of 4 December 2015")
          .build(),
      new TableBuilder(CHANNELS, "The ways of applying for a service and receiving its result.")
          .code("Channel code, e.g. PROVIDER, STATE_CORP, PORTAL.")
          .text("name", true, "Name of the channel")
          .text("how", true, "How to apply through this channel")
          .citation(true)
          .example("code", "PORTAL", "name_en", "egov portal", "how_en",
              "Sign the e-request with an EDS or a one-time password.", "citation",
              "ORDER_992, Annex 1-1, item 2")
          .build(),
      new TableBuilder(SERVICES, "Public services: one row per service passport.")
          .code("Service code, e.g. TRP.")
          .choice("status", true, "IN_FORCE, PILOT or DRAFT.", names(Enums.ServiceStatus.values()))
          .text("name", true, "Official name of the service")
          .text("short_name", false, "Short plain name used in links, titles and headings, e.g. Temporary residence; "
              + "the official name stays under it")
          .column("intent", Column.Kind.CODE, false, "What the applicant wants to do, e.g. LIVE_TEMPORARILY: the "
              + "index pages group services under it, headed by the label INTENT_ + this code")
          .column("intent_order", INTEGER, false, "Place of the intent on the index pages (1 first); services with the "
              + "same intent give the same number").atLeast(1)
          .text("provider", true, "Who provides the service")
          .text("form", true, "Form of the service: electronic, paper")
          .text("result", true, "Result of the service")
          .refs("channels", CHANNELS, "Channels the service is offered through, comma-separated.")
          .choices("recipients", "Who may receive the service: INDIVIDUAL, LEGAL_ENTITY.",
              names(Enums.Recipient.values()))
          .column("eligibility", CONDITION, false, "CEL condition the applicant must meet; empty = anyone.")
          .text("eligibility", false, "The eligibility condition in plain words")
          .citation(true)
          .validity()
          .example("code", "PRP", "status", "IN_FORCE", "name_en", "Issuance of a permanent residence permit",
              "channels", "PROVIDER,STATE_CORP", "recipients", "INDIVIDUAL", "citation",
              "ORDER_992, Annex 3")
          .build(),
      new TableBuilder(SUB_TYPES, "Sub-types of a service (the purpose of stay for the TRP).")
          .code("Sub-type code, e.g. TRP_WORK.")
          .ref("service", SERVICES, true, "The service this sub-type belongs to.")
          .column("number", INTEGER, true, "Number of the sub-type in the source.").atLeast(1)
          .text("name", true, "Name of the sub-type")
          .text("short_name", false, "Short plain name used in links, titles and headings, e.g. Work; the official "
              + "name stays under it")
          .column("eligibility", CONDITION, false, "CEL condition the applicant must meet; empty = anyone.")
          .text("eligibility", false, "The eligibility condition in plain words")
          .citation(true)
          .validity()
          .example("code", "TRP_WORK", "service", "TRP", "number", "2", "name_en", "For the purpose of work",
              "citation", "ORDER_992, Annex 1-1")
          .build(),
      new TableBuilder(STAGES, "Stages of a multi-stage procedure, in order; requirements and terms may belong to one.")
          .code("Stage code.")
          .ref("service", SERVICES, true, "The service.")
          .ref("subtype", SUB_TYPES, false, "The sub-type; empty = all sub-types.")
          .column("order", INTEGER, true, "Position of the stage in the procedure, 1 first.").atLeast(1)
          .text("name", true, "Name of the stage")
          .text("description", false, "What happens at the stage, in plain words")
          .citation(true)
          .validity()
          .example("code", "PILOT_STAGE_KAZTEST", "service", "PRP_PILOT", "order", "1", "name_en",
              "Kazakh language test (KAZTEST), online", "citation", "JOINT_ORDER_2026, Annex 1, para 4")
          .build(),
      new TableBuilder(DOCUMENTS, "Documents an applicant may have to present.")
          .code("Document code, e.g. PRP_PASSPORT.")
          .text("name", true, "Name of the document")
          .choice("origin", true,
              "APPLICANT (a form filled in by the applicant), KZ, FOREIGN or ANY (issued in Kazakhstan or abroad).",
              names(Enums.Origin.values()))
          .choice("issuer", false, "Who draws it up: AUTHORITY (a state body, court or notary: a foreign one's "
              + "document must be legalised or apostilled), PRIVATE (a company, insurer or person: never legalised) "
              + "or EITHER (the submission says which); empty = EITHER.", names(Enums.Issuer.values()))
          .text("note", false, "Short note shown under the name")
          .column("no_legalisation", BOOLEAN, false,
              "TRUE for documents never legalised even when issued abroad, such as passports.")
          .example("code", "PRP_PHOTO", "name_en", "One photograph 35x45 mm", "origin", "APPLICANT")
          .build(),
      new TableBuilder(GROUPS, "\"One of\" groups: the applicant presents at least one document of the group.")
          .code("Group code.")
          .ref("service", SERVICES, true, "The service.")
          .ref("subtype", SUB_TYPES, false, "The sub-type; empty = all sub-types.")
          .text("name", true, "Heading of the group on the checklist")
          .citation(true)
          .validity()
          .example("code", "TRP_WORK_BASIS", "service", "TRP", "subtype", "TRP_WORK", "name_en",
              "One of the documents confirming the grounds for work", "citation",
              "ORDER_992, Annex 1-1, item 8, sub-item 2)")
          .build(),
      new TableBuilder(CATEGORIES, "Categories of applicants who present a reduced set of documents.")
          .code("Category code.")
          .ref("service", SERVICES, true, "The service.")
          .column("order", INTEGER, true, "The first category (lowest order) whose condition holds applies.").atLeast(1)
          .column("condition", CONDITION, true, "CEL condition over the applicant's facts.")
          .text("name", true, "Name of the category")
          .text("explanation", true, "Who belongs to the category, in plain words")
          .citation(true)
          .validity()
          .example("code", "PRP_FOREIGN_MISSION", "service", "PRP", "order", "1", "condition",
              "citizenship_via_foreign_mission && permanently_registered", "citation",
              "ORDER_992, Annex 3, item 8")
          .build(),
      new TableBuilder(REQUIREMENTS, "Which document a service or sub-type needs, for whom and when.")
          .code("Requirement code.")
          .ref("service", SERVICES, true, "The service.")
          .ref("subtype", SUB_TYPES, false, "The sub-type; empty = all sub-types of the service.")
          .column("order", INTEGER, true, "Number of the item on the checklist.").atLeast(1)
          .ref("document", DOCUMENTS, true, "The document required.")
          .ref("group", GROUPS, false, "The \"one of\" group this document belongs to; empty = required alone.")
          .column("applicant_sets", LIST, false,
              "STANDARD and/or category codes whose document set includes this row; empty = every set.")
          .column("condition", CONDITION, false, "CEL condition under which the document is required.")
          .text("explanation", false, "The condition in plain words for applicants (required with a condition)")
          .refs("channels", CHANNELS, "Channels where this applies; empty = all channels of the service.")
          .choices("recipients", "Recipients this applies to; empty = all.", names(Enums.Recipient.values()))
          .column("original_shown", BOOLEAN, false, "TRUE when the original is shown for verification.")
          .column("max_age_days", INTEGER, false,
              "Issued no more than this many calendar days before the application.")
          .column("min_validity_days", INTEGER, false,
              "Must remain valid more than this many calendar days after the application date.")
          .ref("stage", STAGES, false, "The stage at which the document is presented; empty = no stages.")
          .citation(true)
          .validity()
          .example("code", "PRP_REQ_CRIMINAL_RECORD", "service", "PRP", "order", "4", "document",
              "PRP_CRIMINAL_RECORD", "applicant_sets", "STANDARD", "condition",
              "!(refugee || (ethnic_kazakh && citizenship == 'CN'))", "explanation_en",
              "Not needed for refugees and for ethnic Kazakhs who are citizens of China.", "max_age_days", "180",
              "citation", "ORDER_992, Annex 3, item 8, sub-item 4)")
          .build(),
      new TableBuilder(RULES, "Procedural rules the applicant must know (translation, legalisation, verification).")
          .code("Rule code.")
          .ref("service", SERVICES, true, "The service.")
          .ref("subtype", SUB_TYPES, false, "The sub-type; empty = all.")
          .choice("kind", true, "TRANSLATION, LEGALISATION, VERIFICATION, LATE_ACCEPTANCE, PENALTY, WHO_APPLIES "
              + "(who may apply: in person, by a representative) or NOTE.",
              names(Enums.RuleKind.values()))
          .text("text", true, "The rule in plain words")
          .citation(true)
          .validity()
          .example("code", "PRP_RULE_TRANSLATION", "service", "PRP", "kind", "TRANSLATION", "text_en",
              "Documents in a foreign language must be translated into Kazakh or Russian.", "citation",
              "LAW_NOTARIES, art. 80")
          .build(),
      new TableBuilder(FEES, "What the service costs.")
          .code("Fee code.")
          .ref("service", SERVICES, true, "The service.")
          .ref("subtype", SUB_TYPES, false, "The sub-type; empty = all.")
          .column("amount", DECIMAL, true, "Amount; 0 = free.")
          .choice("unit", true, "MCI (monthly calculation index) or KZT.", names(Enums.MoneyUnit.values()))
          .text("name", true, "What is paid, e.g. state duty")
          .citation(true)
          .validity()
          .example("code", "PRP_STATE_DUTY", "service", "PRP", "amount", "4", "unit", "MCI", "name_en",
              "State duty", "citation", "TAX_CODE; ORDER_992, Annex 3, item 6")
          .build(),
      new TableBuilder(TERMS, "Terms and time limits.")
          .code("Term code.")
          .ref("service", SERVICES, false, "The service; empty = every service.")
          .ref("subtype", SUB_TYPES, false, "The sub-type; empty = all.")
          .choice("kind", true, "What the term measures.", names(Enums.TermKind.values()))
          .column("amount", INTEGER, true, "Length of the term.").atLeast(1)
          .choice("unit", true, "Unit of the term.", names(Enums.TermUnit.values()))
          .text("name", true, "What the term is, as a phrase")
          .ref("stage", STAGES, false, "The stage the term belongs to; empty = the whole procedure.")
          .column("counted_from", NAME, false,
              "For deadlines: the DATE fact the term counts from (backwards for APPLY_BEFORE_EXPIRY).")
          .citation(true)
          .validity()
          .example("code", "PRP_TERM", "service", "PRP", "kind", "SERVICE", "amount", "45", "unit",
              "CALENDAR_DAYS", "name_en", "Term of the service", "citation",
              "ORDER_992, Annex 3, item 3")
          .build(),
      new TableBuilder(SCHEDULES, "Opening hours per channel, breaks and reception hours.")
          .code("Schedule row code.")
          .ref("channel", CHANNELS, true, "The channel (office) the hours belong to.")
          .ref("service", SERVICES, false, "The service; empty = every service.")
          .choice("part", true, "Which part of the day.", names(Enums.SchedulePart.values()))
          .choice("days", true, "Days of the week.", names(Enums.DaySet.values()))
          .column("opens", TIME, true, "From, HH:MM.")
          .column("closes", TIME, true, "To, HH:MM (24:00 = midnight).")
          .text("note", false, "Note shown with the hours")
          .citation(true)
          .validity()
          .example("code", "PROVIDER_LUNCH", "channel", "PROVIDER", "part", "LUNCH_BREAK", "days", "MON_FRI",
              "opens", "13:00", "closes", "14:30", "citation", "ORDER_992, Annex 1-1, item 7")
          .build(),
      new TableBuilder(OUTAGES, "Failures of information systems: permits that expired inside a window incur no fine.")
          .code("Outage code.")
          .text("system", true, "The information system that failed")
          .column("from", DATE, true, "First day of the failure, YYYY-MM-DD.")
          .column("to", DATE, true, "Last known day of the failure, YYYY-MM-DD.")
          .column("may_end_by", DATE, false, "When the source gives the end only roughly (\"early October\"): the "
              + "last day the failure may have lasted; expiries between to and this day must be verified.")
          .text("note", false, "What the failure means for applicants")
          .citation(true)
          .example("code", "FINGERPRINT_2025", "system_en", "Fingerprint registration system", "from", "2025-09-09",
              "to", "2025-10-03", "citation", "MIA_STATEMENT_2025")
          .build(),
      new TableBuilder(REFUSAL_GROUNDS, "Grounds for refusing the service.")
          .code("Ground code.")
          .ref("service", SERVICES, true, "The service.")
          .ref("subtype", SUB_TYPES, false, "The sub-type; empty = all.")
          .column("number", INTEGER, true, "Number of the ground in the source.").atLeast(1)
          .text("text", true, "The ground")
          .text("note", false, "Exceptions or remarks")
          .citation(true)
          .validity()
          .example("code", "PRP_REFUSAL_12", "service", "PRP", "number", "12", "text_en",
              "has not passed fingerprint registration", "citation", "LAW_MIGRATION, art. 49, sub-para 12)")
          .build(),
      new TableBuilder(FACTS, "The applicant facts that conditions may use.")
          .key("name")
          .column("name", NAME, true, "Fact name used in CEL conditions, [a-z][a-z0-9_]*.")
          .choice("type", true, "BOOL, INT, TEXT, COUNTRY (two-letter code) or DATE.",
              names(Enums.FactType.values()))
          .column("allowed_values", LIST, false, "For TEXT facts: the allowed values, comma-separated.")
          .column("derived_from", NAME, false,
              "For INT facts computed by talap: the DATE fact whose completed years on the submission date it is.")
          .column("required", BOOLEAN, false, "TRUE if every submission must state it.")
          .text("label", true, "Label of the fact")
          .example("name", "owns_housing", "type", "BOOL", "required", "FALSE", "label_en",
              "Owns the housing provided for residence")
          .build(),
      new TableBuilder(COUNTRY_GROUPS, "Groups of countries; each is a CEL list named by its lower-case code.")
          .key("group", "country")
          .column("group", Column.Kind.CODE, true, "Group code, e.g. EAEU (used as `eaeu` in conditions).")
          .column("country", COUNTRY, true, "Two-letter country code (ISO 3166-1 alpha-2).")
          .citation(true)
          .validity()
          .example("group", "EAEU", "country", "AM", "citation", "EAEU_TREATY",
              "valid_from", "2015-01-02")
          .build(),
      new TableBuilder(PARAMETERS, "Dated parameters such as the monthly calculation index (MCI).")
          .code("Parameter code, e.g. MCI.")
          .column("amount", DECIMAL, true, "Value in force for the period.").above(0)
          .choice("unit", true, "Unit of the value.", names(Enums.MoneyUnit.values()))
          .citation(true)
          .validity()
          .example("code", "MCI", "amount", "4325", "unit", "KZT", "citation",
              "BUDGET_2026", "valid_from", "2026-01-01", "valid_to", "2026-12-31")
          .build(),
      new TableBuilder(CALENDAR, "The working calendar: holidays, and days moved by government order.")
          .code("Row code.")
          .choice("kind", true, "FIXED_HOLIDAY (every year on month_day), DATED_HOLIDAY, EXTRA_DAY_OFF or "
              + "EXTRA_WORKING_DAY (on date).", names(Enums.CalendarKind.values()))
          .column("month_day", MONTH_DAY, false, "For FIXED_HOLIDAY: MM-DD.")
          .column("date", DATE, false, "For the other kinds: YYYY-MM-DD.")
          .column("moves_if_weekend", BOOLEAN, false,
              "TRUE if the next working day becomes a day off when the holiday falls on a weekend.")
          .text("name", true, "Name of the holiday")
          .citation(true)
          .validity()
          .example("code", "NAURYZ_1", "kind", "FIXED_HOLIDAY", "month_day", "03-21", "moves_if_weekend", "TRUE",
              "name_en", "Nauryz meyrami", "citation", "LAW_HOLIDAYS, art. 1")
          .build(),
      new TableBuilder(LABELS, "Interface labels for checklists and reports.")
          .code("Label code.")
          .text("text", true, "The label")
          .example("code", "FREE", "text_kk", "Тегін", "text_ru", "Бесплатно", "text_en", "Free")
          .build(),
      new TableBuilder(TESTS, "Scenarios that talap test checks: a submission and the expected result.")
          .code("Scenario code.")
          .ref("service", SERVICES, true, "The service applied for.")
          .ref("subtype", SUB_TYPES, false, "The sub-type, when the service has sub-types.")
          .ref("stage", STAGES, false, "The stage checked, when the service has stages.")
          .ref("channel", CHANNELS, true, "The channel applied through.")
          .choice("recipient", false, "INDIVIDUAL (default) or LEGAL_ENTITY.", names(Enums.Recipient.values()))
          .column("date", DATE, true, "Day of submission, YYYY-MM-DD.")
          .column("time", TIME, false, "Time of submission, HH:MM (default 10:00).")
          .column("facts", PLAIN, false, "Applicant facts: name=value; name=value (e.g. citizenship=UZ; "
              + "birth_date=1990-05-01; owns_housing=true).")
          .column("documents", PLAIN, false, "Documents presented: CODE; CODE(issued_on=2026-01-10, "
              + "valid_until=2030-01-09, language=uz, translated, issued_in=UZ, issuer=authority, legalised, apostille, "
              + "no_original).")
          .column("payments", PLAIN, false, "Payments: AMOUNT@YYYY-MM-DD; AMOUNT@YYYY-MM-DD (tenge).")
          .choice("expected_verdict", true, "COMPLETE, INCOMPLETE or NOT_ACCEPTED.", "COMPLETE", "INCOMPLETE",
              "NOT_ACCEPTED")
          .column("expected_missing", LIST, false,
              "Requirement or group codes reported missing (exactly these).")
          .column("expected_invalid", LIST, false,
              "Codes of the other errors and warnings expected (requirement, fee, term, rule or service codes; "
                  + "exactly these).")
          .column("expected_due", DATE, false, "Expected due date of the result, YYYY-MM-DD.")
          .column("note", PLAIN, false, "What the scenario shows, and its source.")
          .example("code", "T01_EAEU_NO_INSURANCE", "service", "TRP", "subtype", "TRP_WORK", "channel", "PROVIDER",
              "date", "2026-03-20", "facts", "citizenship=RU; birth_date=1988-11-02", "documents",
              "TRP_APPLICATION_FORM; TRP_IDENTITY_DOCUMENT", "expected_verdict", "INCOMPLETE", "expected_missing",
              "TRP_REQ_HOUSING_CONSENT, TRP_REQ_FINGERPRINT_CERTIFICATE, TRP_WORK_BASIS")
          .build());

  private Schema() {}

  public static List<Table> tables() {
    return TABLES;
  }

  public static Optional<Table> table(String name) {
    return TABLES.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public static Table require(String name) {
    return table(name).orElseThrow(() -> new IllegalArgumentException("no table " + name));
  }

  public static List<String> languages() {
    return TableBuilder.LANGUAGES;
  }

  /**
   * The text of a column's header comment in a workbook: what it holds (the same sentence as in
   * docs/workbook-format.md), its type, whether it must be filled, and an example value.
   */
  public static String headerComment(Table table, Column column) {
    StringBuilder text = new StringBuilder(column.comment());
    if (!column.comment().endsWith(".")) {
      text.append('.');
    }
    text.append("\nType: ").append(column.typeName()).append('.');
    text.append(column.required() ? "\nRequired." : "\nOptional.");
    text.append("\nExample: ").append(example(table, column));
    return text.toString();
  }

  /** An example value of a column: the table's example row when it has one, otherwise a typical value. */
  public static String example(Table table, Column column) {
    String given = table.example().get(column.name());
    if (given != null) {
      return given;
    }
    return switch (column.kind()) {
      case REFERENCE, REFERENCE_LIST -> {
        Table target = require(column.references().orElseThrow());
        yield target.example().getOrDefault(target.key().get(0), "CODE");
      }
      case ENUM, ENUM_LIST -> column.values().get(0);
      case TEXT -> switch (column.language().orElse("en")) {
        case "kk" -> "Қазақ тіліндегі мәтін";
        case "ru" -> "Текст на русском языке";
        default -> "Text in English";
      };
      case PLAIN -> column.name().equals("citation") ? "ORDER_992, Annex 3, item 8, sub-item 4)"
          : "Seed 003, item 4; medium confidence";
      case CODE -> "CODE_1";
      case INTEGER -> column.minimum().map(m -> m.signum() > 0 ? m.toPlainString() : "30").orElse("30");
      case DECIMAL -> "4";
      case BOOLEAN -> "TRUE";
      case DATE -> "2026-01-01";
      case TIME -> "09:00";
      case MONTH_DAY -> "03-21";
      case CONDITION -> "citizenship in eaeu";
      case NAME -> "birth_date";
      case COUNTRY -> "KZ";
      case LIST -> "STANDARD";
    };
  }

  private static String[] names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
  }
}

package kz.talap.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import kz.talap.check.Checker;
import kz.talap.check.Submission;
import kz.talap.check.Submission.Payment;
import kz.talap.check.Submission.PresentedDocument;
import kz.talap.model.Catalogue;
import kz.talap.model.Channel;
import kz.talap.model.Document;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Enums.Issuer;
import kz.talap.model.Enums.MoneyUnit;
import kz.talap.model.Enums.Recipient;
import kz.talap.model.Fact;
import kz.talap.model.Service;
import kz.talap.model.SubType;
import kz.talap.source.Nearest;
import kz.talap.source.Phrase;
import kz.talap.source.Quoted;

/**
 * Reads a submission (format {@value #FORMAT}) and checks it against the catalogue's codes and fact declarations.
 * Every problem names where it is: a JSON path such as {@code $.documents[1].valid_until}, or the line and column of
 * malformed JSON.
 */
public final class SubmissionJson {
  /** The version of the submission format. */
  public static final String FORMAT = "talap-submission/1";
  /** ISO 3166 user-assigned code used in travel documents for stateless persons. */
  public static final String STATELESS = "XX";

  /**
   * The tree reader's mapper, made when first needed: a well-formed submission is read by the stream alone, and a
   * single check then starts without the mapper's set-up. Numbers with a fraction or exponent are read as BigDecimal
   * (1e400 is a number too large, not an infinite double); a .json file holds exactly one value: anything after it (a
   * second object, a NUL) is an error.
   */
  private static final class Mapper {
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  private static final com.fasterxml.jackson.core.JsonFactory STREAMING =
      com.fasterxml.jackson.core.JsonFactory.builder().build();
  /** The earliest and latest day a submission may give: four-digit years, far from the limits of date arithmetic. */
  static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
  /** The largest payment in tenge, and the largest whole number a fact may hold. */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
  static final long MAX_INT_FACT = 1_000_000_000L;
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
  static final Set<String> COUNTRIES = countries();
  static final List<String> TOP = List.of("format", "id", "service", "subtype", "stage", "channel", "recipient",
      "submitted_at", "facts", "documents", "payments");
  static final List<String> DOCUMENT = List.of("code", "issued_on", "valid_until", "language",
      "notarised_translation", "issued_in", "legalised", "apostille", "issuer", "original_shown");
  static final List<String> PAYMENT = List.of("amount_kzt", "paid_on");

  /** A problem with the input: where (line and column of malformed JSON, or a JSON path) and what. */
  public record Problem(int line, int column, String path, Phrase phrase) {
    /** A problem whose message is English only. */
    public Problem(int line, int column, String path, String message) {
      this(line, column, path, Phrase.plain(message));
    }

    /** What is wrong, in English. */
    public String message() {
      return phrase.in("en");
    }

    /** What is wrong, in the language {@code kk}, {@code ru} or {@code en}. */
    public String message(String language) {
      return phrase.in(language);
    }

    @Override
    public String toString() {
      return (path.isEmpty() ? "" : path + ": ") + message();
    }

    /** As printed, in the language {@code kk}, {@code ru} or {@code en}. */
    public String toString(String language) {
      return (path.isEmpty() ? "" : path + ": ") + message(language);
    }
  }

  /** The submission, or the problems that stopped it from being read. */
  public record Parsed(Optional<Submission> submission, List<Problem> problems) {
    public Parsed {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads submissions for one catalogue, keeping what would otherwise be worked out again for every submission: the
   * declared facts, and the facts each service, sub-type and stage needs. Not safe for use by several threads.
   */
  public static final class Reader {
    private final Catalogue catalogue;
    final Map<String, Fact> declared = new LinkedHashMap<>();
    private final Map<List<Object>, Set<String>> needed = new HashMap<>();
    final Set<String> services = new LinkedHashSet<>();
    final Set<String> channels = new LinkedHashSet<>();
    /** The facts every submission must give. */
    private final Set<String> required = new TreeSet<>();
    /** Whether a service (and sub-type) has a fee set in MCI, by service and sub-type. */
    private final Map<List<Object>, Boolean> mciFees = new HashMap<>();

    /** The fast way, for submissions without a problem. */
    private final SubmissionStream stream;

    private Reader(Catalogue catalogue) {
      this.catalogue = catalogue;
      catalogue.facts().forEach(f -> declared.put(f.name(), f));
      catalogue.facts().stream().filter(Fact::required).forEach(f -> required.add(f.name()));
      catalogue.services().forEach(s -> services.add(s.code()));
      catalogue.channels().forEach(c -> channels.add(c.code()));
      stream = new SubmissionStream(this);
    }

    Catalogue catalogue() {
      return catalogue;
    }

    /** The facts a submission for a service, sub-type and stage must give: required ones and those its rows read. */
    Set<String> needed(String service, Optional<String> subtype, Optional<String> stage) {
      return needed.computeIfAbsent(List.of(service, subtype, stage), k -> {
        Set<String> names = new TreeSet<>(required);
        names.addAll(conditionFacts(catalogue, service, subtype, stage, declared));
        return Collections.unmodifiableSet(names);
      });
    }

    /** Whether a service (and sub-type) has a fee set in MCI. */
    boolean mciFee(String service, Optional<String> subtype) {
      return mciFees.computeIfAbsent(List.of(service, subtype), k -> catalogue.fees().stream()
          .anyMatch(f -> f.unit() == MoneyUnit.MCI && f.service().equals(service)
              && (f.subtype().isEmpty() || f.subtype().equals(subtype))));
    }

    /** Parses one submission given as JSON text. */
    public Parsed read(String text) {
      // A byte-order mark is how some Windows editors start a UTF-8 file; it is not part of the JSON.
      String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
      Submission fast = stream.read(json);
      return fast != null ? new Parsed(Optional.of(fast), List.of()) : tree(json);
    }

    /**
     * Parses one submission given as UTF-8 bytes, which must be well-formed UTF-8 ({@link JsonLines#utf8()}): the same
     * as {@link #read(String)} of their text, without making the text unless the submission has a problem.
     */
    public Parsed read(byte[] text, int offset, int length) {
      int from = offset;
      int left = length;
      if (left >= 3 && text[from] == (byte) 0xEF && text[from + 1] == (byte) 0xBB && text[from + 2] == (byte) 0xBF) {
        from += 3;
        left -= 3;
      }
      // A NUL among the first bytes would make Jackson take the bytes for UTF-16 or UTF-32: such a line is read as
      // text, where it is the malformed JSON it is.
      for (int i = from; i < from + Math.min(left, 4); i++) {
        if (text[i] == 0) {
          return read(new String(text, offset, length, java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      Submission fast = stream.read(text, from, left);
      return fast != null ? new Parsed(Optional.of(fast), List.of())
          : tree(new String(text, from, left, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Reads the submission by way of a tree, naming every problem (the way for anything the stream refuses). */
    Parsed tree(String json) {
      JsonNode root;
      try {
        root = Mapper.MAPPER.readTree(json);
      } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        JsonLocation at = e.getLocation();
        boolean trailing = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token");
        return new Parsed(Optional.empty(), List.of(new Problem(at == null ? 0 : at.getLineNr(),
            at == null ? 0 : at.getColumnNr(), "", trailing
                ? Phrase.of("submission.trailing-content")
                : Phrase.of("submission.malformed-json", "detail", plain(e.getOriginalMessage())))));
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return new Parsed(Optional.empty(), List.of(new Problem(at == null ? 0 : at.getLineNr(),
            at == null ? 0 : at.getColumnNr(), "", Phrase.of("submission.malformed-json", "detail",
            plain(e.getOriginalMessage())))));
      }
      if (root == null || root.isMissingNode()) {
        return new Parsed(Optional.empty(), List.of(new Problem(0, 0, "", Phrase.of("submission.empty-input"))));
      }
      return read(root);
    }

    /** Reads a submission given as a tree of maps, lists, strings, numbers and booleans (the same checks as JSON). */
    public Parsed read(Map<String, ?> tree) {
      return read((JsonNode) Mapper.MAPPER.valueToTree(tree));
    }

    private Parsed read(JsonNode root) {
      SubmissionJson one = new SubmissionJson(this);
      Optional<Submission> submission = one.submission(root);
      return new Parsed(one.problems.isEmpty() ? submission : Optional.empty(), one.problems);
    }
  }

  private final Reader reader;
  private final Catalogue catalogue;
  private final List<Problem> problems = new ArrayList<>();

  private SubmissionJson(Reader reader) {
    this.reader = reader;
    this.catalogue = reader.catalogue;
  }

  /** Jackson's message without its note on redacted sources: "(start marker at line 1, column 1)". */
  static String plain(String message) {
    return message == null ? "" : message.replaceAll(
        "\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
  }

  /** A reader for many submissions against one catalogue. */
  public static Reader reader(Catalogue catalogue) {
    return new Reader(catalogue);
  }

  /**
   * A parser for the streaming reader. It does not look for duplicate fields (a set of names for every object is a
   * sixth of the reading): the streaming reader knows every field it reads and gives up on a second one itself.
   */
  static JsonParser parser(String text) throws java.io.IOException {
    return STREAMING.createParser(text);
  }

  /** {@link #parser(String)} of UTF-8 bytes. */
  static JsonParser parser(byte[] text, int offset, int length) throws java.io.IOException {
    return STREAMING.createParser(text, offset, length);
  }

  /** Parses one submission given as JSON text. */
  public static Parsed read(String text, Catalogue catalogue) {
    return reader(catalogue).read(text);
  }

  /** Reads a submission given as a tree of maps, lists, strings, numbers and booleans (the same checks as JSON). */
  public static Parsed read(Map<String, ?> tree, Catalogue catalogue) {
    return reader(catalogue).read(tree);
  }

  /**
   * Only parses the JSON text into a tree, without reading it as a submission: the baseline the benchmark compares
   * with. Returns the number of nodes.
   */
  public static int parseOnly(String text) throws JsonProcessingException {
    return count(Mapper.MAPPER.readTree(text));
  }

  private static int count(JsonNode node) {
    int n = 1;
    for (JsonNode child : node) {
      n += count(child);
    }
    return n;
  }

  /** Writes a submission as one line of JSON in the submission format (used to generate benchmark input). */
  public static String write(Submission submission) {
    com.fasterxml.jackson.databind.node.ObjectNode root = Mapper.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    submission.id().ifPresent(id -> root.put("id", id));
    root.put("service", submission.service());
    submission.subtype().ifPresent(s -> root.put("subtype", s));
    submission.stage().ifPresent(s -> root.put("stage", s));
    root.put("channel", submission.channel());
    root.put("recipient", submission.recipient().name());
    root.put("submitted_at", submission.submittedAt().toString());
    com.fasterxml.jackson.databind.node.ObjectNode facts = root.putObject("facts");
    new java.util.TreeMap<>(submission.facts()).forEach((name, value) -> {
      if (value instanceof Boolean b) {
        facts.put(name, b);
      } else if (value instanceof Long l) {
        facts.put(name, l);
      } else {
        facts.put(name, value.toString());
      }
    });
    com.fasterxml.jackson.databind.node.ArrayNode documents = root.putArray("documents");
    for (PresentedDocument d : submission.documents()) {
      com.fasterxml.jackson.databind.node.ObjectNode node = documents.addObject();
      node.put("code", d.code());
      d.issuedOn().ifPresent(v -> node.put("issued_on", v.toString()));
      d.validUntil().ifPresent(v -> node.put("valid_until", v.toString()));
      d.language().ifPresent(v -> node.put("language", v));
      if (d.notarisedTranslation()) {
        node.put("notarised_translation", true);
      }
      d.issuedIn().ifPresent(v -> node.put("issued_in", v));
      if (d.legalised()) {
        node.put("legalised", true);
      }
      if (d.apostille()) {
        node.put("apostille", true);
      }
      d.issuer().ifPresent(v -> node.put("issuer", v.name().toLowerCase(Locale.ROOT)));
      if (d.originalShown()) {
        node.put("original_shown", true);
      }
    }
    com.fasterxml.jackson.databind.node.ArrayNode payments = root.putArray("payments");
    for (Payment p : submission.payments()) {
      payments.addObject().put("amount_kzt", p.amountKzt()).put("paid_on", p.paidOn().toString());
    }
    return root.toString();
  }

  private Optional<Submission> submission(JsonNode root) {
    if (!root.isObject()) {
      return problem("$", Phrase.of("submission.expected-object", "got", kind(root)));
    }
    fields(root, "$", TOP);
    Optional<String> format = optionalText(root, "$", "format");
    if (format.isPresent() && !format.get().equals(FORMAT)) {
      problem("$.format", Phrase.of("submission.unsupported-format", "value", Quoted.inner(format.get()),
          "format", FORMAT));
    }
    Optional<String> id = optionalText(root, "$", "id");
    Optional<String> service = code(root, "service", reader.services);
    Optional<String> subtype = service.flatMap(s -> subtype(root, s));
    Optional<String> stage = service.flatMap(s -> stage(root, s, subtype));
    Optional<String> channel = code(root, "channel", reader.channels);
    Optional<Recipient> recipient = optionalText(root, "$", "recipient").isEmpty() ? Optional.of(Recipient.INDIVIDUAL)
        : code(root, "recipient", List.of("INDIVIDUAL", "LEGAL_ENTITY")).map(Recipient::valueOf);
    Optional<LocalDateTime> at = submittedAt(root);
    Map<String, Object> facts = facts(root, service, subtype, stage, at.map(LocalDateTime::toLocalDate));
    List<PresentedDocument> documents = list(root, "documents", (node, path) -> document(node, path, at));
    List<Payment> payments = list(root, "payments", this::payment);
    if (service.isPresent() && at.isPresent() && reader.mciFee(service.get(), subtype)
        && catalogue.parameter(Checker.MCI, at.get().toLocalDate()).isEmpty()) {
      problem("$.submitted_at", Phrase.of("submission.no-mci-for-fee", "date", at.get().toLocalDate().toString(),
          "service", service.get()));
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Submission(id, service.get(), subtype, stage, channel.get(), recipient.get(), at.get(), facts,
        documents, payments));
  }

  private Optional<String> code(JsonNode root, String field, Collection<String> known) {
    Optional<String> value = requiredText(root, "$", field);
    if (value.isPresent() && !known.contains(value.get())) {
      return problem("$." + field, unknown("submission.unknown-code", value.get(), known, "field", field));
    }
    return value;
  }

  private Optional<String> subtype(JsonNode root, String service) {
    List<String> known = catalogue.subTypesOf(service).stream()
        .map(SubType::code).distinct().toList();
    Optional<String> value = optionalText(root, "$", "subtype");
    if (value.isEmpty() && !known.isEmpty()) {
      return problem("$.subtype", Phrase.of("submission.needs-subtype", "service", service, "known",
          String.join(", ", new TreeSet<>(known))));
    }
    if (value.isPresent() && !known.contains(value.get())) {
      return problem("$.subtype", known.isEmpty() ? Phrase.of("submission.no-subtypes", "service", service)
          : unknown("submission.unknown-subtype", value.get(), known, "service", service));
    }
    return value;
  }

  /** The stage of a multi-stage service: required when the service (or sub-type) has stages, refused otherwise. */
  private Optional<String> stage(JsonNode root, String service, Optional<String> subtype) {
    List<String> known = catalogue.stagesOf(service).stream()
        .filter(s -> s.subtype().isEmpty() || s.subtype().equals(subtype))
        .map(kz.talap.model.Stage::code).distinct().toList();
    Optional<String> value = optionalText(root, "$", "stage");
    if (value.isEmpty() && !known.isEmpty()) {
      return problem("$.stage", Phrase.of("submission.needs-stage", "service", service, "known",
          String.join(", ", known)));
    }
    if (value.isPresent() && !known.contains(value.get())) {
      return problem("$.stage", known.isEmpty() ? Phrase.of("submission.no-stages", "service", service)
          : unknown("submission.unknown-stage", value.get(), known));
    }
    return value;
  }

  private Optional<LocalDateTime> submittedAt(JsonNode root) {
    Optional<String> value = requiredText(root, "$", "submitted_at");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get();
    LocalDateTime at;
    try {
      if (text.length() == 16 && isoDate(text) && text.charAt(10) == 'T' && digits(text, 11, 13)
          && text.charAt(13) == ':' && digits(text, 14, 16)) {
        // The usual YYYY-MM-DDTHH:MM, read without a formatter; anything else goes the general way.
        at = LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10), number(text, 11, 13),
            number(text, 14, 16));
      } else if (!ISO_DATE.matcher(text).lookingAt()) {
        throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
      } else {
        at = text.length() > 19 && (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$"))
            ? OffsetDateTime.parse(text).atZoneSameInstant(ALMATY).toLocalDateTime()
            : LocalDateTime.parse(text);
      }
    } catch (DateTimeParseException e) {
      return problem("$.submitted_at", Phrase.of("submission.bad-date-time", "got", Quoted.of(text)));
    } catch (java.time.DateTimeException e) {
      if (text.length() == 16) {
        // No such day or time (2026-02-30T10:00, 25:00), found without a formatter.
        return problem("$.submitted_at", "expected a date-time YYYY-MM-DDTHH:MM (Asia/Almaty), got "
            + Quoted.of(text));
      }
      at = LocalDateTime.MAX; // the time zone moves it past the last day a date-time can have
    }
    if (at.toLocalDate().isBefore(FIRST_DAY) || at.toLocalDate().isAfter(LAST_DAY)) {
      return problem("$.submitted_at", Phrase.of("submission.date-time-out-of-range", "from", FIRST_DAY.toString(),
          "to", LAST_DAY.toString(), "got", Quoted.of(text)));
    }
    return Optional.of(at);
  }

  private Map<String, Object> facts(JsonNode root, Optional<String> service, Optional<String> subtype,
      Optional<String> stage, Optional<LocalDate> day) {
    Map<String, Object> facts = new LinkedHashMap<>();
    JsonNode node = root.get("facts");
    Map<String, Fact> declared = reader.declared;
    if (node != null && !node.isObject()) {
      problem("$.facts", Phrase.of("submission.expected-facts", "got", kind(node)));
      return facts;
    }
    if (node != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String path = "$.facts." + Quoted.inner(entry.getKey());
        Fact fact = declared.get(entry.getKey());
        if (fact == null) {
          problem(path, unknown("submission.unknown-fact", entry.getKey(), declared.keySet()));
        } else if (fact.derivedFrom().isPresent()) {
          problem(path, Phrase.of("submission.derived-fact", "name", fact.name(), "from", fact.derivedFrom().get()));
        } else {
          fact(fact, entry.getValue(), path).ifPresent(v -> facts.put(fact.name(), v));
        }
      }
    }
    Set<String> needed = service.isPresent() ? reader.needed(service.get(), subtype, stage) : reader.required;
    for (String name : needed) {
      if (!facts.containsKey(name) && (node == null || !node.has(name))) {
        kz.talap.model.Text label = declared.get(name).label();
        problem("$.facts", Phrase.of("submission.missing-fact", "name", name, "label",
            Map.of("kk", label.kk(), "ru", label.ru(), "en", label.en())));
      }
    }
    if (facts.get("birth_date") instanceof LocalDate birth && day.isPresent() && birth.isAfter(day.get())) {
      problem("$.facts.birth_date", Phrase.of("submission.born-after", "date", birth.toString(), "day",
          day.get().toString()));
    }
    return facts;
  }

  /** Facts that the service's conditions read and that have no default (yes/no facts default to false). */
  private static Set<String> conditionFacts(Catalogue catalogue, String service, Optional<String> subtype,
      Optional<String> stage, Map<String, Fact> declared) {
    Set<String> needed = new TreeSet<>();
    for (String name : readFacts(catalogue, service, subtype, stage)) {
      Fact fact = declared.get(name);
      if (fact == null) {
        continue; // a country-group list, not a fact
      }
      needed.add(fact.derivedFrom().orElse(name));
      if (fact.type() == FactType.BOOL) {
        needed.remove(name);
      }
    }
    return needed;
  }

  /**
   * The facts to ask about an applicant for a service, sub-type and stage, in the order the catalogue declares them:
   * the required facts and every fact its conditions and deadlines read (a derived fact as the fact it comes from).
   */
  public static List<Fact> asked(Catalogue catalogue, String service, Optional<String> subtype,
      Optional<String> stage) {
    Set<String> names = new TreeSet<>();
    Map<String, Fact> declared = new LinkedHashMap<>();
    catalogue.facts().forEach(f -> declared.put(f.name(), f));
    declared.values().stream().filter(Fact::required).forEach(f -> names.add(f.name()));
    for (String name : readFacts(catalogue, service, subtype, stage)) {
      Fact fact = declared.get(name);
      if (fact != null) {
        names.add(fact.derivedFrom().orElse(name));
      }
    }
    return declared.values().stream().filter(f -> names.contains(f.name()) && f.derivedFrom().isEmpty()).toList();
  }

  private static Set<String> readFacts(Catalogue catalogue, String service, Optional<String> subtype,
      Optional<String> stage) {
    Set<String> used = new TreeSet<>();
    catalogue.serviceVersions(service)
        .forEach(s -> s.eligibility().ifPresent(c -> used.addAll(c.facts())));
    catalogue.subTypesOf(service)
        .forEach(s -> s.eligibility().ifPresent(c -> used.addAll(c.facts())));
    catalogue.categoriesOf(service)
        .forEach(c -> used.addAll(c.condition().facts()));
    catalogue.requirementsOf(service)
        .forEach(r -> r.condition().ifPresent(c -> used.addAll(c.facts())));
    catalogue.termsOf(service).stream()
        .filter(t -> t.subtype().isEmpty() || t.subtype().equals(subtype))
        .filter(t -> t.stage().isEmpty() || t.stage().equals(stage))
        .forEach(t -> t.countedFrom().ifPresent(used::add));
    return used;
  }

  private Optional<Object> fact(Fact fact, JsonNode value, String path) {
    switch (fact.type()) {
      case BOOL -> {
        if (!value.isBoolean()) {
          return problem(path, Phrase.of("submission.expected-bool", "got", kind(value)));
        }
        return Optional.of(value.booleanValue());
      }
      case INT -> {
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()
            || Math.abs(value.longValue()) > MAX_INT_FACT) {
          return problem(path, Phrase.of("submission.expected-whole-number", "max", MAX_INT_FACT, "got",
              kind(value)));
        }
        return Optional.of(value.longValue());
      }
      case TEXT -> {
        if (!value.isTextual()) {
          return problem(path, Phrase.of("submission.expected-text", "got", kind(value)));
        }
        if (!fact.allowedValues().isEmpty() && !fact.allowedValues().contains(value.textValue())) {
          Optional<Phrase> near = Nearest.suggestion(value.textValue(), fact.allowedValues());
          String allowed = String.join(", ", fact.allowedValues());
          return problem(path, near.isPresent()
              ? Phrase.of("submission.not-allowed-near", "value", Quoted.inner(value.textValue()), "near", near.get(),
                  "allowed", allowed)
              : Phrase.of("submission.not-allowed", "value", Quoted.inner(value.textValue()), "allowed", allowed));
        }
        return Optional.of(value.textValue());
      }
      case COUNTRY -> {
        return country(value, path).map(c -> (Object) c);
      }
      case DATE -> {
        return date(value, path).map(d -> (Object) d);
      }
    }
    throw new AssertionError(fact.type());
  }

  private Optional<String> country(JsonNode value, String path) {
    if (!value.isTextual() || !COUNTRIES.contains(value.textValue())) {
      return problem(path, Phrase.of("submission.expected-country", "stateless", STATELESS, "got", kind(value)));
    }
    return Optional.of(value.textValue());
  }

  private PresentedDocument document(JsonNode node, String path, Optional<LocalDateTime> at) {
    if (!node.isObject()) {
      problem(path, Phrase.of("submission.expected-document", "got", kind(node)));
      return null;
    }
    fields(node, path, DOCUMENT);
    Optional<String> code = requiredText(node, path, "code");
    if (code.isPresent() && catalogue.document(code.get()).isEmpty()) {
      List<String> known = catalogue.documents().stream().map(Document::code).sorted().toList();
      Optional<Phrase> near = Nearest.suggestion(code.get(), known);
      problem(path + ".code", near.isPresent()
          ? Phrase.of("submission.unknown-document-near", "code", Quoted.inner(code.get()), "near", near.get())
          : known.size() <= 12
              ? Phrase.of("submission.unknown-document-known", "code", Quoted.inner(code.get()), "known",
                  String.join(", ", known))
              : Phrase.of("submission.unknown-document", "code", Quoted.inner(code.get())));
    }
    Optional<LocalDate> issued = optionalDate(node, path, "issued_on");
    Optional<LocalDate> until = optionalDate(node, path, "valid_until");
    if (issued.isPresent() && at.isPresent() && issued.get().isAfter(at.get().toLocalDate())) {
      problem(path + ".issued_on", Phrase.of("submission.issued-after", "date", issued.get().toString(), "day",
          at.get().toLocalDate().toString()));
    }
    if (issued.isPresent() && until.isPresent() && until.get().isBefore(issued.get())) {
      problem(path + ".valid_until", Phrase.of("submission.valid-before-issued", "date", until.get().toString(),
          "issued", issued.get().toString()));
    }
    Optional<String> language = optionalText(node, path, "language").map(l -> l.toLowerCase(Locale.ROOT));
    if (language.isPresent() && !LANGUAGE.matcher(language.get()).matches()) {
      problem(path + ".language", Phrase.of("submission.expected-language", "got", Quoted.of(language.get())));
    }
    Optional<String> issuedIn = node.has("issued_in") ? country(node.get("issued_in"), path + ".issued_in")
        : Optional.empty();
    Optional<Issuer> issuer = Optional.empty();
    if (node.has("issuer")) {
      JsonNode value = node.get("issuer");
      if (value.isTextual() && (value.textValue().equals("authority") || value.textValue().equals("private"))) {
        issuer = Optional.of(Issuer.valueOf(value.textValue().toUpperCase(Locale.ROOT)));
      } else {
        problem(path + ".issuer", Phrase.of("submission.expected-issuer", "got", kind(value)));
      }
    }
    return new PresentedDocument(code.orElse(""), issued, until, language,
        bool(node, path, "notarised_translation"), issuedIn, bool(node, path, "legalised"),
        bool(node, path, "apostille"), issuer, bool(node, path, "original_shown"));
  }

  private Payment payment(JsonNode node, String path) {
    if (!node.isObject()) {
      problem(path, Phrase.of("submission.expected-payment", "got", kind(node)));
      return null;
    }
    fields(node, path, PAYMENT);
    JsonNode amount = node.get("amount_kzt");
    BigDecimal kzt = BigDecimal.ZERO;
    if (amount == null) {
      problem(path, Phrase.of("submission.missing-field", "field", "amount_kzt"));
    } else if (!amount.isNumber() || amount.decimalValue().signum() <= 0
        || amount.decimalValue().compareTo(MAX_AMOUNT) > 0 || amount.decimalValue().scale() > 2) {
      problem(path + ".amount_kzt", Phrase.of("submission.expected-amount", "max", MAX_AMOUNT.toPlainString(),
          "got", kind(amount)));
    } else {
      kzt = amount.decimalValue();
    }
    Optional<LocalDate> paidOn = node.has("paid_on") ? date(node.get("paid_on"), path + ".paid_on")
        : problem(path, Phrase.of("submission.missing-field", "field", "paid_on"));
    boolean mciFees = catalogue.hasFeeIn(MoneyUnit.MCI);
    if (paidOn.isPresent() && mciFees && catalogue.parameter(Checker.MCI, paidOn.get()).isEmpty()) {
      problem(path + ".paid_on", Phrase.of("submission.no-mci", "date", paidOn.get().toString()));
    }
    return new Payment(kzt, paidOn.orElse(LocalDate.MIN));
  }

  private <T> List<T> list(JsonNode root, String field, ItemReader<T> reader) {
    JsonNode node = root.get(field);
    List<T> items = new ArrayList<>();
    if (node == null) {
      return items;
    }
    if (!node.isArray()) {
      problem("$." + field, Phrase.of("submission.expected-list", "got", kind(node)));
      return items;
    }
    for (int i = 0; i < node.size(); i++) {
      T item = reader.read(node.get(i), "$." + field + "[" + i + "]");
      if (item != null) {
        items.add(item);
      }
    }
    return items;
  }

  private interface ItemReader<T> {
    T read(JsonNode node, String path);
  }

  private void fields(JsonNode node, String path, List<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        Optional<Phrase> near = Nearest.suggestion(name, allowed);
        problem(path, near.isPresent()
            ? Phrase.of("submission.unknown-field-near", "name", Quoted.inner(name), "near", near.get(), "allowed",
                String.join(", ", allowed))
            : Phrase.of("submission.unknown-field", "name", Quoted.inner(name), "allowed", String.join(", ", allowed)));
      }
    }
  }

  private Optional<String> requiredText(JsonNode node, String path, String field) {
    if (!node.has(field) || node.get(field).isNull()) {
      return problem(path, Phrase.of("submission.missing-field", "field", field));
    }
    return optionalText(node, path, field);
  }

  private Optional<String> optionalText(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.textValue().isBlank()) {
      return problem(path + "." + field, Phrase.of("submission.expected-text", "got", kind(value)));
    }
    return Optional.of(value.textValue().strip());
  }

  private Optional<LocalDate> optionalDate(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : date(value, path + "." + field);
  }

  private Optional<LocalDate> date(JsonNode value, String path) {
    String text = value.isTextual() ? value.textValue() : "";
    if (text.length() == 10 && isoDate(text)) {
      try {
        LocalDate day = LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
        if (!day.isBefore(FIRST_DAY)) {
          return Optional.of(day);
        }
        return problem(path, Phrase.of("submission.date-out-of-range", "from", FIRST_DAY.toString(), "to",
            LAST_DAY.toString(), "got", kind(value)));
      } catch (java.time.DateTimeException e) {
        // no such day (2026-02-30): reported below
      }
    }
    return problem(path, Phrase.of("submission.bad-date", "got", kind(value)));
  }

  /** Whether a text starts with YYYY-MM-DD (ASCII digits). */
  private static boolean isoDate(String text) {
    return text.length() >= 10 && digits(text, 0, 4) && text.charAt(4) == '-' && digits(text, 5, 7)
        && text.charAt(7) == '-' && digits(text, 8, 10);
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The number written in ASCII digits from {@code from} to {@code to} (checked by {@link #digits}). */
  private static int number(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (text.charAt(i) - '0');
    }
    return n;
  }

  private boolean bool(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      problem(path + "." + field, Phrase.of("submission.expected-bool", "got", kind(value)));
      return false;
    }
    return value.booleanValue();
  }

  private <T> Optional<T> problem(String path, String message) {
    problems.add(new Problem(0, 0, path, message));
    return Optional.empty();
  }

  private <T> Optional<T> problem(String path, Phrase phrase) {
    problems.add(new Problem(0, 0, path, phrase));
    return Optional.empty();
  }

  /** "unknown … 'X'" with the nearest known codes, or the known codes when none is near. */
  private static Phrase unknown(String key, String value, Collection<String> known, Object... more) {
    Optional<Phrase> near = Nearest.suggestion(value, known);
    Object[] args = new Object[more.length + 4];
    System.arraycopy(more, 0, args, 0, more.length);
    args[more.length] = "value";
    args[more.length + 1] = Quoted.inner(value);
    args[more.length + 2] = near.isPresent() ? "near" : "known";
    args[more.length + 3] = near.isPresent() ? near.get() : String.join(", ", new TreeSet<>(known));
    return Phrase.of(near.isPresent() ? key + "-near" : key, args);
  }

  /** How a JSON value looks, for messages: the text in quotes, or the kind of value. */
  /** What a JSON value is, as a message names it: the value itself, or "a list" or "an object" in words. */
  private static Object kind(JsonNode node) {
    if (node.isTextual()) {
      String text = node.textValue();
      return Quoted.of(text);
    }
    if (node.isNumber() || node.isBoolean() || node.isNull()) {
      return node.toString();
    }
    return Phrase.of(node.isArray() ? "json.list" : "json.object");
  }

  private static Set<String> countries() {
    Set<String> codes = new TreeSet<>(Set.of(Locale.getISOCountries()));
    codes.add(STATELESS);
    return Set.copyOf(codes);
  }

}

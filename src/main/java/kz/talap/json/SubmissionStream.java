package kz.talap.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.talap.check.Checker;
import kz.talap.check.Submission;
import kz.talap.check.Submission.Payment;
import kz.talap.check.Submission.PresentedDocument;
import kz.talap.model.Enums.Issuer;
import kz.talap.model.Enums.MoneyUnit;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.Recipient;
import kz.talap.model.Fact;
import kz.talap.model.SubType;

/**
 * The fast way to read a submission: straight from the parser's tokens into the submission, without a tree. It
 * reads only what it can vouch for — a submission the tree reader of {@link SubmissionJson} would accept without a
 * single problem, read to the same value — and gives up ({@code null}) at the first thing out of the ordinary: an
 * unknown or duplicate field, a JSON {@code null}, a wrong type, a number with a fraction, a date-time with seconds
 * or an offset, a code the catalogue does not know, a missing fact. The tree reader then reads the submission again
 * and names every problem exactly as before, so what a user sees never depends on which way was taken. Most
 * submissions of a batch are well-formed, and for them reading costs about half of building a tree.
 */
final class SubmissionStream {
  private final SubmissionJson.Reader reader;
  /** Every code a well-formed submission may give, and the words of the format. */
  private final Codes codes;
  private final Names top = new Names(SubmissionJson.TOP);
  private final Names document = new Names(SubmissionJson.DOCUMENT);
  private final Names payment = new Names(SubmissionJson.PAYMENT);
  private final Names factNames;
  private JsonParser json;

  SubmissionStream(SubmissionJson.Reader reader) {
    this.reader = reader;
    Catalogue catalogue = reader.catalogue();
    List<String> known = new ArrayList<>(List.of(SubmissionJson.FORMAT, "INDIVIDUAL", "LEGAL_ENTITY", "authority",
        "private"));
    known.addAll(reader.services);
    known.addAll(reader.channels);
    catalogue.subTypes().forEach(t -> known.add(t.code()));
    catalogue.stages().forEach(t -> known.add(t.code()));
    catalogue.documents().forEach(d -> known.add(d.code()));
    catalogue.facts().forEach(f -> known.addAll(f.allowedValues()));
    known.addAll(SubmissionJson.COUNTRIES);
    codes = new Codes(known);
    factNames = new Names(List.copyOf(reader.declared.keySet()));
  }

  /** The submission, or null when the tree reader must read it (a problem, or anything unusual). */
  Submission read(String text) {
    try {
      return read(SubmissionJson.parser(text));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** {@link #read(String)} of UTF-8 text given as bytes (well-formed UTF-8, without a byte-order mark). */
  Submission read(byte[] text, int offset, int length) {
    try {
      return read(SubmissionJson.parser(text, offset, length));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private Submission read(JsonParser opened) {
    try (JsonParser parser = opened) {
      json = parser;
      Submission submission = submission();
      // One value per input: anything after it is the tree reader's to report.
      return submission != null && json.nextToken() == null ? submission : null;
    } catch (IOException | RuntimeException e) {
      return null; // malformed JSON, a duplicate field, a number out of range: reported by the tree reader
    } finally {
      json = null;
    }
  }

  private Submission submission() throws IOException {
    if (json.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    String id = null;
    String service = null;
    String subtype = null;
    String stage = null;
    String channel = null;
    Recipient recipient = Recipient.INDIVIDUAL;
    LocalDateTime at = null;
    Map<String, Object> facts = null;
    List<PresentedDocument> documents = List.of();
    List<Payment> payments = List.of();
    Names fields = top;
    int[] seen = fields.start();
    for (String field = field(fields, seen); field != null; field = field(fields, seen)) {
      if (field == DUPLICATE) {
        return null;
      }
      JsonToken token = json.nextToken();
      boolean read = switch (field) {
        case "format" -> SubmissionJson.FORMAT.equals(code(token));
        case "id" -> (id = text(token)) != null;
        case "service" -> (service = code(token)) != null;
        case "subtype" -> (subtype = code(token)) != null;
        case "stage" -> (stage = code(token)) != null;
        case "channel" -> (channel = code(token)) != null;
        case "recipient" -> (recipient = recipient(token)) != null;
        case "submitted_at" -> (at = dateTime(token)) != null;
        case "facts" -> token == JsonToken.START_OBJECT && (facts = facts()) != null;
        case "documents" -> token == JsonToken.START_ARRAY && (documents = items(this::document)) != null;
        case "payments" -> token == JsonToken.START_ARRAY && (payments = items(this::payment)) != null;
        default -> false;
      };
      if (!read) {
        return null;
      }
    }
    if (service == null || channel == null || at == null || !reader.services.contains(service)
        || !reader.channels.contains(channel)) {
      return null;
    }
    Optional<String> sub = Optional.ofNullable(subtype);
    Optional<String> stg = Optional.ofNullable(stage);
    if (!known(subtype, reader.catalogue().subTypesOf(service).stream().map(SubType::code).toList())
        || !known(stage, reader.catalogue().stagesOf(service).stream()
            .filter(s -> s.subtype().isEmpty() || s.subtype().equals(sub)).map(kz.talap.model.Stage::code).toList())) {
      return null;
    }
    Map<String, Object> given = facts == null ? Map.of() : facts;
    for (String name : reader.needed(service, sub, stg)) {
      if (!given.containsKey(name)) {
        return null;
      }
    }
    LocalDate day = at.toLocalDate();
    if (given.get("birth_date") instanceof LocalDate birth && birth.isAfter(day)) {
      return null;
    }
    for (PresentedDocument document : documents) {
      if (document.issuedOn().isPresent() && document.issuedOn().get().isAfter(day)) {
        return null;
      }
    }
    if (reader.mciFee(service, sub) && reader.catalogue().parameter(Checker.MCI, day).isEmpty()) {
      return null;
    }
    return new Submission(Optional.ofNullable(id), service, sub, stg, channel, recipient, at, given, documents,
        payments);
  }

  /** What {@link #field} gives for a field that comes twice in one object (the tree reader reports it). */
  private static final String DUPLICATE = new String("duplicate");

  /**
   * The next field of an object, null at its end, or {@link #DUPLICATE} when it came before: the parser does not
   * look for duplicates, so the reader does, by a bit per known field ({@code seen[0]}). An unknown field is returned
   * as it is (and then refused). {@code seen[1]} is the field before, whose successor last time is tried first.
   */
  private String field(Names fields, int[] seen) throws IOException {
    int index = fields.next(json, seen[1]);
    if (index < 0) {
      return index == Names.END ? null : json.currentName();
    }
    if ((seen[0] & (1 << index)) != 0) {
      return DUPLICATE;
    }
    seen[0] |= 1 << index;
    seen[1] = index;
    return fields.names.get(index);
  }

  /**
   * The field names of one kind of object, and the order they came in last time. Systems write their fields in one
   * order, so the name after the last one is usually the one that followed it before: the parser compares the
   * input's characters with that name's and, when they match, makes no string and looks nothing up in its table of
   * names (which took a seventh of reading a batch). Anything else is read as before.
   */
  static final class Names {
    /** What {@link #next} gives at the end of the object, and for a name not in the list. */
    static final int END = -1;
    static final int UNKNOWN = -2;
    final List<String> names;
    private final com.fasterxml.jackson.core.io.SerializedString[] quoted;
    /** after[i]: the index of the name that followed name i last time, or -1; after[size] for the first name. */
    private final int[] after;

    Names(List<String> names) {
      this.names = names;
      quoted = new com.fasterxml.jackson.core.io.SerializedString[names.size()];
      for (int i = 0; i < quoted.length; i++) {
        quoted[i] = new com.fasterxml.jackson.core.io.SerializedString(names.get(i));
      }
      after = new int[names.size() + 1];
      java.util.Arrays.fill(after, -1);
    }

    /** {seen fields, the field before: none yet} for {@link SubmissionStream#field}. */
    int[] start() {
      return new int[] {0, names.size()};
    }

    /** The position before the first name, for {@link #next}. */
    int first() {
      return names.size();
    }

    /**
     * Moves the parser to the next token, which ends the object or names a field; returns the field's index,
     * {@link #END} at the end of the object, or {@link #UNKNOWN} for a name not in the list (the parser's current
     * name). {@code previous} is the index of the field before, or {@link #first()}.
     */
    int next(JsonParser json, int previous) throws IOException {
      int guess = after[previous];
      if (guess >= 0 && json.nextFieldName(quoted[guess])) {
        return guess;
      }
      String name = guess >= 0 ? (json.currentToken() == JsonToken.FIELD_NAME ? json.currentName() : null)
          : json.nextFieldName();
      if (name == null) {
        return END;
      }
      int index = names.indexOf(name);
      if (index < 0) {
        return UNKNOWN;
      }
      after[previous] = index;
      return index;
    }
  }

  /** A sub-type or stage: given exactly when the service has some, and then one of them. */
  private static boolean known(String value, List<String> known) {
    return value == null ? known.isEmpty() : known.contains(value);
  }

  private Recipient recipient(JsonToken token) throws IOException {
    String value = code(token);
    return "INDIVIDUAL".equals(value) ? Recipient.INDIVIDUAL
        : "LEGAL_ENTITY".equals(value) ? Recipient.LEGAL_ENTITY : null;
  }

  /**
   * A code the catalogue knows (or another word of the format), as the catalogue's own string; null for anything
   * else. A code with spaces around it is looked up as the tree reader reads it (stripped).
   */
  private String code(JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      return null;
    }
    char[] text = json.getTextCharacters();
    int offset = json.getTextOffset();
    int length = json.getTextLength();
    if (length > 0 && (Character.isWhitespace(text[offset]) || Character.isWhitespace(text[offset + length - 1]))) {
      String stripped = json.getText().strip();
      return codes.find(stripped.toCharArray(), 0, stripped.length());
    }
    return codes.find(text, offset, length);
  }

  /** A text value that is not blank, as the tree reader keeps it (stripped); null for anything else. */
  private String text(JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      return null;
    }
    String value = json.getText();
    return value.isBlank() ? null : value.strip();
  }

  /** The usual YYYY-MM-DDTHH:MM only; seconds, offsets and anything else go the tree reader's way. */
  private LocalDateTime dateTime(JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING || json.getTextLength() != 16) {
      return null;
    }
    char[] text = json.getTextCharacters();
    int at = json.getTextOffset();
    if (!isoDate(text, at) || text[at + 10] != 'T' || text[at + 13] != ':') {
      return null;
    }
    int hour = number(text, at + 11, 2);
    int minute = number(text, at + 14, 2);
    if (hour < 0 || minute < 0) {
      return null;
    }
    try {
      LocalDateTime time = LocalDateTime.of(number(text, at, 4), number(text, at + 5, 2), number(text, at + 8, 2),
          hour, minute);
      return time.toLocalDate().isBefore(SubmissionJson.FIRST_DAY) ? null : time;
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** A date YYYY-MM-DD from 1900-01-01 on; null otherwise. */
  private LocalDate date(JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING || json.getTextLength() != 10) {
      return null;
    }
    char[] text = json.getTextCharacters();
    int at = json.getTextOffset();
    if (!isoDate(text, at)) {
      return null;
    }
    try {
      LocalDate day = LocalDate.of(number(text, at, 4), number(text, at + 5, 2), number(text, at + 8, 2));
      return day.isBefore(SubmissionJson.FIRST_DAY) ? null : day;
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Whether the characters from {@code at} start with YYYY-MM-DD in ASCII digits. */
  private static boolean isoDate(char[] text, int at) {
    return number(text, at, 4) >= 0 && text[at + 4] == '-' && number(text, at + 5, 2) >= 0 && text[at + 7] == '-'
        && number(text, at + 8, 2) >= 0;
  }

  /** The number written in {@code length} ASCII digits from {@code at}, or -1 if one of them is not a digit. */
  private static int number(char[] text, int at, int length) {
    int n = 0;
    for (int i = at; i < at + length; i++) {
      char c = text[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private String country(JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      return null;
    }
    String value = codes.find(json.getTextCharacters(), json.getTextOffset(), json.getTextLength());
    return value != null && SubmissionJson.COUNTRIES.contains(value) ? value : null;
  }

  private Map<String, Object> facts() throws IOException {
    Map<String, Object> facts = new HashMap<>();
    for (int index = factNames.next(json, factNames.first()); index != Names.END;
        index = factNames.next(json, index)) {
      if (index == Names.UNKNOWN) {
        return null; // not a declared fact: the tree reader reports it
      }
      String name = factNames.names.get(index);
      JsonToken token = json.nextToken();
      Fact fact = reader.declared.get(name);
      if (fact == null || fact.derivedFrom().isPresent()) {
        return null;
      }
      Object value = switch (fact.type()) {
        case BOOL -> token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE
            : null;
        case INT -> wholeNumber(token);
        case TEXT -> token != JsonToken.VALUE_STRING ? null : fact.allowedValues().isEmpty() ? json.getText()
            : allowed(fact);
        case COUNTRY -> country(token);
        case DATE -> date(token);
      };
      if (value == null) {
        return null;
      }
      if (facts.put(name, value) != null) {
        return null; // a fact given twice: the tree reader reports it
      }
    }
    return facts;
  }

  /** A value of a fact with allowed values, exactly as written (not stripped), or null. */
  private String allowed(Fact fact) throws IOException {
    String value = codes.find(json.getTextCharacters(), json.getTextOffset(), json.getTextLength());
    return value != null && fact.allowedValues().contains(value) ? value : null;
  }

  private Long wholeNumber(JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT || json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      return null;
    }
    long value = json.getLongValue();
    return Math.abs(value) > SubmissionJson.MAX_INT_FACT ? null : value;
  }

  /** An object read from the parser's tokens, or null to give up. */
  private interface Item<T> {
    T read() throws IOException;
  }

  /** The objects of a list, each read by {@code item}; null if one is not an object or is refused. */
  private <T> List<T> items(Item<T> item) throws IOException {
    List<T> items = new ArrayList<>();
    for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
      T one = token == JsonToken.START_OBJECT ? item.read() : null;
      if (one == null) {
        return null;
      }
      items.add(one);
    }
    return items;
  }

  private PresentedDocument document() throws IOException {
    String code = null;
    LocalDate issued = null;
    LocalDate until = null;
    String language = null;
    String issuedIn = null;
    Issuer issuer = null;
    boolean translation = false;
    boolean legalised = false;
    boolean apostille = false;
    boolean original = false;
    Names fields = document;
    int[] seen = fields.start();
    for (String field = field(fields, seen); field != null; field = field(fields, seen)) {
      if (field == DUPLICATE) {
        return null;
      }
      JsonToken token = json.nextToken();
      boolean ok = switch (field) {
        case "code" -> (code = code(token)) != null;
        case "issued_on" -> (issued = date(token)) != null;
        case "valid_until" -> (until = date(token)) != null;
        case "language" -> (language = language(token)) != null;
        case "issued_in" -> (issuedIn = country(token)) != null;
        case "issuer" -> (issuer = issuer(token)) != null;
        case "notarised_translation" -> {
          translation = token == JsonToken.VALUE_TRUE;
          yield isBool(token);
        }
        case "legalised" -> {
          legalised = token == JsonToken.VALUE_TRUE;
          yield isBool(token);
        }
        case "apostille" -> {
          apostille = token == JsonToken.VALUE_TRUE;
          yield isBool(token);
        }
        case "original_shown" -> {
          original = token == JsonToken.VALUE_TRUE;
          yield isBool(token);
        }
        default -> false;
      };
      if (!ok) {
        return null;
      }
    }
    if (code == null || reader.catalogue().document(code).isEmpty()
        || (issued != null && until != null && until.isBefore(issued))) {
      return null;
    }
    return new PresentedDocument(code, Optional.ofNullable(issued), Optional.ofNullable(until),
        Optional.ofNullable(language), translation, Optional.ofNullable(issuedIn), legalised, apostille,
        Optional.ofNullable(issuer), original);
  }

  private static boolean isBool(JsonToken token) {
    return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
  }

  /** A language code of two or three letters, lower-cased as the tree reader keeps it. */
  private String language(JsonToken token) throws IOException {
    String value = text(token);
    if (value == null) {
      return null;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.length() < 2 || lower.length() > 3) {
      return null;
    }
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) < 'a' || lower.charAt(i) > 'z') {
        return null;
      }
    }
    return lower;
  }

  private Issuer issuer(JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      return null;
    }
    String value = codes.find(json.getTextCharacters(), json.getTextOffset(), json.getTextLength());
    if (value == null) {
      return null;
    }
    return value.equals("authority") ? Issuer.AUTHORITY : value.equals("private") ? Issuer.PRIVATE : null;
  }

  /** A payment whose amount is a whole number of tenge (amounts with a fraction go the tree reader's way). */
  private Payment payment() throws IOException {
    BigDecimal amount = null;
    LocalDate paidOn = null;
    Names fields = payment;
    int[] seen = fields.start();
    for (String field = field(fields, seen); field != null; field = field(fields, seen)) {
      if (field == DUPLICATE) {
        return null;
      }
      JsonToken token = json.nextToken();
      if (field.equals("amount_kzt") && token == JsonToken.VALUE_NUMBER_INT
          && json.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
        long value = json.getLongValue();
        amount = value > 0 && value <= SubmissionJson.MAX_AMOUNT.longValueExact() ? BigDecimal.valueOf(value) : null;
      } else if (field.equals("paid_on")) {
        paidOn = date(token);
      } else {
        return null;
      }
      if ((field.equals("amount_kzt") ? amount : paidOn) == null) {
        return null;
      }
    }
    if (amount == null || paidOn == null
        || (reader.catalogue().hasFeeIn(MoneyUnit.MCI)
            && reader.catalogue().parameter(Checker.MCI, paidOn).isEmpty())) {
      return null;
    }
    return new Payment(amount, paidOn);
  }
}

package kz.talap.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.talap.calendar.DueDate;
import kz.talap.check.CheckResult;
import kz.talap.check.Finding;
import kz.talap.check.Submission;
import kz.talap.model.Language;
import kz.talap.model.Text;

/**
 * Writes check results as one JSON document (format {@value #FORMAT}), streaming, so a batch of any size needs little
 * memory. Field order is fixed and nothing depends on the clock, so the output is deterministic.
 */
public final class CheckJson implements AutoCloseable {
  /** The version of the report format. */
  public static final String FORMAT = "talap-check/1";

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final SerializedString SEVERITY = new SerializedString("severity");
  private static final SerializedString KIND = new SerializedString("kind");
  private static final SerializedString SUBJECT = new SerializedString("subject");
  private static final SerializedString DOCUMENT = new SerializedString("document");
  private static final SerializedString CITATION = new SerializedString("citation");
  private static final SerializedString MESSAGE = new SerializedString("message");
  private static final SerializedString[] LANGUAGES = java.util.Arrays.stream(Language.values())
      .map(l -> new SerializedString(l.code())).toArray(SerializedString[]::new);
  private static final SerializedString[] SEVERITIES = java.util.Arrays.stream(Finding.Severity.values())
      .map(v -> new SerializedString(v.name().toLowerCase(java.util.Locale.ROOT))).toArray(SerializedString[]::new);
  private static final SerializedString[] KINDS = java.util.Arrays.stream(Finding.Kind.values())
      .map(v -> new SerializedString(v.name())).toArray(SerializedString[]::new);
  /**
   * How many texts a report keeps encoded: the shipped catalogue cites a few hundred; past the bound (a national
   * catalogue, or texts joined for one finding) the rest are encoded each time, so a report's memory stays small.
   */
  private static final int MAX_ENCODED = 4_096;
  private final Map<Text, SerializedString[]> encoded = new IdentityHashMap<>();
  private final Map<Text, Text> dueCitations = new IdentityHashMap<>();
  private final JsonGenerator json;
  private final boolean lines;
  private Optional<Language> language = Optional.empty();
  /** The one language of messages and citations, or empty for all three. */
  private final Optional<Language> only;
  /** The languages messages and citations are given in: all three, or the one of {@link #only}. */
  private final Language[] asked;

  /** Starts a report on {@code out}. */
  public CheckJson(Writer out, String catalogueVersion) throws IOException {
    this(out, catalogueVersion, false);
  }

  /** Starts a report written as UTF-8 to {@code out}, which is not closed with the report. */
  public CheckJson(OutputStream out, String catalogueVersion) throws IOException {
    this(FACTORY.createGenerator(out, JsonEncoding.UTF8), catalogueVersion, false);
  }

  private CheckJson(Writer out, String catalogueVersion, boolean lines) throws IOException {
    this(FACTORY.createGenerator(out), catalogueVersion, lines);
  }

  private CheckJson(JsonGenerator generator, String catalogueVersion, boolean lines) throws IOException {
    this(generator, catalogueVersion, lines, new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n")), Optional.empty());
  }

  private CheckJson(JsonGenerator generator, String catalogueVersion, boolean lines, PrettyPrinter layout,
      Optional<Language> only) throws IOException {
    this.lines = lines;
    this.only = only;
    this.asked = only.map(l -> new Language[] {l}).orElse(Language.values());
    json = generator;
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    if (lines) {
      json.setRootValueSeparator(null);
      return;
    }
    json.setPrettyPrinter(layout);
    json.writeStartObject();
    json.writeStringField("format", FORMAT);
    json.writeStringField("catalogue_version", catalogueVersion);
    if (only.isPresent()) {
      json.writeStringField("language", only.get().code());
    }
    json.writeArrayFieldStart("results");
  }

  /**
   * Starts JSON Lines output on {@code out}: each {@link #result} or {@link #invalid} is one line holding the object
   * a report would list under {@code results}; there is no summary.
   */
  public static CheckJson lines(Writer out) throws IOException {
    return new CheckJson(out, "", true);
  }

  /**
   * Starts a batch report on {@code out} (UTF-8, not closed with the report): the same document, laid out with one
   * result per line and no indentation, so a batch of 100,000 submissions is not mostly spaces and can still be read
   * (and grepped) a submission at a time.
   */
  public static CheckJson batch(OutputStream out, String catalogueVersion, Optional<Language> only)
      throws IOException {
    return new CheckJson(FACTORY.createGenerator(out, JsonEncoding.UTF8), catalogueVersion, false,
        new ResultPerLine(), only);
  }

  /**
   * {@link #batch(OutputStream, String, Optional)} on a character stream. With {@code only}, messages and citations
   * are given in that language alone: each stays an object, holding that language's field ({@code {"en": "..."}}),
   * so a reader of the three-language report reads this one unchanged; the report says which in {@code language}.
   */
  public static CheckJson batch(Writer out, String catalogueVersion, Optional<Language> only) throws IOException {
    return new CheckJson(FACTORY.createGenerator(out), catalogueVersion, false, new ResultPerLine(), only);
  }

  /** Also gives each finding's message as {@code text} in one language. */
  public CheckJson in(Language language) {
    this.language = Optional.of(language);
    return this;
  }

  /** One checked submission. */
  public void result(String source, CheckResult result) throws IOException {
    Submission submission = result.submission();
    json.writeStartObject();
    json.writeStringField("source", source);
    if (submission.id().isPresent()) {
      json.writeStringField("id", submission.id().get());
    }
    json.writeStringField("service", submission.service());
    if (submission.subtype().isPresent()) {
      json.writeStringField("subtype", submission.subtype().get());
    }
    if (submission.stage().isPresent()) {
      json.writeStringField("stage", submission.stage().get());
    }
    json.writeStringField("channel", submission.channel());
    json.writeStringField("recipient", submission.recipient().name());
    json.writeStringField("submitted_at", submission.submittedAt().toString());
    json.writeStringField("verdict", result.verdict().name().toLowerCase(java.util.Locale.ROOT));
    json.writeStringField("applicant_set", result.applicantSet());
    if (result.due().isPresent()) {
      due(result.due().get());
    }
    json.writeArrayFieldStart("findings");
    for (Finding finding : result.findings()) {
      json.writeStartObject();
      json.writeFieldName(SEVERITY);
      json.writeString(SEVERITIES[finding.severity().ordinal()]);
      json.writeFieldName(KIND);
      json.writeString(KINDS[finding.kind().ordinal()]);
      if (finding.subject().isPresent()) {
        json.writeFieldName(SUBJECT);
        json.writeString(finding.subject().get());
      }
      if (finding.document().isPresent()) {
        json.writeFieldName(DOCUMENT);
        json.writeString(finding.document().get());
      }
      json.writeFieldName(CITATION);
      catalogueText(finding.citation());
      json.writeFieldName(MESSAGE);
      languages(finding::message);
      if (language.isPresent()) {
        json.writeStringField("text", finding.message(language.get()));
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    endLine();
  }

  private void endLine() throws IOException {
    if (lines) {
      json.writeRaw('\n');
      json.flush();
    }
  }

  private void due(DueDate due) throws IOException {
    json.writeObjectFieldStart("due");
    json.writeStringField("term", due.term().code());
    json.writeNumberField("amount", due.term().amount());
    json.writeStringField("unit", due.term().unit().name());
    json.writeStringField("received", due.received().toString());
    json.writeStringField("date", due.due().toString());
    if (!due.received().equals(due.submitted().toLocalDate())) {
      json.writeFieldName("received_citation");
      languages(due.receivedCitation()::in);
    }
    // The term's citation and the counting rules: made once per term, then written like a catalogue text.
    Text citation = dueCitations.computeIfAbsent(due.term().citation(),
        c -> c.and(DueDate.COUNTING_CITATION, "; "));
    json.writeFieldName(CITATION);
    catalogueText(citation);
    json.writeEndObject();
  }

  /**
   * A text of the catalogue (a citation) as an object of its languages. A batch cites the same few hundred texts
   * again and again, so each is encoded once, the first time, and its bytes copied after that.
   */
  private void catalogueText(Text text) throws IOException {
    SerializedString[] languages = encoded.get(text);
    if (languages == null) {
      languages = new SerializedString[Language.values().length];
      for (Language each : Language.values()) {
        languages[each.ordinal()] = new SerializedString(text.in(each));
      }
      if (encoded.size() < MAX_ENCODED) {
        encoded.put(text, languages);
      }
    }
    json.writeStartObject();
    for (Language each : asked) {
      json.writeFieldName(LANGUAGES[each.ordinal()]);
      json.writeString(languages[each.ordinal()]);
    }
    json.writeEndObject();
  }

  /** An object of the languages asked for, each said by {@code said} (only those languages are rendered). */
  private void languages(java.util.function.Function<Language, String> said) throws IOException {
    json.writeStartObject();
    for (Language each : asked) {
      json.writeFieldName(LANGUAGES[each.ordinal()]);
      json.writeString(said.apply(each));
    }
    json.writeEndObject();
  }

  /** A submission that could not be checked because of input errors. */
  public void invalid(String source, List<String> problems) throws IOException {
    json.writeStartObject();
    json.writeStringField("source", source);
    json.writeStringField("verdict", "input_error");
    json.writeArrayFieldStart("input_errors");
    for (String problem : problems) {
      json.writeString(problem);
    }
    json.writeEndArray();
    json.writeEndObject();
    endLine();
  }

  /** Ends the results and writes the summary. */
  public void finish(int total, int complete, int incomplete, int notAccepted, int invalid) throws IOException {
    json.writeEndArray();
    json.writeObjectFieldStart("summary");
    json.writeNumberField("total", total);
    json.writeNumberField("complete", complete);
    json.writeNumberField("incomplete", incomplete);
    json.writeNumberField("not_accepted", notAccepted);
    json.writeNumberField("input_errors", invalid);
    json.writeEndObject();
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }

  /**
   * Reads a report with a streaming parser and writes every token again to nowhere, as bare Jackson would: the floor
   * the benchmark compares the writing of a report with. Returns the number of tokens.
   */
  public static long copyOnly(java.nio.file.Path report) throws IOException {
    long tokens = 0;
    try (com.fasterxml.jackson.core.JsonParser parser = FACTORY.createParser(report.toFile());
        JsonGenerator copy = FACTORY.createGenerator(OutputStream.nullOutputStream(), JsonEncoding.UTF8)) {
      while (parser.nextToken() != null) {
        copy.copyCurrentEvent(parser);
        tokens++;
      }
    }
    return tokens;
  }

  @Override
  public void close() throws IOException {
    json.close();
  }

  /**
   * The batch layout: no spaces, a line break before each result and before the end of the results, nothing else.
   * The results array is the only array whose parent is the document's root object.
   */
  private static final class ResultPerLine extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    ResultPerLine() {
      super("");
    }

    private static boolean results(JsonGenerator g) {
      JsonStreamContext array = g.getOutputContext();
      return array.inArray() && array.getParent() != null && array.getParent().getParent() != null
          && array.getParent().getParent().inRoot();
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      if (results(g)) {
        g.writeRaw('\n');
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(results(g) ? ",\n" : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      g.writeRaw(results(g) && values > 0 ? "\n]" : "]");
    }
  }

}

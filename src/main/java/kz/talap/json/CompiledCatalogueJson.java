package kz.talap.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kz.talap.compile.CompileResult;
import kz.talap.condition.Condition;
import kz.talap.condition.ConditionCompiler;
import kz.talap.model.Catalogue;
import kz.talap.model.CountryGroupMember;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Fact;
import kz.talap.source.Diagnostic;
import kz.talap.source.Phrase;

/**
 * A compiled catalogue with its diagnostics as compact JSON, so that a command can load it instead of compiling the
 * workbooks again: every version of every row, conditions as their source (compiled again on load against the facts,
 * which come first in the file). Not a published format; the cache that keeps these files checks their integrity.
 */
public final class CompiledCatalogueJson {
  /** The version of this form; a file of another version is not read. */
  public static final String FORMAT = "talap-compiled/3";
  private static final String CONDITIONS = "conditions";
  private static final ObjectMapper MAPPER = mapper();

  private CompiledCatalogueJson() {}

  /** A condition as stored: its source and what was found in it when it compiled. */
  record StoredCondition(String source, String where, byte[] checked, List<String> facts, List<Long> integers,
      List<String> strings) {}

  /** The first fields of the file, read before the catalogue so that its conditions can be compiled. */
  record Head(String format, List<Fact> facts, List<String> lists, List<Diagnostic> diagnostics) {}

  private static ObjectMapper mapper() {
    SimpleModule talap = new SimpleModule("talap-compiled");
    talap.addSerializer(Condition.class, new StdSerializer<>(Condition.class) {
      @Override
      public void serialize(Condition value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("source", value.source());
        gen.writeStringField("where", value.where());
        gen.writeBinaryField("checked", value.checkedExpression());
        provider.defaultSerializeField("facts", value.facts().stream().sorted().toList(), gen);
        provider.defaultSerializeField("integers", value.integerLiterals(), gen);
        provider.defaultSerializeField("strings", value.stringLiterals(), gen);
        gen.writeEndObject();
      }
    });
    talap.addDeserializer(Condition.class, new StdDeserializer<>(Condition.class) {
      @Override
      public Condition deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        ConditionCompiler compiler = (ConditionCompiler) ctxt.getAttribute(CONDITIONS);
        StoredCondition stored = ctxt.readValue(p, StoredCondition.class);
        return compiler.compiled(stored.source(), stored.where() == null ? "" : stored.where(), stored.checked(),
            new TreeSet<>(stored.facts()),
            new TreeSet<>(stored.integers()), new TreeSet<>(stored.strings()));
      }
    });
    talap.addSerializer(LocalTime.class, new StdSerializer<>(LocalTime.class) {
      @Override
      public void serialize(LocalTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        // LocalTime.MAX (24:00, midnight at the end of a day) must come back exactly.
        gen.writeString(value.toString());
      }
    });
    talap.addDeserializer(LocalTime.class, new StdDeserializer<>(LocalTime.class) {
      @Override
      public LocalTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return LocalTime.parse(p.getValueAsString());
      }
    });
    talap.addSerializer(MonthDay.class, new StdSerializer<>(MonthDay.class) {
      @Override
      public void serialize(MonthDay value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.toString());
      }
    });
    talap.addDeserializer(MonthDay.class, new StdDeserializer<>(MonthDay.class) {
      @Override
      public MonthDay deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return MonthDay.parse(p.getValueAsString());
      }
    });
    // A diagnostic's phrase keeps its key and arguments, so a cached warning is said in the reader's language too.
    talap.addSerializer(Phrase.class, new StdSerializer<>(Phrase.class) {
      @Override
      public void serialize(Phrase value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        writePhrase(value, gen);
      }
    });
    talap.addDeserializer(Phrase.class, new StdDeserializer<>(Phrase.class) {
      @Override
      public Phrase deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return readPhrase(p.readValueAsTree());
      }
    });
    talap.setMixInAnnotation(Catalogue.class, CatalogueJson.WithoutIndex.class);
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(talap)
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        // Empty optionals are written as null so that they read back as empty, never as a missing (null) field.
        .serializationInclusion(JsonInclude.Include.ALWAYS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  private static void writePhrase(Phrase phrase, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("key", phrase.key());
    gen.writeObjectFieldStart("args");
    for (Map.Entry<String, Object> arg : phrase.args().entrySet()) {
      gen.writeFieldName(arg.getKey());
      if (arg.getValue() instanceof Phrase inner) {
        writePhrase(inner, gen);
      } else {
        gen.writeString(String.valueOf(arg.getValue()));
      }
    }
    gen.writeEndObject();
    gen.writeEndObject();
  }

  private static Phrase readPhrase(com.fasterxml.jackson.core.TreeNode tree) throws IOException {
    if (!(tree instanceof com.fasterxml.jackson.databind.JsonNode node) || !node.path("key").isTextual()) {
      throw new IOException("not a phrase");
    }
    Map<String, Object> args = new LinkedHashMap<>();
    var fields = node.path("args").fields();
    while (fields.hasNext()) {
      var field = fields.next();
      args.put(field.getKey(), field.getValue().isObject() ? readPhrase(field.getValue()) : field.getValue().asText());
    }
    return new Phrase(node.get("key").asText(), args);
  }

  /** The file's bytes for a compiled catalogue (present) and its diagnostics. */
  public static byte[] write(CompileResult result) throws IOException {
    Catalogue catalogue = result.catalogue().orElseThrow();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator gen = MAPPER.getFactory().createGenerator(bytes)) {
      gen.writeStartObject();
      gen.writeFieldName("head");
      MAPPER.writeValue(gen, new Head(FORMAT, catalogue.facts(), lists(catalogue), result.diagnostics()));
      gen.writeFieldName("catalogue");
      MAPPER.writeValue(gen, catalogue);
      gen.writeEndObject();
    }
    return bytes.toByteArray();
  }

  /** Reads what {@link #write} wrote; empty for a file of another format or one that does not read back whole. */
  public static Optional<CompileResult> read(byte[] bytes) {
    try (JsonParser parser = MAPPER.getFactory().createParser(bytes)) {
      expect(parser.nextToken() == JsonToken.START_OBJECT && "head".equals(parser.nextFieldName()));
      parser.nextToken();
      Head head = MAPPER.readValue(parser, Head.class);
      expect(FORMAT.equals(head.format()) && "catalogue".equals(parser.nextFieldName()));
      parser.nextToken();
      Map<String, FactType> types = new LinkedHashMap<>();
      head.facts().forEach(f -> types.put(f.name(), f.type()));
      Catalogue catalogue = MAPPER.readerFor(Catalogue.class)
          .withAttribute(CONDITIONS, new ConditionCompiler(types, new TreeSet<>(head.lists())))
          .readValue(parser);
      expect(parser.nextToken() == JsonToken.END_OBJECT && parser.nextToken() == null);
      return Optional.of(new CompileResult(Optional.of(catalogue), head.diagnostics()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void expect(boolean shape) throws IOException {
    if (!shape) {
      throw new IOException("not a compiled catalogue");
    }
  }

  /** The country-group names conditions see as lists, as the compiler declared them. */
  private static List<String> lists(Catalogue catalogue) {
    Set<String> lists = new TreeSet<>();
    for (CountryGroupMember member : catalogue.countryGroups()) {
      lists.add(member.group().toLowerCase(Locale.ROOT));
    }
    return new ArrayList<>(lists);
  }
}

package kz.talap.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import kz.talap.condition.Condition;
import kz.talap.model.Catalogue;
import kz.talap.source.AtomicFile;

/** Writes the compiled catalogue as JSON: deterministic (fixed order, no timestamps) and atomic. */
public final class CatalogueJson {
  /** The version of the JSON format; bump it when a field changes meaning. */
  public static final String FORMAT = "talap-catalogue/1";

  private static final ObjectMapper MAPPER = mapper();

  private CatalogueJson() {}

  /** The top level of the JSON file. */
  record Envelope(String format, LocalDate asOf, Catalogue catalogue) {}

  /** The catalogue's index is derived from its tables and is not part of the file. */
  @JsonIgnoreProperties("index")
  abstract static class WithoutIndex {}

  static ObjectMapper mapper() {
    SimpleModule talap = new SimpleModule("talap");
    talap.addSerializer(Condition.class, new StdSerializer<>(Condition.class) {
      @Override
      public void serialize(Condition value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.source());
      }
    });
    talap.addSerializer(LocalTime.class, new StdSerializer<>(LocalTime.class) {
      @Override
      public void serialize(LocalTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.equals(LocalTime.MAX) ? "24:00" : value.toString());
      }
    });
    talap.addSerializer(MonthDay.class, new StdSerializer<>(MonthDay.class) {
      @Override
      public void serialize(MonthDay value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.toString().substring(2));
      }
    });
    talap.setMixInAnnotation(Catalogue.class, WithoutIndex.class);
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(talap)
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .build();
  }

  /** The JSON text of the catalogue as of a date, ending with a newline. */
  public static String toJson(Catalogue catalogue, LocalDate asOf) {
    Envelope document = new Envelope(FORMAT, asOf, catalogue);
    try {
      return MAPPER.writer(printer()).writeValueAsString(document) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise the catalogue", e);
    }
  }

  /** Writes the JSON to {@code target} through a temporary file in the same folder, then moves it in place. */
  public static void write(Catalogue catalogue, LocalDate asOf, Path target) throws IOException {
    // Streamed to the file: a national catalogue's JSON is too large to hold as one string in a small heap.
    AtomicFile.write(target, out -> {
      MAPPER.writer(printer()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .writeValue(out, new Envelope(FORMAT, asOf, catalogue));
      out.write('\n');
    });
  }

  private static DefaultPrettyPrinter printer() {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    return printer;
  }

  static void writeAtomically(Path target, String text) throws IOException {
    AtomicFile.write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

}

package kz.talap.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Optional;
import kz.talap.diff.CatalogueDiff;
import kz.talap.diff.Change;
import kz.talap.model.Text;

/**
 * Writes the changes between two catalogues as JSON (format {@value #FORMAT}): fixed field order, every field always
 * present ({@code null} when empty), nothing from the clock, so the same catalogues give the same bytes.
 */
public final class DiffJson {
  /** The version of the format; bump it when a field changes meaning. */
  public static final String FORMAT = "talap-diff/1";

  private DiffJson() {}

  /** The JSON text, ending with a newline; {@code oldSource} and {@code newSource} name the catalogues compared. */
  public static String toJson(CatalogueDiff diff, String oldSource, String newSource) {
    StringWriter text = new StringWriter();
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    pretty.indentArraysWith(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.setPrettyPrinter(pretty);
      json.writeStartObject();
      json.writeStringField("format", FORMAT);
      catalogue(json, "old", oldSource, diff.oldVersion());
      catalogue(json, "new", newSource, diff.newVersion());
      json.writeArrayFieldStart("changes");
      for (Change change : diff.changes()) {
        change(json, change);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("summary");
      json.writeNumberField("changes", diff.changes().size());
      for (Change.Kind kind : Change.Kind.values()) {
        json.writeNumberField(kind.name().toLowerCase(Locale.ROOT), diff.count(kind));
      }
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON to memory", e);
    }
    return text + "\n";
  }

  private static void catalogue(JsonGenerator json, String name, String source, String version) throws IOException {
    json.writeObjectFieldStart(name);
    json.writeStringField("source", source);
    json.writeStringField("version", version);
    json.writeEndObject();
  }

  private static void change(JsonGenerator json, Change change) throws IOException {
    json.writeStartObject();
    json.writeStringField("table", change.table());
    json.writeStringField("code", change.code());
    optional(json, "version", change.versionLabel());
    optional(json, "service", change.service());
    optional(json, "subtype", change.subtype());
    json.writeStringField("change", change.kind().name().toLowerCase(Locale.ROOT));
    text(json, "title", change.title());
    json.writeArrayFieldStart("fields");
    for (Change.Field field : change.fields()) {
      json.writeStartObject();
      json.writeStringField("field", field.field());
      optional(json, "old", Optional.of(field.before()).filter(s -> !s.isEmpty()));
      optional(json, "new", Optional.of(field.after()).filter(s -> !s.isEmpty()));
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("with");
    for (Change.Row row : change.with()) {
      json.writeStartObject();
      json.writeStringField("table", row.table());
      json.writeStringField("code", row.code());
      text(json, "title", row.title());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void optional(JsonGenerator json, String field, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      json.writeStringField(field, value.get());
    } else {
      json.writeNullField(field);
    }
  }

  private static void text(JsonGenerator json, String field, Text text) throws IOException {
    if (text.blank()) {
      json.writeNullField(field);
      return;
    }
    json.writeObjectFieldStart(field);
    json.writeStringField("kk", text.kk());
    json.writeStringField("ru", text.ru());
    json.writeStringField("en", text.en());
    json.writeEndObject();
  }
}

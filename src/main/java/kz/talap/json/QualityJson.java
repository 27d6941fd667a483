package kz.talap.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import kz.talap.model.Language;
import kz.talap.quality.QualityReport;
import kz.talap.quality.QualityReport.Completeness;
import kz.talap.quality.QualityReport.Finding;
import kz.talap.quality.QualityReport.Level;

/** Writes a quality report as JSON (format {@value #FORMAT}): fixed field order, no clock, so deterministic. */
public final class QualityJson {
  /** The version of the report format. */
  public static final String FORMAT = "talap-quality/1";

  private QualityJson() {}

  public static String write(QualityReport report) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
      json.writeStartObject();
      json.writeStringField("format", FORMAT);
      json.writeStringField("catalogue_version", report.catalogueVersion());
      json.writeStringField("as_of", report.asOf().toString());
      json.writeArrayFieldStart("completeness");
      for (Completeness table : report.completeness()) {
        completeness(json, table);
      }
      json.writeEndArray();
      json.writeFieldName("total");
      completeness(json, report.total());
      json.writeArrayFieldStart("findings");
      for (Finding finding : report.findings()) {
        json.writeStartObject();
        json.writeStringField("level", finding.level().label());
        json.writeStringField("code", finding.code());
        place(json, finding.where());
        json.writeStringField("message", finding.message());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("editor_notes");
      for (kz.talap.quality.QualityReport.EditorNote note : report.editorNotes()) {
        json.writeStartObject();
        place(json, note.where());
        json.writeStringField("note", note.note());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("summary");
      json.writeNumberField("warnings", report.count(Level.WARNING));
      json.writeNumberField("notes", report.count(Level.INFO));
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string cannot fail", e);
    }
    return out + "\n";
  }

  /** Where a finding or note is: file, sheet and cell. */
  private static void place(JsonGenerator json, kz.talap.source.CellRef where) throws IOException {
    json.writeStringField("file", where.file());
    json.writeStringField("sheet", where.sheet());
    json.writeStringField("cell", where.address());
  }

  private static void completeness(JsonGenerator json, Completeness table) throws IOException {
    json.writeStartObject();
    json.writeStringField("table", table.table());
    json.writeNumberField("texts", table.texts());
    json.writeObjectFieldStart("filled");
    for (Language language : Language.values()) {
      json.writeNumberField(language.code(), table.filled(language));
    }
    json.writeEndObject();
    json.writeObjectFieldStart("percent");
    for (Language language : Language.values()) {
      json.writeNumberField(language.code(), table.percent(language));
    }
    json.writeEndObject();
    json.writeEndObject();
  }
}

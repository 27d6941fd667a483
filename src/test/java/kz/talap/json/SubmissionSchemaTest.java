package kz.talap.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.model.Catalogue;
import kz.talap.workbook.WorkbookReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SubmissionSchemaTest {
  static Catalogue catalogue;
  static Schema schema;

  @BeforeAll
  static void compile() {
    catalogue = CatalogueCompiler.compile(WorkbookReader.read(List.of(Path.of("catalogue"))),
        LocalDate.of(2026, 11, 21), true).catalogue().orElseThrow();
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SubmissionSchema.of(catalogue), InputFormat.JSON);
  }

  @Test
  void schema_acceptsEveryExample() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("catalogue/examples"))) {
      List<Path> examples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertEquals(34, examples.size());
      for (Path example : examples) {
        List<Error> errors = schema.validate(Files.readString(example), InputFormat.JSON);
        assertEquals(List.of(), errors, example.toString());
      }
    }
  }

  @Test
  void schema_rejectsUnknownCodesAndFacts() {
    List<Error> errors = schema.validate("""
        {"service": "PRP", "subtype": "TRP_WORK", "channel": "POST", "submitted_at": "2026-04-02T10:00",
         "facts": {"citizenship": "Uzbekistan", "birth_date": "1980-01-01", "pet": true},
         "documents": [{"code": "PASPORT"}]}
        """, InputFormat.JSON);
    List<String> where = errors.stream().map(e -> e.getInstanceLocation().toString()).sorted().toList();
    // "" is the root: PRP has no sub-types, so "subtype" must be absent.
    assertEquals(List.of("", "/channel", "/documents/0/code", "/facts", "/facts/citizenship"), where);
    assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("pet")), errors.toString());
  }

  @Test
  void schema_enumeratesDocumentsAndRequiredFacts() {
    String text = SubmissionSchema.of(catalogue);
    assertTrue(text.contains("\"PRP_STATE_DUTY_RECEIPT\""), text);
    assertTrue(text.contains("\"required\" : [ \"birth_date\", \"citizenship\" ]")
        || text.contains("\"required\" : [ \"citizenship\", \"birth_date\" ]"), text);
    assertTrue(text.contains("\"turned_16_in_kz\" : {"), text);
  }
}

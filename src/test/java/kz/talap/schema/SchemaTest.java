package kz.talap.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaTest {
  @Test
  void docs_describeEveryTableAndColumn() throws IOException {
    String doc = Files.readString(Path.of("docs/workbook-format.md"));
    for (Table table : Schema.tables()) {
      assertTrue(doc.contains("### " + table.name() + "\n"), "docs/workbook-format.md lacks table " + table.name());
      for (Column column : table.columns()) {
        assertTrue(doc.contains("| `" + column.name() + "` |"),
            "docs/workbook-format.md lacks column " + table.name() + "." + column.name());
      }
    }
  }

  /** The "kind" of every column in the generated tables is its type as the header comments give it. */
  @Test
  void docs_giveEveryColumnItsTypeAsTheHeaderCommentsDo() throws IOException {
    String doc = Files.readString(Path.of("docs/workbook-format.md"));
    for (Table table : Schema.tables()) {
      int start = doc.indexOf("### " + table.name() + "\n");
      int end = doc.indexOf("\n### ", start + 1);
      String section = doc.substring(start, end < 0 ? doc.length() : end);
      for (Column column : table.columns()) {
        String row = "| `" + column.name() + "` | " + column.typeName() + " | " + (column.required() ? "yes" : "")
            + " |";
        assertTrue(section.contains(row), "docs/workbook-format.md, table " + table.name() + ": expected " + row);
      }
    }
  }

  @Test
  void headerComment_saysMeaningTypeRequiredAndExample() {
    Table fees = Schema.require("Fees");
    assertEquals("Amount; 0 = free.\nType: decimal >= 0.\nRequired.\nExample: 4",
        Schema.headerComment(fees, fees.column("amount").orElseThrow()));
    Table parameters = Schema.require("Parameters");
    assertEquals("Value in force for the period.\nType: decimal > 0.\nRequired.\nExample: 4325",
        Schema.headerComment(parameters, parameters.column("amount").orElseThrow()));
    Table requirements = Schema.require("Requirements");
    assertEquals("The sub-type; empty = all sub-types of the service.\nType: reference → SubTypes.\nOptional.\n"
        + "Example: TRP_WORK", Schema.headerComment(requirements, requirements.column("subtype").orElseThrow()));
  }

  @Test
  void tables_haveUniqueColumnsKeysAndExamples() {
    for (Table table : Schema.tables()) {
      Set<String> names = new HashSet<>();
      table.columns().forEach(c -> assertTrue(names.add(c.name()), table.name() + "." + c.name() + " repeats"));
      table.key().forEach(k -> assertTrue(names.contains(k), table.name() + " key " + k));
      table.example().keySet().forEach(k -> assertTrue(names.contains(k), table.name() + " example " + k));
      table.columns().stream().filter(c -> c.kind() == Column.Kind.REFERENCE)
          .forEach(c -> assertTrue(Schema.table(c.references().orElseThrow()).isPresent(), c.name()));
    }
  }

  @Test
  void translatedColumns_comeInThreeLanguages() {
    Column nameKk = Schema.require("Documents").column("name_kk").orElseThrow();
    assertEquals("name", nameKk.baseName());
    assertEquals("Name of the document (Kazakh)", nameKk.comment());
  }
}

package kz.talap.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.compile.CompileResult;
import kz.talap.json.CatalogueJson;
import kz.talap.model.Catalogue;
import kz.talap.condition.Condition;
import kz.talap.workbook.WorkbookReader;
import org.junit.jupiter.api.Test;

class CatalogueBinaryTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

  /** Values for every fact the shipped conditions read: once all no or zero, once a typical applicant. */
  private static final Map<String, Object> FACTS_NO = values(false, 0L, "");
  private static final Map<String, Object> FACTS_YES = values(true, 30L, "UZ");

  private static Map<String, Object> values(boolean yes, long number, String text) {
    Map<String, Object> values = new java.util.HashMap<>() {
      @Override
      public Object get(Object name) {
        Object value = super.get(name);
        return value != null ? value : List.of(text);
      }
    };
    shipped().catalogue().orElseThrow().facts().forEach(f -> values.put(f.name(), switch (f.type()) {
      case BOOL -> yes;
      case INT -> number;
      default -> f.allowedValues().isEmpty() ? text : f.allowedValues().get(yes ? f.allowedValues().size() - 1 : 0);
    }));
    return values;
  }

  private static CompileResult shipped() {
    return CatalogueCompiler.compile(WorkbookReader.read(List.of(Path.of("catalogue"))), AS_OF, true);
  }

  @Test
  void read_whatWriteWrote_givesTheSameCatalogueAndDiagnostics() throws IOException {
    CompileResult compiled = shipped();
    Catalogue catalogue = compiled.catalogue().orElseThrow();

    CompileResult loaded = CatalogueBinary.read(CatalogueBinary.write(compiled)).orElseThrow();

    assertEquals(catalogue, loaded.catalogue().orElseThrow());
    assertEquals(compiled.diagnostics(), loaded.diagnostics());
    assertEquals(CatalogueJson.toJson(catalogue.at(AS_OF), AS_OF),
        CatalogueJson.toJson(loaded.catalogue().get().at(AS_OF), AS_OF));
  }

  @Test
  void read_warnings_keepTheirPhraseSoTheyAreSaidInEveryLanguage() throws IOException {
    CompileResult compiled = shipped();
    kz.talap.source.Phrase inner = kz.talap.source.Phrase.of("plain", "text", "inner");
    kz.talap.source.Diagnostic warning = new kz.talap.source.Diagnostic(kz.talap.source.Diagnostic.Severity.WARNING,
        "TEST", kz.talap.source.CellRef.cell("residence.xlsx", "Requirements", 14, 7),
        kz.talap.source.Phrase.of("submission.bad-date", "got", inner, "count", 3, "big", 5_000_000_000L,
            "names", Map.of("kk", "а", "ru", "б", "en", "c")));
    CompileResult withWarning = new CompileResult(compiled.catalogue(), List.of(warning));

    CompileResult loaded = CatalogueBinary.read(CatalogueBinary.write(withWarning)).orElseThrow();

    assertEquals(List.of(warning), loaded.diagnostics());
    for (String language : kz.talap.source.Phrase.LANGUAGES) {
      assertEquals(warning.message(language), loaded.diagnostics().get(0).message(language));
    }
  }

  @Test
  void read_conditions_evaluateAsCompiledAndNameTheirCells() throws IOException {
    Catalogue catalogue = shipped().catalogue().orElseThrow();
    Catalogue loaded = CatalogueBinary.read(CatalogueBinary.write(new CompileResult(Optional.of(catalogue),
        List.of()))).orElseThrow().catalogue().orElseThrow();
    assertEquals(catalogue.requirements().size(), loaded.requirements().size());
    int conditional = 0;
    for (int i = 0; i < catalogue.requirements().size(); i++) {
      Optional<Condition> original = catalogue.requirements().get(i).condition();
      Optional<Condition> read = loaded.requirements().get(i).condition();
      assertEquals(original.isPresent(), read.isPresent());
      if (original.isEmpty()) {
        continue;
      }
      conditional++;
      assertEquals(original.get().source(), read.get().source());
      assertEquals(original.get().where(), read.get().where());
      assertEquals(original.get().facts(), read.get().facts());
      assertEquals(original.get().integerLiterals(), read.get().integerLiterals());
      assertEquals(original.get().stringLiterals(), read.get().stringLiterals());
      for (Map<String, Object> values : List.of(FACTS_NO, FACTS_YES)) {
        assertEquals(original.get().test(values), read.get().test(values), original.get().source());
      }
    }
    assertTrue(conditional > 3, "the shipped catalogue has conditional requirements: " + conditional);
  }

  @Test
  void read_otherBytes_isEmpty() throws IOException {
    byte[] bytes = CatalogueBinary.write(shipped());

    assertEquals(Optional.empty(), CatalogueBinary.read("{}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Optional.empty(), CatalogueBinary.read(new byte[0]));
    assertEquals(Optional.empty(), CatalogueBinary.read(Arrays.copyOf(bytes, bytes.length - 1)), "truncated");
    assertEquals(Optional.empty(), CatalogueBinary.read(Arrays.copyOf(bytes, bytes.length + 1)), "a byte more");
    byte[] otherFormat = bytes.clone();
    otherFormat[CatalogueBinary.FORMAT.length()] = '0';
    assertEquals(Optional.empty(), CatalogueBinary.read(otherFormat), "another version");
    assertTrue(CatalogueBinary.read(bytes).isPresent());
  }

  @Test
  void read_anyTruncation_isEmptyNeverAnException() throws IOException {
    byte[] bytes = CatalogueBinary.write(shipped());

    for (int length = 0; length < bytes.length; length += Math.max(1, bytes.length / 997)) {
      assertEquals(Optional.empty(), CatalogueBinary.read(Arrays.copyOf(bytes, length)), "length " + length);
    }
  }

  @Test
  void read_sharedStrings_keepTheFileSmall() throws IOException {
    CompileResult compiled = shipped();
    byte[] bytes = CatalogueBinary.write(compiled);
    int json = CatalogueJson.toJson(compiled.catalogue().get().at(AS_OF), AS_OF).getBytes(StandardCharsets.UTF_8)
        .length;

    assertTrue(bytes.length < json, bytes.length + " bytes for every version against " + json
        + " bytes of JSON for one day's rows");
  }
}

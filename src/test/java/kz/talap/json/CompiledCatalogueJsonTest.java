package kz.talap.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.compile.CompileResult;
import kz.talap.model.Catalogue;
import kz.talap.workbook.WorkbookReader;
import org.junit.jupiter.api.Test;

class CompiledCatalogueJsonTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

  @Test
  void read_whatWriteWrote_givesTheSameCatalogueAndDiagnostics() throws IOException {
    CompileResult compiled = CatalogueCompiler.compile(WorkbookReader.read(List.of(Path.of("catalogue"))), AS_OF,
        true);
    Catalogue catalogue = compiled.catalogue().orElseThrow();

    CompileResult loaded = CompiledCatalogueJson.read(CompiledCatalogueJson.write(compiled)).orElseThrow();

    assertEquals(catalogue, loaded.catalogue().orElseThrow());
    assertEquals(compiled.diagnostics(), loaded.diagnostics());
    assertEquals(CatalogueJson.toJson(catalogue.at(AS_OF), AS_OF),
        CatalogueJson.toJson(loaded.catalogue().get().at(AS_OF), AS_OF));
  }

  @Test
  void read_otherBytes_isEmpty() throws IOException {
    CompileResult compiled = CatalogueCompiler.compile(WorkbookReader.read(List.of(Path.of("catalogue"))), AS_OF,
        true);
    byte[] bytes = CompiledCatalogueJson.write(compiled);
    String text = new String(bytes, StandardCharsets.UTF_8);

    assertEquals(Optional.empty(), CompiledCatalogueJson.read("{}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Optional.empty(), CompiledCatalogueJson.read(java.util.Arrays.copyOf(bytes, bytes.length - 1)));
    assertEquals(Optional.empty(), CompiledCatalogueJson.read(
        text.replace(CompiledCatalogueJson.FORMAT, "talap-compiled/0").getBytes(StandardCharsets.UTF_8)));
    assertTrue(CompiledCatalogueJson.read(bytes).isPresent());
  }
}

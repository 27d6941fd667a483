package kz.talap.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.talap.check.CheckResult;
import kz.talap.check.Checker;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.json.JournalJson.Due;
import kz.talap.json.JournalJson.StoredResult;
import kz.talap.model.Catalogue;
import kz.talap.workbook.WorkbookReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stored talap-check/1 document reads back into exactly the findings, verdict and due date that were answered. */
class JournalJsonTest {
  static Catalogue catalogue;

  @BeforeAll
  static void compile() {
    catalogue = CatalogueCompiler.compile(WorkbookReader.read(List.of(Path.of("catalogue"))),
        LocalDate.of(2026, 11, 21), true).catalogue().orElseThrow();
  }

  static CheckResult check(String example) throws Exception {
    String text = Files.readString(Path.of("catalogue/examples", example));
    return new Checker(catalogue).check(SubmissionJson.read(text, catalogue).submission().orElseThrow());
  }

  @Test
  void read_resultOfEveryExample_givesBackWhatWasAnswered() throws Exception {
    try (var files = Files.list(Path.of("catalogue/examples"))) {
      for (Path file : files.sorted().toList()) {
        CheckResult result = check(file.getFileName().toString());
        StoredResult stored = JournalJson.read(JournalJson.result("c-1", result, catalogue.version()));
        assertEquals(result.verdict().name().toLowerCase(Locale.ROOT), stored.verdict(), file.toString());
        assertEquals(result.applicantSet(), stored.applicantSet(), file.toString());
        assertEquals(result.findings(), stored.findings(), file.toString());
        assertEquals(result.due().map(d -> d.due()), stored.dueDate(), file.toString());
      }
    }
  }

  @Test
  void read_trpWorkComplete_keepsTheTermOfTheDueDate() throws Exception {
    StoredResult stored = JournalJson.read(JournalJson.result("c-1", check("trp-work-complete.json"),
        catalogue.version()));
    Due due = stored.due().orElseThrow();
    assertEquals(LocalDate.of(2026, 3, 26), due.date());
    assertEquals(LocalDate.of(2026, 3, 20), due.received());
    assertEquals(1, due.amount());
    assertFalse(due.citation().blank());
    assertEquals(Optional.of(LocalDate.of(2026, 3, 26)), stored.dueDate());
  }

  @Test
  void read_notJson_saysSo() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> JournalJson.read("{\"results\": ["));
    assertEquals("the stored result is not JSON (line 1, column 14)", e.getMessage());
  }
}

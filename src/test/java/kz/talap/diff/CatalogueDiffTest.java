package kz.talap.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.model.Catalogue;
import kz.talap.model.Requirement;
import kz.talap.model.SubType;
import kz.talap.schema.Column;
import kz.talap.schema.Schema;
import kz.talap.schema.Table;
import kz.talap.workbook.WorkbookReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link CatalogueDiff} on the shipped catalogue and copies of its model with rows taken out. */
class CatalogueDiffTest {
  static Catalogue shipped;

  @BeforeAll
  static void compile() {
    shipped = CatalogueCompiler.compile(WorkbookReader.read(List.of(Path.of("catalogue"))), LocalDate.of(2026, 11, 21),
        true).catalogue().orElseThrow();
  }

  @Test
  void between_sameCatalogue_isEmpty() {
    CatalogueDiff diff = CatalogueDiff.between(shipped, shipped);
    assertTrue(diff.isEmpty());
    assertEquals("2026.1", diff.oldVersion());
  }

  @Test
  void rows_everyFieldIsAColumnOfItsTableAndNoKey() {
    for (KeyedRow row : Rows.of(shipped)) {
      Table table = Schema.require(row.table());
      for (String field : row.fields().keySet()) {
        Optional<Column> column = table.column(field);
        assertTrue(column.isPresent(), row.table() + " has no column " + field);
        assertTrue(!table.key().contains(field), field + " is the key of " + row.table());
      }
    }
  }

  @Test
  void between_subTypeRemovedWithItsRequirement_isOneChangeCarryingIt() {
    Catalogue without = new Catalogue(shipped.version(), shipped.channels(), shipped.services(),
        drop(shipped.subTypes(), (SubType s) -> s.code().equals("TRP_STUDY")), shipped.stages(), shipped.documents(),
        shipped.groups(), shipped.categories(),
        drop(shipped.requirements(), (Requirement r) -> r.subtype().equals(Optional.of("TRP_STUDY"))),
        shipped.rules(), shipped.fees(), shipped.terms(), shipped.schedules(), shipped.refusalGrounds(),
        shipped.outages(), shipped.facts(), shipped.countryGroups(), shipped.parameters(), shipped.calendar(),
        shipped.labels());
    CatalogueDiff diff = CatalogueDiff.between(shipped, without);
    assertEquals(1, diff.changes().size(), diff.changes().toString());
    Change change = diff.changes().get(0);
    assertEquals("SubTypes", change.table());
    assertEquals("TRP_STUDY", change.code());
    assertEquals(Change.Kind.REMOVED, change.kind());
    assertEquals(Optional.of("TRP"), change.service());
    assertEquals(Optional.of("TRP_STUDY"), change.subtype());
    assertEquals(List.of("Requirements TRP_REQ_STUDY_PETITION"),
        change.with().stream().map(r -> r.table() + " " + r.code()).toList());
    CatalogueDiff back = CatalogueDiff.between(without, shipped);
    assertEquals(Change.Kind.ADDED, back.changes().get(0).kind());
    assertEquals(change.with(), back.changes().get(0).with());
  }

  private static <T> List<T> drop(List<T> rows, Predicate<T> which) {
    return rows.stream().filter(which.negate()).toList();
  }
}

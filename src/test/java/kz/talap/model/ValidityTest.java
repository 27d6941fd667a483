package kz.talap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidityTest {
  private static Validity of(String from, String to) {
    return new Validity(Optional.ofNullable(from).map(LocalDate::parse), Optional.ofNullable(to).map(LocalDate::parse));
  }

  @Test
  void contains_isInclusiveAtBothEnds() {
    Validity year = of("2026-01-01", "2026-12-31");
    assertTrue(year.contains(LocalDate.parse("2026-01-01")));
    assertTrue(year.contains(LocalDate.parse("2026-12-31")));
    assertFalse(year.contains(LocalDate.parse("2027-01-01")));
    assertFalse(year.contains(LocalDate.parse("2025-12-31")));
  }

  @Test
  void overlaps_adjacentRangesDoNotOverlap() {
    assertFalse(of("2025-01-01", "2025-12-31").overlaps(of("2026-01-01", null)));
    assertTrue(of("2025-01-01", "2026-01-01").overlaps(of("2026-01-01", null)));
    assertTrue(of(null, null).overlaps(of("2026-01-01", "2026-01-01")));
    assertTrue(of(null, "2020-03-31").overlaps(of(null, "2019-01-01")));
  }

  @Test
  void toString_showsOpenEnds() {
    assertEquals("2026-01-01..…", of("2026-01-01", null).toString());
  }
}

package kz.talap.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.model.Catalogue;
import kz.talap.workbook.WorkbookReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The working calendar of the shipped catalogue against the days off the law gives for 2024–2026. */
class WorkingCalendarTest {
  private static WorkingCalendar calendar;

  @BeforeAll
  static void compileShippedCatalogue() {
    Catalogue catalogue = CatalogueCompiler.compile(
        WorkbookReader.read(List.of(Path.of("catalogue"))), LocalDate.parse("2026-11-21"), true)
        .catalogue().orElseThrow();
    calendar = new WorkingCalendar(catalogue.calendar());
  }

  private static LocalDate d(String date) {
    return LocalDate.parse(date);
  }

  @Test
  void nauryz2026_fallsSatToMon_soTuesdayAndWednesdayAreOff() {
    for (String day : List.of("2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-03-25")) {
      assertFalse(calendar.isWorkingDay(d(day)), day);
    }
    assertEquals(Optional.of("NAURYZ_1 (moved from 2026-03-21)"), calendar.reasonOff(d("2026-03-24")));
    assertEquals(Optional.of("NAURYZ_2 (moved from 2026-03-22)"), calendar.reasonOff(d("2026-03-25")));
    assertTrue(calendar.isWorkingDay(d("2026-03-26")));
  }

  @Test
  void womensDay2026_onSunday_movesToMonday() {
    assertFalse(calendar.isWorkingDay(d("2026-03-09")));
    assertTrue(calendar.isWorkingDay(d("2026-03-10")));
  }

  @Test
  void kurbanAit2026_doesNotMove() {
    assertFalse(calendar.isWorkingDay(d("2026-05-27")));
    assertTrue(calendar.isWorkingDay(d("2026-05-28")));
  }

  @Test
  void otherMovedDays2026() {
    for (String day : List.of("2026-05-11", "2026-08-31", "2026-10-26")) {
      assertFalse(calendar.isWorkingDay(d(day)), day);
    }
  }

  @Test
  void orthodoxChristmas_doesNotMove() {
    // 7 January 2024 was a Sunday: a day off, but 8 January stayed a working day (Law "On holidays").
    assertTrue(calendar.isWorkingDay(d("2024-01-08")));
  }

  @Test
  void transfer2025_fridayOffAndSundayWorking() {
    assertFalse(calendar.isWorkingDay(d("2025-01-03")));
    assertTrue(calendar.isWorkingDay(d("2025-01-05")));
  }

  @Test
  void plusWorkingDays_skipsWeekendsAndHolidays() {
    assertEquals(d("2026-03-26"), calendar.plusWorkingDays(d("2026-03-20"), 1));
    assertEquals(d("2026-03-27"), calendar.plusWorkingDays(d("2026-03-20"), 2));
    assertEquals(d("2026-11-24"), calendar.plusWorkingDays(d("2026-11-23"), 1));
  }
}

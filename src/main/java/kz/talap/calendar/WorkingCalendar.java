package kz.talap.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import kz.talap.model.CalendarEntry;
import kz.talap.model.Enums.CalendarKind;

/**
 * Which days are working days: Monday to Friday, less holidays and days off moved by the weekend rule or by government
 * order, plus weekend days made working by order.
 */
public final class WorkingCalendar {
  private final List<CalendarEntry> entries;
  private final Map<Integer, Map<LocalDate, String>> daysOffByYear = new ConcurrentHashMap<>();

  public WorkingCalendar(List<CalendarEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  public boolean isWorkingDay(LocalDate date) {
    return reasonOff(date).isEmpty();
  }

  /** Why a day is not a working day ("weekend", or the code of the holiday or order), or empty for a working day. */
  public Optional<String> reasonOff(LocalDate date) {
    String off = daysOff(date.getYear()).get(date);
    if (off == null) {
      off = daysOff(date.getYear() - 1).get(date);
    }
    if (off != null) {
      return Optional.of(off);
    }
    if (isWeekend(date) && !isExtraWorkingDay(date)) {
      return Optional.of("weekend");
    }
    return Optional.empty();
  }

  /** The first working day strictly after {@code date}. */
  public LocalDate nextWorkingDay(LocalDate date) {
    LocalDate day = date.plusDays(1);
    while (!isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** {@code date} itself if it is a working day, otherwise the next one. */
  public LocalDate onOrAfter(LocalDate date) {
    return isWorkingDay(date) ? date : nextWorkingDay(date);
  }

  /** The n-th working day after {@code date} (n ≥ 1). */
  public LocalDate plusWorkingDays(LocalDate date, int n) {
    LocalDate day = date;
    for (int i = 0; i < n; i++) {
      day = nextWorkingDay(day);
    }
    return day;
  }

  private static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private boolean isExtraWorkingDay(LocalDate date) {
    return entries.stream().anyMatch(e -> e.kind() == CalendarKind.EXTRA_WORKING_DAY
        && e.date().filter(date::equals).isPresent() && e.validity().contains(date));
  }

  /**
   * The days off that year's holidays cause: the holidays themselves, and for each holiday that moves and falls on a
   * weekend, the next day that is neither a weekend, a holiday nor already moved (Labour Code art. 85). Moved days of
   * late-December holidays may fall in the next year.
   */
  private Map<LocalDate, String> daysOff(int year) {
    return daysOffByYear.computeIfAbsent(year, this::computeDaysOff);
  }

  private Map<LocalDate, String> computeDaysOff(int year) {
    Map<LocalDate, String> off = new TreeMap<>();
    Set<LocalDate> moving = new TreeSet<>();
    for (CalendarEntry entry : entries) {
      Optional<LocalDate> day = entry.kind() == CalendarKind.FIXED_HOLIDAY
          ? entry.monthDay().filter(md -> md.isValidYear(year)).map(md -> md.atYear(year))
          : entry.date().filter(d -> d.getYear() == year);
      if (day.isEmpty() || !entry.validity().contains(day.get()) || entry.kind() == CalendarKind.EXTRA_WORKING_DAY) {
        continue;
      }
      off.put(day.get(), entry.code());
      if (entry.movesIfWeekend() && isWeekend(day.get())) {
        moving.add(day.get());
      }
    }
    for (LocalDate holiday : moving) {
      LocalDate day = holiday.plusDays(1);
      while (isWeekend(day) || off.containsKey(day)) {
        day = day.plusDays(1);
      }
      off.put(day, off.get(holiday) + " (moved from " + holiday + ")");
    }
    return off;
  }
}

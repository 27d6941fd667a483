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

  /** The longest run of days off a walk crosses before it gives up: a calendar without working days never ends. */
  public static final int MAX_DAYS_OFF = 366;

  /**
   * The first working day strictly after {@code date}.
   *
   * @throws NoWorkingDay when the next {@value #MAX_DAYS_OFF} days are all off
   */
  public LocalDate nextWorkingDay(LocalDate date) {
    LocalDate day = date.plusDays(1);
    for (int walked = 1; !isWorkingDay(day); walked++) {
      if (walked >= MAX_DAYS_OFF) {
        throw new NoWorkingDay(date.plusDays(1), day);
      }
      day = day.plusDays(1);
    }
    return day;
  }

  /** The first day of a year-long run of days off, or empty when every year of {@code years} has a working day. */
  public Optional<LocalDate> yearWithoutWorkingDay(java.util.Collection<Integer> years) {
    for (int year : new TreeSet<>(years)) {
      try {
        nextWorkingDay(LocalDate.of(year, 1, 1).minusDays(1));
      } catch (NoWorkingDay e) {
        return Optional.of(e.from());
      }
    }
    return Optional.empty();
  }

  /** A walk found no working day: the catalogue's calendar makes every day a weekend, a holiday or a day off. */
  public static final class NoWorkingDay extends RuntimeException {
    private final LocalDate from;

    NoWorkingDay(LocalDate from, LocalDate to) {
      super("the working calendar has no working day from " + from + " to " + to
          + ": every day is a weekend, a holiday or a day moved off (see the Calendar sheet)", null, false, false);
      this.from = from;
    }

    public LocalDate from() {
      return from;
    }
  }

  /** {@code date} itself if it is a working day, otherwise the next one. */
  public LocalDate onOrAfter(LocalDate date) {
    return isWorkingDay(date) ? date : nextWorkingDay(date);
  }

  /** The n-th working day after {@code date} (n ≥ 1); terms are bounded at compile time, so n is small. */
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

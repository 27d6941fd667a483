package kz.talap.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.DaySet;
import kz.talap.model.Enums.SchedulePart;
import kz.talap.model.ScheduleEntry;
import kz.talap.model.Term;
import kz.talap.model.Text;

/**
 * When a term ends: the day the application counts as received, and the last day of the term.
 *
 * @param received the day the application counts as received: the day it was made if the channel accepted it then,
 *     otherwise the next day the channel accepts applications
 * @param receivedCitation the schedule that decides the day received (shown when it is not the day of submission)
 * @param due the last day of the term; a term that would end on a day off ends on the next working day
 */
public record DueDate(Term term, LocalDateTime submitted, LocalDate received, Text receivedCitation, LocalDate due) {

  /** Civil Code of the Republic of Kazakhstan: a term starts the day after the event and ends on a working day. */
  public static final Text COUNTING_CITATION = new Text(
      "Қазақстан Республикасының Азаматтық кодексі (Жалпы бөлім), 176-178-баптар",
      "Гражданский кодекс Республики Казахстан (Общая часть), статьи 176-178",
      "Civil Code of the Republic of Kazakhstan (General Part), arts. 176-178");

  /** The provider's office; the portal's requests after its working hours are processed on the next working day. */
  public static final String PROVIDER = "PROVIDER";

  /** No channel is closed for longer than this; a schedule that never opens is reported instead of searched. */
  private static final int MAX_SEARCH_DAYS = 366;

  /**
   * Computes the due date of a term for an application made through {@code channel} at {@code submitted} (Asia/Almaty
   * time).
   *
   * @throws IllegalArgumentException if the term is measured in minutes or hours (it has no due date)
   */
  public static DueDate of(Term term, LocalDateTime submitted, Catalogue catalogue, String channel,
      WorkingCalendar calendar) {
    Receipt receipt = receipt(catalogue, channel, submitted, calendar);
    LocalDate received = receipt.day();
    LocalDate due = switch (term.unit()) {
      case WORKING_DAYS -> calendar.plusWorkingDays(received, term.amount());
      case CALENDAR_DAYS -> calendar.onOrAfter(received.plusDays(term.amount()));
      case MONTHS -> calendar.onOrAfter(received.plusMonths(term.amount()));
      case YEARS -> calendar.onOrAfter(received.plusYears(term.amount()));
      case MINUTES, HOURS -> throw new IllegalArgumentException(
          "term " + term.code() + " is measured in " + term.unit().name().toLowerCase(java.util.Locale.ROOT)
              + " and has no due date");
    };
    return new DueDate(term, submitted, received, receipt.citation(), due);
  }

  /** The day an application counts as received, and the schedule rows that decide it. */
  public record Receipt(LocalDate day, Text citation) {}

  /**
   * The day an application made through a channel at a moment counts as received. A channel accepts on the days and
   * until the hours of its reception (or duty) rows, else of its working hours: the provider until 17:30 on working
   * days; the State Corporation until 20:00 on working days and 9:00-13:00 on Saturdays in its duty departments
   * (Order No. 992, Annex 1-1 and Annex 3, item 7). A channel open round the clock (the portal) counts requests after
   * the provider's working hours, on days off and holidays from the next working day (Annex 1-1, item 7, sub-item 3)).
   */
  public static Receipt receipt(Catalogue catalogue, String channel, LocalDateTime at, WorkingCalendar calendar) {
    List<ScheduleEntry> own = catalogue.schedules().stream().filter(s -> s.channel().equals(channel)).toList();
    List<ScheduleEntry> windows;
    Text citation;
    Optional<ScheduleEntry> roundTheClock = own.stream().filter(s -> s.part() == SchedulePart.ROUND_THE_CLOCK)
        .findFirst();
    if (roundTheClock.isPresent()) {
      windows = parts(catalogue.schedules().stream().filter(s -> s.channel().equals(PROVIDER)).toList(),
          SchedulePart.WORKING_HOURS);
      citation = roundTheClock.get().citation();
    } else {
      windows = parts(own, SchedulePart.RECEPTION, SchedulePart.DUTY_HOURS);
      if (windows.isEmpty()) {
        windows = parts(own, SchedulePart.WORKING_HOURS);
      }
      citation = windows.stream().map(ScheduleEntry::citation).distinct().reduce((a, b) -> a.and(b, "; "))
          .orElse(new Text("", "", ""));
    }
    if (windows.isEmpty()) {
      // A channel without hours (an online system of its own): received the day it is made, or the next working day.
      LocalDate day = at.toLocalDate();
      return new Receipt(calendar.isWorkingDay(day) ? day : calendar.nextWorkingDay(day), citation);
    }
    LocalDate day = at.toLocalDate();
    LocalTime time = at.toLocalTime();
    for (ScheduleEntry window : windows) {
      if (opensOn(window.days(), day, calendar) && (time.isBefore(window.closes()) || endOfDay(window.closes()))) {
        return new Receipt(day, citation);
      }
    }
    for (int i = 1; i <= MAX_SEARCH_DAYS; i++) {
      LocalDate next = day.plusDays(i);
      for (ScheduleEntry window : windows) {
        if (opensOn(window.days(), next, calendar)) {
          return new Receipt(next, citation);
        }
      }
    }
    return new Receipt(calendar.nextWorkingDay(day), citation);
  }

  private static List<ScheduleEntry> parts(List<ScheduleEntry> rows, SchedulePart... parts) {
    List<SchedulePart> wanted = List.of(parts);
    return rows.stream().filter(s -> wanted.contains(s.part())).toList();
  }

  private static boolean endOfDay(LocalTime closes) {
    return closes.equals(LocalTime.MIDNIGHT) || closes.equals(LocalTime.MAX);
  }

  /** Whether a row's days include a day: weekdays are the calendar's working days; Saturday unless a holiday. */
  private static boolean opensOn(DaySet days, LocalDate day, WorkingCalendar calendar) {
    boolean saturday = day.getDayOfWeek() == DayOfWeek.SATURDAY
        && calendar.reasonOff(day).filter(reason -> !reason.equals("weekend")).isEmpty();
    return switch (days) {
      case MON_FRI -> calendar.isWorkingDay(day);
      case SAT -> saturday;
      case MON_SAT -> calendar.isWorkingDay(day) || saturday;
      case MON_SUN -> true;
    };
  }
}

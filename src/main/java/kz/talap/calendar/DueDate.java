package kz.talap.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.DaySet;
import kz.talap.model.Enums.SchedulePart;
import kz.talap.model.Term;

/**
 * When a term ends: the day the application counts as received, and the last day of the term.
 *
 * @param received the day the application counts as received (the next working day when it came after hours or on
 *     a day off)
 * @param due the last day of the term; a term that would end on a day off ends on the next working day
 */
public record DueDate(Term term, LocalDateTime submitted, LocalDate received, LocalDate due) {

  /** Civil Code of the Republic of Kazakhstan: a term starts the day after the event and ends on a working day. */
  public static final String COUNTING_CITATION = "Civil Code of the RK (General Part), art. 176-178";

  /** Applications after hours, on days off and holidays are dealt with on the next working day. */
  public static final String RECEIPT_CITATION = "Order of the MIA No. 992, Annex 1-1, item 7, sub-item 3)";

  /**
   * Computes the due date of a term for an application submitted at {@code submitted} (Asia/Almaty time).
   *
   * @param closing the end of the working day: an application at or after it counts from the next working day
   * @throws IllegalArgumentException if the term is measured in minutes or hours (it has no due date)
   */
  public static DueDate of(Term term, LocalDateTime submitted, LocalTime closing, WorkingCalendar calendar) {
    LocalDate day = submitted.toLocalDate();
    boolean inHours = calendar.isWorkingDay(day) && submitted.toLocalTime().isBefore(closing);
    LocalDate received = inHours ? day : calendar.nextWorkingDay(day);
    LocalDate due = switch (term.unit()) {
      case WORKING_DAYS -> calendar.plusWorkingDays(received, term.amount());
      case CALENDAR_DAYS -> calendar.onOrAfter(received.plusDays(term.amount()));
      case MONTHS -> calendar.onOrAfter(received.plusMonths(term.amount()));
      case YEARS -> calendar.onOrAfter(received.plusYears(term.amount()));
      case MINUTES, HOURS -> throw new IllegalArgumentException(
          "term " + term.code() + " is measured in " + term.unit().name().toLowerCase(java.util.Locale.ROOT)
              + " and has no due date");
    };
    return new DueDate(term, submitted, received, due);
  }

  /**
   * The end of the working day for applications made through a channel: the end of the channel's weekday reception
   * hours (the provider accepts applications until 17:30 although it works until 18:30), else of its working hours,
   * or, for a channel open round the clock (the portal), the service provider's, since requests after hours are
   * processed on the next working day.
   */
  public static LocalTime closing(Catalogue catalogue, String channel) {
    return weekdayClosing(catalogue, channel)
        .or(() -> weekdayClosing(catalogue, "PROVIDER"))
        .orElse(LocalTime.MAX);
  }

  private static java.util.Optional<LocalTime> weekdayClosing(Catalogue catalogue, String channel) {
    return weekday(catalogue, channel, SchedulePart.RECEPTION)
        .or(() -> weekday(catalogue, channel, SchedulePart.WORKING_HOURS));
  }

  private static java.util.Optional<LocalTime> weekday(Catalogue catalogue, String channel, SchedulePart part) {
    return catalogue.schedules().stream()
        .filter(s -> s.channel().equals(channel) && s.part() == part && s.days() == DaySet.MON_FRI)
        .map(s -> s.closes())
        .findFirst();
  }
}

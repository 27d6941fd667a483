package kz.talap.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A failure of an information system between two days (both included).
 *
 * @param mayEndBy when the source gives the end only roughly ("early October"), the last day it may have lasted: a
 *     day after {@code to} and up to this day may or may not be inside the outage
 */
public record Outage(String code, Text system, LocalDate from, LocalDate to, Optional<LocalDate> mayEndBy,
    Optional<Text> note, Text citation) {

  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  /** A day after the known end and no later than the latest possible end. */
  public boolean mayCover(LocalDate day) {
    return day.isAfter(to) && mayEndBy.filter(end -> !day.isAfter(end)).isPresent();
  }
}

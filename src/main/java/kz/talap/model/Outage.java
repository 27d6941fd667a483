package kz.talap.model;

import java.time.LocalDate;
import java.util.Optional;

/** A failure of an information system between two days (both included). */
public record Outage(String code, Text system, LocalDate from, LocalDate to, Optional<Text> note, String citation) {

  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}

package kz.talap.model;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import kz.talap.model.Enums.CalendarKind;

/** A row of the working calendar: a holiday, or a day moved by government order. */
public record CalendarEntry(String code, CalendarKind kind, Optional<MonthDay> monthDay, Optional<LocalDate> date,
    boolean movesIfWeekend, Text name, Text citation, Validity validity) {}

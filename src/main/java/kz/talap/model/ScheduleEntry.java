package kz.talap.model;

import java.time.LocalTime;
import java.util.Optional;
import kz.talap.model.Enums.DaySet;
import kz.talap.model.Enums.SchedulePart;

/** Opening hours of a channel on some days of the week, or a break; {@code closes} 24:00 is midnight. */
public record ScheduleEntry(String code, String channel, Optional<String> service, SchedulePart part, DaySet days,
    LocalTime opens, LocalTime closes, Optional<Text> note, Text citation, Validity validity) {}

package kz.talap.model;

import java.time.LocalDate;
import java.util.Optional;

/** The days a row is in force: from and to are inclusive; an empty side is open. */
public record Validity(Optional<LocalDate> from, Optional<LocalDate> to) {
  public static final Validity ALWAYS = new Validity(Optional.empty(), Optional.empty());

  public boolean contains(LocalDate date) {
    return from.map(f -> !date.isBefore(f)).orElse(true) && to.map(t -> !date.isAfter(t)).orElse(true);
  }

  public boolean overlaps(Validity other) {
    boolean startsBeforeOtherEnds =
        from.isEmpty() || other.to.isEmpty() || !from.get().isAfter(other.to.get());
    boolean otherStartsBeforeThisEnds =
        other.from.isEmpty() || to.isEmpty() || !other.from.get().isAfter(to.get());
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
  }

  public boolean unbounded() {
    return from.isEmpty() && to.isEmpty();
  }

  @Override
  public String toString() {
    return from.map(LocalDate::toString).orElse("…") + ".." + to.map(LocalDate::toString).orElse("…");
  }
}

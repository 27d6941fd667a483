package kz.talap.compile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands out one instance of equal values met recently, so that a table repeating a text, a validity or a citation in
 * thousands of rows holds it once. Bounded: it remembers the {@code capacity} values used last, so its own cost stays
 * small however large the catalogue, and repeats far apart in a sheet merely stay separate copies.
 */
final class Pool<T> {
  private final Map<T, T> recent;

  Pool(int capacity) {
    this.recent = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<T, T> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The instance kept for values equal to {@code value}, which becomes that instance when none is. */
  T of(T value) {
    T known = recent.putIfAbsent(value, value);
    return known == null ? value : known;
  }
}

package kz.talap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The seeded generator of hostile values the fuzz suite ({@link FuzzTest}) draws from, and the tally of what went
 * wrong by kind. Every value here once broke talap or is the kind of thing that did: numbers beyond a double or a
 * long, dates at the ends of the calendar, control characters, very long text, conditions that type-check but fail.
 */
final class Fuzz {
  /** How many cases a run tries: {@code -Dtalap.fuzz.tries=N} raises it for a long run. */
  static int tries(int ciDefault) {
    return Integer.getInteger("talap.fuzz.tries", ciDefault);
  }

  static long seed() {
    return Long.getLong("talap.fuzz.seed", 20261202L);
  }

  static final List<String> NUMBERS = List.of("1e400", "-1e400", "1e-400", "9223372036854775808",
      "-9223372036854775809", "0", "-0", "-1", "0.1", "1.005", "123456789012345678901234567890", "1E+999999999",
      "2147483647", "-2147483648", "4.9e-324", "1.7976931348623157e308");

  static final List<String> DATES = List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01", "0001-01-01",
      "1899-12-31", "1900-01-01", "9999-12-31", "10000-01-01", "2026-02-30", "2026-13-01", "2026-00-10",
      "2024-02-29", "2026-1-1", "20260101", "2026-03-22", "");

  static final List<String> DATE_TIMES = List.of("+999999999-12-31T23:59:59-18:00", "9999-12-31T23:59:59-18:00",
      "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+18:00", "1900-01-01T00:00+18:00", "2026-03-20T24:00",
      "2026-03-20T17:00:00.999999999", "2026-03-20T10:00+05:00", "2026-03-20", "T10:00", "2026-03-20T10:00Z[UTC]");

  static final List<String> TEXTS = List.of("", " ", "\u001b[2J\u001b[31mRED", "\u0000", "a\u202eb", "\r\n",
      "<script>alert(1)</script>", "${7*7}", "'; DROP TABLE x; --", "\uD800", "ТЕКСТ", "PASSPORT", "TRP", "PRP",
      "XX", "KZ", "\\u0000", "%s%n", "../../etc/passwd");

  static final List<String> CONDITIONS = List.of("int('x') == 1", "age % 0 == 1", "'a'.matches('[')",
      "[1, 2][age + 5] == 1", "{'a': 1}['b'] == 1", "timestamp('x') > timestamp('2026-01-01T00:00:00Z')",
      "9223372036854775807 + age + 1 > 0", "age * 4611686018427387904 * 4 > 0", "eaeu.all(c, c != citizenship)",
      "eaeu.exists(c, c == 'KZ')", "eaeu.map(c, c + '!').size() > 0", "has(age)", "age >= 16 &&",
      "((((((((((age > 1))))))))))", "(".repeat(300) + "true" + ")".repeat(300), "true ".repeat(500),
      "size(citizenship) / (age - age) > 0", "citizenship.matches('(a+)+b')", "dyn(age) == 'x'",
      "double(age) / 0.0 > 1.0", "uint(age) - 1u > 0u", "bytes('x') == b'x'", "[citizenship][1] == 'x'");

  /** A hostile value of any kind. */
  static String any(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> pick(random, NUMBERS);
      case 1 -> pick(random, DATES);
      case 2 -> pick(random, DATE_TIMES);
      case 3 -> pick(random, CONDITIONS);
      case 4 -> "X".repeat(1 + random.nextInt(32_767));
      case 5 -> "#".repeat(1 + random.nextInt(32_767));
      default -> pick(random, TEXTS);
    };
  }

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** What went wrong, by kind, with the first few cases of each. */
  static final class Tally {
    private final Map<String, List<String>> failures = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private int cases;

    void tried(int n) {
      cases += n;
    }

    int cases() {
      return cases;
    }

    void fail(String kind, String example) {
      counts.merge(kind, 1, Integer::sum);
      List<String> examples = failures.computeIfAbsent(kind, k -> new ArrayList<>());
      if (examples.size() < 3) {
        examples.add(example.length() > 2_000 ? example.substring(0, 2_000) + "…" : example);
      }
    }

    boolean clean() {
      return counts.isEmpty();
    }

    String summary(String what) {
      StringBuilder text = new StringBuilder(what + ": " + cases + " cases, seed " + seed() + ", failures: "
          + (counts.isEmpty() ? "none" : counts.toString()));
      failures.forEach((kind, examples) -> examples.forEach(e -> text.append("\n  ").append(kind).append(": ")
          .append(e)));
      return text.toString();
    }
  }
}

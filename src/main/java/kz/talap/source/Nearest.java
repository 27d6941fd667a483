package kz.talap.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The known names nearest to a misspelt one, for "did you mean …?": by Damerau-Levenshtein distance (optimal string
 * alignment; a name cut short counts as one edit), ignoring case, only when close enough to be a typo, at most three,
 * nearest first then alphabetical.
 */
public final class Nearest {
  /** At most this many names are suggested. */
  public static final int MAX = 3;

  private Nearest() {}

  /** The names among {@code known} near {@code wrong}, nearest first; empty when none is close enough. */
  public static List<String> to(String wrong, Collection<String> known) {
    String target = wrong.toLowerCase(Locale.ROOT);
    record Near(String name, int distance) {}
    List<Near> near = new ArrayList<>();
    for (String name : new TreeSet<>(known)) {
      if (name.equals(wrong)) {
        continue;
      }
      String lower = name.toLowerCase(Locale.ROOT);
      // A code cut short (TRP_FINGERPRINT_CERT for TRP_FINGERPRINT_CERTIFICATE) is as near as one typo.
      int distance = target.length() >= 4 && lower.startsWith(target) ? 1 : distance(target, lower);
      // Close enough to be a typo, and not a different word of the same length ("KZ" is not a typo of "RU").
      if (distance <= Math.max(2, Math.max(target.length(), name.length()) / 3) && distance < target.length()) {
        near.add(new Near(name, distance));
      }
    }
    near.sort(Comparator.comparingInt(Near::distance).thenComparing(Near::name));
    return near.stream().limit(MAX).map(Near::name).toList();
  }

  /** "did you mean 'X'?" for the names near {@code wrong}, or empty when none is close enough. */
  public static Optional<Phrase> suggestion(String wrong, Collection<String> known) {
    List<String> names = to(wrong, known);
    return switch (names.size()) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(Phrase.of("near.one", "a", Quoted.inner(names.get(0))));
      case 2 -> Optional.of(Phrase.of("near.two", "a", Quoted.inner(names.get(0)), "b", Quoted.inner(names.get(1))));
      default -> Optional.of(Phrase.of("near.three", "a", Quoted.inner(names.get(0)), "b",
          Quoted.inner(names.get(1)), "c", Quoted.inner(names.get(2))));
    };
  }

  /** The edit distance where a swap of two neighbouring letters counts as one edit. */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 16 || a.length() > 200 || b.length() > 200) {
      // Far apart anyway; a hostile cell must not cost a quadratic table.
      return Integer.MAX_VALUE / 2;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

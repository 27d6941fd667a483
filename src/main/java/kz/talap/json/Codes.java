package kz.talap.json;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The codes a submission may name (services, channels, documents, countries, allowed fact values...), found by the
 * characters the parser holds, without making a string: what is found is the catalogue's own string, whose hash is
 * already known, so every later lookup of it is cheap. Anything not found is not a code.
 */
final class Codes {
  private final String[] table;
  private final int mask;

  Codes(Collection<String> codes) {
    Set<String> unique = new LinkedHashSet<>(codes);
    int size = Integer.highestOneBit(Math.max(4, unique.size() * 4) - 1) << 1;
    table = new String[size];
    mask = size - 1;
    for (String code : unique) {
      int slot = code.hashCode() & mask;
      while (table[slot] != null) {
        slot = (slot + 1) & mask;
      }
      table[slot] = code;
    }
  }

  /** The code spelt by {@code length} characters of {@code text} from {@code offset}, or null if none is. */
  String find(char[] text, int offset, int length) {
    int hash = 0;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + text[offset + i];
    }
    for (int slot = hash & mask; table[slot] != null; slot = (slot + 1) & mask) {
      String code = table[slot];
      if (code.length() == length && same(code, text, offset)) {
        return code;
      }
    }
    return null;
  }

  private static boolean same(String code, char[] text, int offset) {
    for (int i = 0; i < code.length(); i++) {
      if (code.charAt(i) != text[offset + i]) {
        return false;
      }
    }
    return true;
  }
}

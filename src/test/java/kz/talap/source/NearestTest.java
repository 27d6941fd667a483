package kz.talap.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestTest {
  @Test
  void to_oneLetterMissing_isFound() {
    assertEquals(List.of("TRP_PASSPORT"), Nearest.to("TRP_PASPORT", List.of("TRP_PASSPORT", "PRP_PHOTO", "VISA")));
  }

  @Test
  void to_swappedLetters_countAsOneEdit() {
    assertEquals(1, Nearest.distance("owns_housnig", "owns_housing"));
    assertEquals(List.of("owns_housing"), Nearest.to("owns_housnig", List.of("owns_housing", "refugee")));
  }

  @Test
  void to_ignoresCase() {
    assertEquals(List.of("eaeu"), Nearest.to("EAEU", List.of("eaeu", "cis")));
  }

  @Test
  void to_atMostThree_nearestFirstThenAlphabetical() {
    assertEquals(List.of("DOC_A", "DOC_B", "DOC_C"),
        Nearest.to("DOC_X", List.of("DOC_D", "DOC_C", "DOC_B", "DOC_A", "DOC_XY_LONGER_NAME")));
    assertEquals(List.of("PASSPORT", "PASSPORTS"), Nearest.to("PASSPRT", List.of("PASSPORTS", "PASSPORT")));
  }

  @Test
  void to_nameCutShort_comesFirst() {
    assertEquals(List.of("TRP_FINGERPRINT_CERTIFICATE", "PRP_FINGERPRINT"),
        Nearest.to("TRP_FINGERPRINT_CERT", List.of("PRP_FINGERPRINT", "TRP_FINGERPRINT_CERTIFICATE", "IT_PASSPORT")));
  }

  @Test
  void to_tooFar_suggestsNothing() {
    assertEquals(List.of(), Nearest.to("KZ", List.of("RU", "BY")));
    assertEquals(List.of(), Nearest.to("VISA", List.of("PASSPORT")));
  }

  @Test
  void to_longNamesAllowAThirdOfTheirLength() {
    // 12 letters: up to 4 edits.
    assertEquals(List.of("ABCDEFGHIJKL"), Nearest.to("ABCDWXYZIJKL", List.of("ABCDEFGHIJKL")));
    assertEquals(List.of(), Nearest.to("ABCDVWXYZJKL", List.of("ABCDEFGHIJKL")));
  }

  @Test
  void suggestion_sayTheNamesInWords() {
    assertEquals("did you mean 'A1' or 'A2'?", Nearest.suggestion("A3", List.of("A1", "A2")).orElseThrow().in("en"));
  }
}

package kz.talap.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SitePathsTest {
  @Test
  void page_subtypeAndServiceWithoutSubtypes() {
    assertEquals("trp/trp-work.html", SitePaths.page("TRP", Optional.of("TRP_WORK")));
    assertEquals("prp/index.html", SitePaths.page("PRP", Optional.empty()));
  }

  @Test
  void slug_textThatIsNotACode_isRefused() {
    for (String bad : new String[] {"../etc", "a/b", "TRP WORK", "", "trp", "X".repeat(65)}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SitePaths.slug(bad));
      assertEquals("'" + bad + "' is not a valid code and cannot become a file name", e.getMessage());
    }
  }

  @Test
  void up_countsTheFolders() {
    assertEquals("", SitePaths.up("index.html"));
    assertEquals("../", SitePaths.up("en/index.html"));
    assertEquals("../../", SitePaths.up("en/trp/trp-work.html"));
  }
}

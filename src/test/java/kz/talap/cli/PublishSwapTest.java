package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: the site is swapped in one rename, never missing, and killed runs leave nothing for long. */
class PublishSwapTest {
  @TempDir Path dir;

  private CliRun publish(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("publish", "--as-of", "2026-11-21", "--out",
        dir.resolve("site").toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void publish_siteIsALinkToACompleteVersion() throws IOException {
    CliRun run = publish();
    assertEquals(0, run.exit(), run.err());
    Path site = dir.resolve("site");
    assertTrue(Files.isSymbolicLink(site));
    assertTrue(Files.readSymbolicLink(site).toString().matches("\\.site\\.v-\\d+"), Files.readSymbolicLink(site)
        .toString());
    assertTrue(Files.readString(site.resolve("index.html")).contains("<html"));
    assertTrue(run.out().endsWith("Open " + site.resolve("index.html") + "\n"), run.out());
  }

  @Test
  void publish_removesTheDebrisOfKilledRuns() throws IOException {
    assertEquals(0, publish().exit());
    Files.createDirectories(dir.resolve(".site.new-1/en"));
    Files.createDirectories(dir.resolve(".site.v-2/en"));
    Files.createDirectories(dir.resolve(".site.old-3"));
    Files.createSymbolicLink(dir.resolve(".site.link-4"), Path.of(".site.v-2"));
    Files.writeString(dir.resolve(".talap-999999999-5.tmp"), "half");
    Path fresh = Files.writeString(dir.resolve(".talap-6.tmp"), "an older talap may be writing this");
    Path stale = Files.writeString(dir.resolve(".talap-7.tmp"), "left by an older talap");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(7200)));
    assertEquals(0, publish().exit());
    assertEquals(List.of(".site.lock", ".site.v-…", ".talap-6.tmp", "site"), PublishSafetyTest.listing(dir));
    assertTrue(Files.exists(fresh));
  }

  @Test
  void publish_overAFolderOfAnOlderTalap_replacesItByTheLink() throws IOException {
    Path site = Files.createDirectories(dir.resolve("site"));
    Files.writeString(site.resolve(".talap-site"), "old");
    Files.writeString(site.resolve("stale.html"), "old page");
    assertEquals(0, publish().exit());
    assertTrue(Files.isSymbolicLink(site));
    assertTrue(Files.notExists(site.resolve("stale.html")));
    assertEquals(List.of(".site.lock", ".site.v-…", "site"), PublishSafetyTest.listing(dir));
  }

  @Test
  void publish_afterARunKilledBetweenTheTwoRenames_putsTheSiteBackEvenIfItFails() throws IOException {
    Path aside = Files.createDirectories(dir.resolve(".site.old-8/en"));
    Files.writeString(aside.getParent().resolve(".talap-site"), "");
    Files.writeString(aside.resolve("index.html"), "the previous site");
    CliRun run = publish("--templates", dir.resolve("no-templates").toString());
    assertEquals(2, run.exit());
    assertEquals("the previous site", Files.readString(dir.resolve("site/en/index.html")));
    assertEquals(List.of(".site.lock", "site"), PublishSafetyTest.listing(dir));
  }
}

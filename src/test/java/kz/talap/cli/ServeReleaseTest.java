package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code talap serve}: only approved, verified releases, or the working copy marked as a preview. */
class ServeReleaseTest {
  @TempDir
  Path folder;

  private String db() {
    return folder.resolve("talap.db").toString();
  }

  private String releases() {
    return folder.resolve("releases").toString();
  }

  @Test
  void noApprovedRelease_refusesToStart_namingPreviewAndRelease() {
    CliRun run = CliRun.of("serve", "--releases", releases(), "--port", "0", "--db", db());
    assertEquals(1, run.exit(), run.err());
    assertEquals("talap serve: no approved release in " + releases() + "; build and approve one (talap release "
        + "build, then talap release approve by a second editor), or serve the working copy with --preview\n",
        run.err());
    assertEquals("", run.out());
  }

  @Test
  void releaseAwaitingApproval_isNotServed() {
    CliRun built = CliRun.of("release", "build", "--releases", releases(), "--as-of", "2026-11-21", "--editor",
        "aliya", "--at", ReleaseCommandTest.AT);
    assertEquals(0, built.exit(), built.err());
    CliRun latest = CliRun.of("serve", "--releases", releases(), "--port", "0", "--db", db());
    assertEquals(1, latest.exit());
    assertTrue(latest.err().startsWith("talap serve: no approved release in "), latest.err());
    CliRun named = CliRun.of("serve", "--release", "2026-11-21-1", "--releases", releases(), "--port", "0", "--db",
        db());
    assertEquals(1, named.exit());
    assertEquals("talap serve: release 2026-11-21-1 awaits approval by a second editor (talap release approve "
        + "2026-11-21-1 --editor NAME); only approved releases are served\n", named.err());
  }

  @Test
  void conflictingOptions_areUsageErrors() {
    CliRun both = CliRun.of("serve", "--preview", "--release", "latest", "--port", "0", "--db", db());
    assertEquals(2, both.exit());
    assertEquals("talap serve: --release and --preview exclude each other\n", both.err());
    CliRun catalogue = CliRun.of("serve", "--catalogue", "catalogue", "--port", "0", "--db", db());
    assertEquals(2, catalogue.exit());
    assertEquals("talap serve: --catalogue serves a working copy, so it needs --preview; without it talap serve "
        + "serves an approved release (--release ID|latest)\n", catalogue.err());
  }

  @Test
  void preview_servesTheWorkingCopy_markedOnEveryPageAndInTheStatus() throws Exception {
    String token = Serving.token(db());
    try (Serving serving = Serving.start("--preview", "--catalogue", "catalogue", "--port", "0", "--db", db())) {
      assertTrue(serving.out().startsWith("Serving the working copy as a preview (not an approved release): "
          + "catalogue "), serving.out());
      assertTrue(serving.out().contains("\nWatching catalogue for changes; stop with Ctrl-C or SIGTERM\n"),
          serving.out());
      HttpResponse<String> status = serving.get("/api/v1/status", token);
      assertEquals(200, status.statusCode(), status.body());
      String hash = status.headers().firstValue("Talap-Release").orElseThrow();
      assertTrue(hash.matches("preview-[0-9a-f]{64}"), hash);
      assertTrue(status.body().contains("\"release_id\" : \"" + hash + "\",\n  \"preview\" : true,\n"),
          status.body());
      for (String lang : new String[] {"kk", "ru", "en"}) {
        String login = serving.get("/counter/" + lang + "/login", null).body();
        assertTrue(login.contains("<p class=\"preview-banner\" role=\"status\">"), login);
      }
      assertTrue(serving.get("/counter/en/login", null).body().contains(
          "<p class=\"preview-banner\" role=\"status\">Preview — not an approved release</p>"));
      assertTrue(serving.get("/counter/kk/login", null).body().contains(
          "<p class=\"preview-banner\" role=\"status\">Алдын ала қарау — бекітілген шығарылым емес</p>"));
    }
  }
}

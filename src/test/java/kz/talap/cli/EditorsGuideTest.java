package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release walk-through of docs/editors-guide.md, command by command, on a copy of the catalogue: edit a cell,
 * {@code talap test}, {@code talap diff}, {@code talap release build}, {@code talap release approve} by a second
 * editor, {@code talap serve} serving it; then the same release tampered with fails {@code verify} and is refused.
 */
class EditorsGuideTest {
  @TempDir
  Path folder;

  @Test
  void releaseWalkThrough_editTestDiffBuildApproveServe_thenTamperedIsRefused() throws Exception {
    String releases = folder.resolve("releases").toString();
    String db = folder.resolve("talap.db").toString();
    // The release in force: the shipped catalogue, built by aliya and approved by bolat.
    assertEquals(0, CliRun.of("release", "build", "--releases", releases, "--as-of", "2026-11-21", "--editor",
        "aliya", "--at", "2026-11-21T09:00:00Z").exit());
    assertEquals(0, CliRun.of("release", "approve", "2026-11-21-1", "--releases", releases, "--editor", "bolat",
        "--at", "2026-11-21T09:30:00Z").exit());

    // 1. Edit a cell: the Russian name of PRP_PHOTO, in the editor's copy of the catalogue.
    Path catalogue = ShippedCatalogue.read().set("Documents", "PRP_PHOTO", "name_ru",
        ShippedCatalogue.PHOTO_RU_EDITED).write(folder.resolve("catalogue"));
    // 2. talap test
    CliRun test = CliRun.of("test", "--catalogue", catalogue.toString(), "--as-of", "2026-11-21");
    assertEquals(0, test.exit(), test.out() + test.err());
    assertEquals("63 scenarios: 63 passed, 0 failed\n", test.out());
    // 3. talap diff against the workbooks of the release in force
    Path inForce = Path.of(releases, "2026-11-21-1", "workbooks");
    CliRun diff = CliRun.of("diff", inForce.toString(), catalogue.toString(), "--as-of", "2026-11-21").withVersion();
    assertEquals(0, diff.exit(), diff.err());
    assertTrue(diff.out().startsWith("Changes from " + inForce + " (version VERSION) to " + catalogue
        + " (version VERSION)\n"), diff.out());
    assertTrue(diff.out().contains(ShippedCatalogue.PHOTO_RU_EDITED), diff.out());
    // 4. talap release build
    CliRun build = CliRun.of("release", "build", "--catalogue", catalogue.toString(), "--releases", releases,
        "--as-of", "2026-11-21", "--editor", "aliya", "--at", "2026-11-21T11:00:00Z");
    assertEquals(0, build.exit(), build.err());
    assertTrue(build.out().startsWith("Built release 2026-11-21-2: "), build.out());
    assertTrue(build.out().contains("\nDiff: 1 change: 0 added, 0 removed, 1 changed since release 2026-11-21-1\n"),
        build.out());
    // 5. talap release approve, by a second editor
    CliRun approve = CliRun.of("release", "approve", "2026-11-21-2", "--releases", releases, "--editor", "bolat",
        "--at", "2026-11-21T11:30:00Z");
    assertEquals("Approved release 2026-11-21-2 by bolat at 2026-11-21T11:30:00Z\n", approve.out());
    // 6. talap serve serves it, and the journal records it with each check.
    String token = Serving.token(db);
    String checkId;
    try (Serving serving = Serving.start("--releases", releases, "--port", "0", "--db", db)) {
      assertTrue(serving.out().startsWith("Serving release 2026-11-21-2: catalogue "), serving.out());
      HttpResponse<String> status = serving.get("/api/v1/status", token);
      assertEquals(200, status.statusCode(), status.body());
      assertEquals("2026-11-21-2", status.headers().firstValue("Talap-Release").orElseThrow());
      assertTrue(status.body().contains("\"release_id\" : \"2026-11-21-2\",\n  \"preview\" : false,\n"),
          status.body());
      assertFalse(serving.get("/counter/en/login", null).body().contains("preview-banner"));
      HttpResponse<String> check = serving.post("/api/v1/check",
          Files.readString(Path.of("catalogue/examples/trp-work-complete.json")), token, "walk-1");
      assertEquals(200, check.statusCode(), check.body());
      checkId = check.headers().firstValue("Talap-Check-Id").orElseThrow();
    }
    CliRun shown = CliRun.of("journal", "show", checkId, "--db", db);
    assertEquals(0, shown.exit(), shown.err());
    assertTrue(shown.out().contains("\nRelease:   2026-11-21-2\n"), shown.out());

    // A tampered release: one byte changed in the site, a file removed.
    Path release = Path.of(releases, "2026-11-21-2");
    ReleaseCommandTest.writable(release);
    Path page = release.resolve("site/ru/prp/index.html");
    ReleaseCommandTest.writable(page);
    byte[] bytes = Files.readAllBytes(page);
    bytes[100] ^= 1;
    Files.write(page, bytes);
    Files.delete(release.resolve("quality.txt"));
    CliRun verify = CliRun.of("release", "verify", "2026-11-21-2", "--releases", releases);
    assertEquals(1, verify.exit());
    assertEquals("2026-11-21-2: TAMPERED\n"
        + "  quality.txt: missing\n"
        + "  site/ru/prp/index.html: changed since the build (SHA-256 differs from the manifest)\n", verify.out());
    assertEquals("talap release verify: 1 of 1 release failed verification\n", verify.err());
    CliRun refused = CliRun.of("serve", "--releases", releases, "--port", "0", "--db", db);
    assertEquals(1, refused.exit());
    assertEquals("talap serve: release 2026-11-21-2 fails verification; refusing to serve it:\n"
        + "  quality.txt: missing\n"
        + "  site/ru/prp/index.html: changed since the build (SHA-256 differs from the manifest)\n", refused.err());
    assertEquals("", refused.out());
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code talap release build|approve|list|show|verify} through the command line, on the shipped catalogue. */
class ReleaseCommandTest {
  static final String AT = "2026-11-21T09:00:00Z";
  static final String APPROVED_AT = "2026-11-21T10:00:00Z";

  @TempDir
  Path folder;

  /** Builds a release of {@code catalogue} into the test's releases folder, by aliya, as of 21 November 2026. */
  CliRun build(Path catalogue, String... extra) {
    List<String> args = new ArrayList<>(List.of("release", "build", "--catalogue", catalogue.toString(),
        "--releases", releases().toString(), "--as-of", "2026-11-21", "--editor", "aliya", "--at", AT));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new)).withVersion();
  }

  CliRun release(String... args) {
    List<String> all = new ArrayList<>(List.of("release"));
    all.addAll(List.of(args));
    all.addAll(List.of("--releases", releases().toString()));
    return CliRun.of(all.toArray(String[]::new)).withVersion();
  }

  Path releases() {
    return folder.resolve("releases");
  }

  @Test
  void build_first_writesAReadOnlyDatedFolderSealedByItsManifest() throws Exception {
    CliRun run = build(ShippedCatalogue.FOLDER);
    assertEquals("", run.err());
    assertEquals(0, run.exit());
    Path release = releases().resolve("2026-11-21-1");
    assertEquals("Built release 2026-11-21-1: catalogue VERSION as of 2026-11-21, 2341 files, by aliya at " + AT + "\n"
        + "Diff: first release: no diff\n"
        + "Scenarios: 63 scenarios: 63 passed, 0 failed\n"
        + "Quality: 0 warnings, 32 notes\n"
        + "Wrote " + release + "; it awaits approval by a second editor: talap release approve 2026-11-21-1 "
        + "--editor NAME\n", run.out());
    String manifest = Files.readString(release.resolve("manifest.json"));
    assertTrue(manifest.startsWith("{\n  \"format\" : \"talap-release/1\",\n  \"id\" : \"2026-11-21-1\",\n"
        + "  \"catalogue_version\" : \""), manifest);
    assertTrue(manifest.contains("  \"as_of\" : \"2026-11-21\",\n  \"built_by\" : \"aliya\",\n"
        + "  \"built_at\" : \"2026-11-21T09:00:00Z\",\n  \"previous\" : null,\n  \"files\" : {\n"
        + "    \"catalogue.json\" : \"" + sha256(release.resolve("catalogue.json")) + "\",\n"), manifest);
    assertTrue(manifest.contains("    \"workbooks/residence.xlsx\" : \"" + sha256(Path.of("catalogue/residence.xlsx"))
        + "\""), manifest);
    List<String> top;
    try (Stream<Path> files = Files.list(release)) {
      top = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(List.of("catalogue.json", "manifest.json", "quality.json", "quality.txt", "scenarios.txt", "site",
        "summary.txt", "workbooks"), top);
    assertTrue(Files.isRegularFile(release.resolve("site/en/trp/trp-work.html")));
    assertEquals("63 scenarios: 63 passed, 0 failed\n", Files.readString(release.resolve("scenarios.txt")));
    assertEquals("r-xr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(release)));
    assertEquals("r--r--r--", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(release.resolve("site/en/index.html"))));
    assertEquals(List.of("2026-11-21-1"), names(releases()));
  }

  @Test
  void build_twiceFromTheSameInputs_writesTheSameManifest() throws Exception {
    Path other = folder.resolve("other");
    build(ShippedCatalogue.FOLDER);
    CliRun again = CliRun.of("release", "build", "--releases", other.toString(), "--as-of", "2026-11-21",
        "--editor", "aliya", "--at", AT);
    assertEquals(0, again.exit(), again.err());
    assertEquals(Files.readString(releases().resolve("2026-11-21-1/manifest.json")),
        Files.readString(other.resolve("2026-11-21-1/manifest.json")));
  }

  @Test
  void build_second_numbersItAndDiffsAgainstThePrevious() throws Exception {
    build(ShippedCatalogue.FOLDER);
    Path edited = ShippedCatalogue.read().set("Documents", "PRP_PHOTO", "name_ru",
        ShippedCatalogue.PHOTO_RU_EDITED).write(folder.resolve("cat"));
    CliRun run = build(edited);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("Built release 2026-11-21-2: catalogue VERSION as of 2026-11-21, 2346 files, "
        + "by aliya at " + AT + "\nDiff: 1 change: 0 added, 0 removed, 1 changed since release 2026-11-21-1\n"),
        run.out());
    Path release = releases().resolve("2026-11-21-2");
    assertTrue(Files.readString(release.resolve("diff.txt")).startsWith("Changes from release 2026-11-21-1 "
        + "(version "), Files.readString(release.resolve("diff.txt")));
    assertTrue(Files.readString(release.resolve("diff.json")).contains("\"talap-diff/1\""));
    assertTrue(Files.readString(release.resolve("manifest.json")).contains("\"previous\" : \"2026-11-21-1\""));
    assertTrue(Files.isRegularFile(release.resolve("site/en/changes.html")));
  }

  @Test
  void build_withPdf_sealsThePdfsOfTheSite() throws Exception {
    CliRun run = build(ShippedCatalogue.FOLDER, "--pdf");
    assertEquals(0, run.exit(), run.err());
    Path release = releases().resolve("2026-11-21-1");
    String manifest = Files.readString(release.resolve("manifest.json"));
    assertTrue(manifest.contains("    \"site/en/trp/trp-work.pdf\" : \""
        + sha256(release.resolve("site/en/trp/trp-work.pdf")) + "\""), manifest);
    assertTrue(run.out().startsWith("Built release 2026-11-21-1: catalogue VERSION as of 2026-11-21, 2575 files, "),
        run.out());
    CliRun fonts = build(ShippedCatalogue.FOLDER, "--fonts", folder.toString());
    assertEquals(2, fonts.exit());
    assertEquals("talap release build: --fonts is only for --pdf\n", fonts.err());
  }

  @Test
  void build_catalogueWithErrors_isRefusedAndBuildsNothing() throws Exception {
    Path broken = ShippedCatalogue.read().set("Requirements", "TRP_REQ_HEALTH_INSURANCE", "document", "PASSPRT")
        .write(folder.resolve("cat"));
    CliRun run = build(broken);
    assertEquals(1, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().endsWith(": error: unknown document code 'PASSPRT'\n"
        + "talap release build: the catalogue has 1 error (talap compile, talap annotate)\n"
        + "talap release build: nothing built\n"), run.err());
    assertEquals(List.of(), names(releases()));
  }

  @Test
  void build_failingScenario_isRefusedAndBuildsNothing() throws Exception {
    AtomicBoolean first = new AtomicBoolean(true);
    Path wrong = ShippedCatalogue.read().edit("Tests",
        row -> "COMPLETE".equals(row.get("expected_verdict")) && first.getAndSet(false),
        row -> row.put("expected_verdict", "INCOMPLETE")).write(folder.resolve("cat"));
    CliRun run = build(wrong);
    assertEquals(1, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().endsWith(": expected incomplete, got complete\n"
        + "talap release build: 63 scenarios: 62 passed, 1 failed (talap test)\n"
        + "talap release build: nothing built\n"), run.err());
    assertEquals(List.of(), names(releases()));
  }

  @Test
  void approve_byASecondEditor_isRecordedBesideTheRelease() throws Exception {
    build(ShippedCatalogue.FOLDER);
    CliRun same = release("approve", "2026-11-21-1", "--editor", "Aliya", "--at", APPROVED_AT);
    assertEquals(1, same.exit());
    assertEquals("talap release approve: release 2026-11-21-1 was built by aliya; a second editor must approve it\n",
        same.err());
    assertEquals("2026-11-21-1  catalogue VERSION  as of 2026-11-21  built by aliya at " + AT
        + "  awaiting approval  verified\n", release("list").out());

    CliRun approved = release("approve", "2026-11-21-1", "--editor", "bolat", "--at", APPROVED_AT);
    assertEquals(0, approved.exit(), approved.err());
    assertEquals("Approved release 2026-11-21-1 by bolat at " + APPROVED_AT + "\n", approved.out());
    Path release = releases().resolve("2026-11-21-1");
    assertEquals("{\n  \"format\" : \"talap-approval/1\",\n  \"id\" : \"2026-11-21-1\",\n  \"manifest_sha256\" : \""
        + sha256(release.resolve("manifest.json")) + "\",\n  \"approved_by\" : \"bolat\",\n"
        + "  \"approved_at\" : \"2026-11-21T10:00:00Z\"\n}\n", Files.readString(release.resolve("approval.json")));

    CliRun twice = release("approve", "2026-11-21-1", "--editor", "chen", "--at", APPROVED_AT);
    assertEquals(1, twice.exit());
    assertEquals("talap release approve: release 2026-11-21-1 is approved already (by bolat at " + APPROVED_AT
        + ")\n", twice.err());
    assertEquals("2026-11-21-1  catalogue VERSION  as of 2026-11-21  built by aliya at " + AT
        + "  approved by bolat at " + APPROVED_AT + "  verified\n", release("list").out());
    CliRun show = release("show", "2026-11-21-1");
    assertEquals(0, show.exit(), show.err());
    assertEquals("Release 2026-11-21-1 in " + release + "\n"
        + "Catalogue VERSION as of 2026-11-21\n"
        + "Built by aliya at " + AT + "\n"
        + "Previous release: none\n"
        + "Approved by bolat at " + APPROVED_AT + "\n"
        + "Diff: first release: no diff\n"
        + "Scenarios: 63 scenarios: 63 passed, 0 failed\n"
        + "Quality: 0 warnings, 32 notes\n"
        + "Files: 2341, verified\n", show.out());
    CliRun verify = release("verify", "--all");
    assertEquals(0, verify.exit(), verify.err());
    assertEquals("2026-11-21-1: verified, 2341 files as built\n", verify.out());
  }

  @Test
  void verify_changedMissingAndAddedFiles_failWithTheirPaths() throws Exception {
    build(ShippedCatalogue.FOLDER);
    Path release = releases().resolve("2026-11-21-1");
    tamper(release);
    CliRun verify = release("verify", "2026-11-21-1");
    assertEquals(1, verify.exit());
    assertEquals("2026-11-21-1: TAMPERED\n"
        + "  extra.txt: added since the build (not in the manifest)\n"
        + "  scenarios.txt: missing\n"
        + "  site/en/index.html: changed since the build (SHA-256 differs from the manifest)\n", verify.out());
    assertEquals("talap release verify: 1 of 1 release failed verification\n", verify.err());
    assertTrue(release("list").out().endsWith("  awaiting approval  TAMPERED\n"));
    CliRun approve = release("approve", "2026-11-21-1", "--editor", "bolat");
    assertEquals(1, approve.exit());
    assertEquals("talap release approve: release 2026-11-21-1 fails verification, so it cannot be approved: "
        + "extra.txt: added since the build (not in the manifest); scenarios.txt: missing; site/en/index.html: "
        + "changed since the build (SHA-256 differs from the manifest)\n", approve.err());
    assertFalse(Files.exists(release.resolve("approval.json")));
  }

  @Test
  void badUsage_isExplained() {
    CliRun noEditor = CliRun.of("release", "build", "--releases", releases().toString());
    assertEquals(2, noEditor.exit());
    assertEquals("talap release build: --editor NAME is required: the editor's name is recorded\n", noEditor.err());
    CliRun nowhere = CliRun.of("release", "build", "--catalogue", folder.resolve("nowhere.xlsx").toString(),
        "--releases", releases().toString(), "--editor", "aliya");
    assertEquals(2, nowhere.exit());
    assertEquals("talap release build: " + folder.resolve("nowhere.xlsx") + ": no such workbook\n"
        + "talap release build: nothing built\n", nowhere.err());
    CliRun badTime = CliRun.of("release", "approve", "2026-11-21-1", "--editor", "bolat", "--at", "tomorrow");
    assertEquals(2, badTime.exit());
    assertEquals("talap release approve: bad time 'tomorrow' for --at (expected e.g. 2026-11-21T09:30:00Z)\n",
        badTime.err());
    CliRun noId = release("verify");
    assertEquals(2, noId.exit());
    assertEquals("talap release verify: expected one release ID or --all\n", noId.err());
    CliRun unknown = release("show", "2026-01-01-1");
    assertEquals(1, unknown.exit());
    assertEquals("talap release show: no release '2026-01-01-1' in " + releases()
        + " (talap release list shows the releases)\n", unknown.err());
    CliRun command = CliRun.of("release", "publish");
    assertEquals(2, command.exit());
    assertEquals("talap release: unknown command 'publish'\nusage: talap release build|approve ID|list|show ID|"
        + "verify ID|--all [options]\n", command.err());
    assertEquals("No releases in " + releases() + "; build one with: talap release build --editor NAME\n",
        release("list").out());
  }

  /** Changes one byte of the English index page, removes scenarios.txt and adds extra.txt. */
  static void tamper(Path release) throws IOException {
    writable(release);
    Path page = release.resolve("site/en/index.html");
    writable(page);
    byte[] bytes = Files.readAllBytes(page);
    bytes[bytes.length / 2] ^= 1;
    Files.write(page, bytes);
    Files.delete(release.resolve("scenarios.txt"));
    Files.writeString(release.resolve("extra.txt"), "added later\n");
  }

  static void writable(Path path) throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x"
        : "rw-r--r--"));
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  static List<String> names(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static String text(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}

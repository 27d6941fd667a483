package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code talap diff} through the CLI, between the shipped catalogue and copies of it built in code. A document removed
 * together with the one requirement that uses it is one change: the document's removal, carrying the requirement.
 */
class DiffCommandTest {
  @TempDir static Path dir;
  static Path edited;

  @BeforeAll
  static void copies() throws IOException {
    edited = ShippedCatalogue.threeEdits().write(dir.resolve("edited"));
  }

  /** The expected report in src/test/resources/diff/, with {NEW} standing for the edited copy's folder. */
  static String golden(String file) throws IOException {
    return Files.readString(Path.of("src/test/resources/diff", file)).replace("{NEW}", edited.toString());
  }

  @Test
  void diff_feeAndRussianTextAndDocumentRemovedWithItsOnlyRequirement_reportsExactlyThreeChangesAsText()
      throws IOException {
    CliRun run = CliRun.of("diff", "catalogue", edited.toString());
    assertEquals("", run.err());
    assertEquals(0, run.exit());
    assertEquals(golden("three-edits.txt"), run.out());
  }

  @Test
  void diff_feeAndRussianTextAndDocumentRemovedWithItsOnlyRequirement_reportsExactlyThreeChangesAsMarkdown()
      throws IOException {
    CliRun run = CliRun.of("diff", "--format", "markdown", "catalogue", edited.toString());
    assertEquals("", run.err());
    assertEquals(0, run.exit());
    assertEquals(golden("three-edits.md"), run.out());
  }

  @Test
  void diff_feeAndRussianTextAndDocumentRemovedWithItsOnlyRequirement_reportsExactlyThreeChangesAsJson()
      throws IOException {
    CliRun run = CliRun.of("diff", "catalogue", edited.toString(), "--format", "json");
    assertEquals("", run.err());
    assertEquals(0, run.exit());
    assertEquals(golden("three-edits.json"), run.out());
  }

  @Test
  void diff_outFile_writesTheReportAndSaysWhere() throws IOException {
    Path target = dir.resolve("reports/changes.md");
    CliRun run = CliRun.of("diff", "catalogue", edited.toString(), "--format", "markdown", "--out", target.toString());
    assertEquals("", run.err());
    assertEquals(0, run.exit());
    assertEquals("Wrote 3 changes: 0 added, 1 removed, 2 changed to " + target + "\n", run.out());
    assertEquals(golden("three-edits.md"), Files.readString(target));
    try (Stream<Path> listing = Files.list(target.getParent())) {
      assertEquals(1, listing.count(), "no temporary file is left behind");
    }
  }

  @Test
  void diff_rowsReorderedInEverySheet_reportsNoChanges() throws IOException {
    Path reordered = ShippedCatalogue.read().reverseRows().write(dir.resolve("reordered"));
    CliRun run = CliRun.of("diff", "catalogue", reordered.toString());
    assertEquals("", run.err());
    assertEquals(0, run.exit());
    assertEquals("No changes from catalogue (version 2026.1) to " + reordered + " (version 2026.1)\n", run.out());
  }

  @Test
  void diff_rowsReordered_givesAnEmptyJsonReport() throws IOException {
    Path reordered = ShippedCatalogue.read().reverseRows().write(dir.resolve("reordered-json"));
    CliRun run = CliRun.of("diff", "--format", "json", "catalogue", reordered.toString());
    assertEquals(0, run.exit());
    assertEquals("""
        {
          "format" : "talap-diff/1",
          "old" : {
            "source" : "catalogue",
            "version" : "2026.1"
          },
          "new" : {
            "source" : "%s",
            "version" : "2026.1"
          },
          "changes" : [ ],
          "summary" : {
            "changes" : 0,
            "added" : 0,
            "removed" : 0,
            "changed" : 0
          }
        }
        """.formatted(reordered), run.out());
  }

  @Test
  void diff_gitHeadAgainstTheCatalogueFolder_reportsNoChanges() throws Exception {
    assumeTrue(committed(), "catalogue/ has uncommitted changes (or this is not a git checkout)");
    CliRun run = CliRun.of("diff", "git:HEAD", "catalogue");
    assertEquals("", run.err());
    assertEquals(0, run.exit());
    assertEquals("No changes from git:HEAD (version 2026.1) to catalogue (version 2026.1)\n", run.out());
  }

  /** Whether the working catalogue is the one at HEAD: only then must git:HEAD and the folder be the same. */
  private static boolean committed() throws Exception {
    Process git = new ProcessBuilder("git", "status", "--porcelain", "--", "catalogue/")
        .redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes());
    return git.waitFor() == 0 && output.isEmpty();
  }

  @Test
  void diff_unknownRevision_exits2WithAClearMessage() {
    CliRun run = CliRun.of("diff", "git:no-such-revision", "catalogue");
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertEquals("talap diff: git:no-such-revision: no such revision in this repository\n", run.err());
  }

  @Test
  void diff_revisionThatLooksLikeAnOption_exits2() {
    CliRun run = CliRun.of("diff", "catalogue", "git:--output=/tmp/x");
    assertEquals(2, run.exit());
    assertEquals("talap diff: git:--output=/tmp/x: not a git revision (write git:HEAD, git:main, git:v1.2, "
        + "git:HEAD~3, …)\n", run.err());
  }

  @Test
  void diff_catalogueWithErrors_printsItsDiagnosticsAndExits1() throws IOException {
    Path broken = ShippedCatalogue.read().set("Requirements", "PRP_REQ_PHOTO", "document", "NO_SUCH_DOCUMENT")
        .write(dir.resolve("broken"));
    CliRun run = CliRun.of("diff", "catalogue", broken.toString());
    assertEquals(1, run.exit());
    assertEquals("", run.out());
    assertEquals("residence.xlsx: Requirements!E26: error: unknown document code 'NO_SUCH_DOCUMENT'\n"
        + "talap diff: " + broken + ": 1 error, 0 warnings\n", run.err());
  }

  @Test
  void diff_missingFolder_exits2() {
    Path missing = dir.resolve("no-such-folder");
    CliRun run = CliRun.of("diff", missing.toString(), "catalogue");
    assertEquals(2, run.exit());
    assertEquals(missing + ": error: no such file\n", run.err());
  }

  @Test
  void diff_oneCatalogue_isAUsageError() {
    CliRun run = CliRun.of("diff", "catalogue");
    assertEquals(2, run.exit());
    assertEquals("talap diff: expected two catalogues, OLD and NEW (a workbook, a folder of workbooks, or "
        + "git:REV); got 1\n", run.err());
  }

  @Test
  void diff_unknownFormat_isAUsageError() {
    CliRun run = CliRun.of("diff", "--format", "html", "catalogue", "catalogue");
    assertEquals(2, run.exit());
    assertEquals("talap diff: unknown format 'html' (text, markdown or json)\n", run.err());
  }

  @Test
  void diff_versionsOfOneCode_areMatchedByValidityAndNamed() throws IOException {
    Path mci = ShippedCatalogue.read()
        .edit("Parameters", row -> row.get("valid_from").equals("2015-01-01"), row -> row.put("amount", "1983"))
        .copy("Parameters", row -> row.get("valid_from").equals("2026-01-01"), "amount", "4500",
            "valid_from", "2027-01-01", "valid_to", "2027-12-31", "citation", "BUDGET_2026")
        .reverseRows()
        .write(dir.resolve("mci"));
    CliRun run = CliRun.of("diff", "catalogue", mci.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        Changes from catalogue (version 2026.1) to %s (version 2026.1)

        Common/reference data
          Parameters MCI [2015-01-01..2015-12-31]: changed
            amount changed: «1982» → «1983»
          Parameters MCI [2027-01-01..2027-12-31]: added
            amount: «4500»
            unit: «KZT»
            citation: «Law of the RK "On the republican budget for 2026-2028"»
            valid_from: «2027-01-01»
            valid_to: «2027-12-31»

        2 changes: 1 added, 0 removed, 1 changed
        """.formatted(mci), run.out());
  }

  @Test
  void diff_help_documentsTheExitCodes() {
    CliRun run = CliRun.of("diff", "--help");
    assertEquals(0, run.exit());
    assertFalse(run.out().isEmpty());
    assertTrue(run.out().contains("Exit 0 whether or not anything changed"), run.out());
  }
}

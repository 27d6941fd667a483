package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: one rule for --out in every command that writes; a refusal is exit 2 and changes nothing. */
class OutputPathTest {
  @TempDir Path dir;

  @Test
  void compile_outIsAWorkbook_isRefusedAndTheWorkbookKept() throws IOException {
    Path workbook = Files.copy(Path.of("catalogue/residence.xlsx"), dir.resolve("residence.xlsx"));
    byte[] before = Files.readAllBytes(workbook);
    CliRun run = CliRun.of("compile", "--out", workbook.toString());
    assertEquals(2, run.exit());
    assertEquals("talap compile: refusing to write " + workbook + ": it is a workbook; give a file such as "
        + "out/report.txt\n", run.err());
    assertArrayEquals(before, Files.readAllBytes(workbook));
  }

  @Test
  void compile_outInsideTheCatalogueFolderAsAWorkbook_isRefused() {
    CliRun run = CliRun.of("compile", "--out", "catalogue/residence.xlsx");
    assertEquals(2, run.exit());
    assertEquals("talap compile: refusing to write catalogue/residence.xlsx: it is a workbook; give a file such as "
        + "out/report.txt\n", run.err());
  }

  @Test
  void check_outIsTheSubmission_isRefusedAndTheSubmissionKept() throws IOException {
    Path submission = Files.copy(Path.of("catalogue/examples/prp-complete.json"), dir.resolve("sub.json"));
    byte[] before = Files.readAllBytes(submission);
    CliRun run = CheckCommandTest.check("--out", submission.toString(), submission.toString());
    assertEquals(2, run.exit());
    assertEquals("talap check: refusing to write " + submission + ": it is an input of this command (" + submission
        + ")\n", run.err());
    assertArrayEquals(before, Files.readAllBytes(submission));
    CliRun inFolder = CheckCommandTest.check("--out", dir.resolve("report.json").toString(), dir.toString());
    assertEquals(2, inFolder.exit());
    assertEquals("talap check: refusing to write " + dir.resolve("report.json") + ": it is inside the input folder "
        + dir + ", where the next run would read it\n", inFolder.err());
  }

  @Test
  void outputs_specialFilesLinksFoldersAndTemplates_areRefused() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), elsewhere.resolve("target.json"));
    CliRun viaLink = CliRun.of("compile", "--out", link.toString());
    assertEquals(2, viaLink.exit());
    assertEquals("talap compile: refusing to write " + link + ": it is a symbolic link; talap replaces what it "
        + "writes and does not follow links\n", viaLink.err());
    assertTrue(Files.notExists(elsewhere.resolve("target.json")));
    CliRun device = CliRun.of("schema", "--out", "/dev/null");
    assertEquals(2, device.exit());
    assertEquals("talap schema: refusing to write /dev/null: it is a special file (a device, a pipe or a socket), "
        + "not a regular file\n", device.err());
    CliRun folder = CliRun.of("diff", "catalogue", "catalogue", "--out", dir.toString());
    assertEquals(2, folder.exit());
    assertEquals("talap diff: refusing to write " + dir + ": it is a folder\n", folder.err());
    CliRun template = CheckCommandTest.check("--format", "html", "--out", "templates/check.ftlh",
        "catalogue/examples/prp-complete.json");
    assertEquals(2, template.exit());
    assertEquals("talap check: refusing to write templates/check.ftlh: it is a template\n", template.err());
    CliRun site = CliRun.of("publish", "--out", "templates");
    assertEquals(2, site.exit());
    assertEquals("talap publish: refusing to write templates: it is an input of this command (templates)\n",
        site.err());
    CliRun holds = CliRun.of("publish", "--out", ".");
    assertEquals(2, holds.exit());
    assertEquals("talap publish: refusing to write .: the folder holds an input of this command (catalogue)\n",
        holds.err());
    Path foreign = Files.createSymbolicLink(dir.resolve("site"), elsewhere);
    CliRun linkedSite = CliRun.of("publish", "--out", foreign.toString());
    assertEquals(2, linkedSite.exit());
    assertEquals("talap publish: refusing to write " + foreign + ": it is a symbolic link; talap replaces what it "
        + "writes and does not follow links\n", linkedSite.err());
    Path workbookLink = Files.createSymbolicLink(dir.resolve("new.xlsx"), elsewhere.resolve("new.xlsx"));
    CliRun workbook = CliRun.of("new-workbook", "--force", workbookLink.toString());
    assertEquals(2, workbook.exit());
    assertEquals("talap new-workbook: refusing to write " + workbookLink + ": it is a symbolic link; talap replaces "
        + "what it writes and does not follow links\n", workbook.err());
    assertTrue(Files.notExists(elsewhere.resolve("new.xlsx")));
  }
}

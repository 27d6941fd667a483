package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code talap serve} refuses to start, with a clear message and exit code, when there is nothing good to serve. */
class ServeCommandTest {
  @TempDir
  Path folder;

  @Test
  void catalogueWithErrors_printsThemAndExits1() throws Exception {
    Path workbook = TestCatalogue.valid().set("Requirements", 0, "document", "PASSPRT").write(folder.resolve("t.xlsx"));
    CliRun run = CliRun.of("serve", "--preview", "--catalogue", workbook.toString(), "--port", "0", "--db", db());
    assertEquals(1, run.exit(), run.err());
    assertEquals("t.xlsx: Requirements!E2: error: unknown document code 'PASSPRT' — did you mean 'PASSPORT'?\n"
        + "talap serve: the catalogue has errors; nothing to serve\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void badPort_isAUsageError() {
    CliRun run = CliRun.of("serve", "--port", "70000");
    assertEquals(2, run.exit());
    assertEquals("talap serve: bad --port '70000' (expected a whole number from 0 to 65535)\n", run.err());
  }

  @Test
  void missingTemplates_isAUsageError() {
    CliRun run = CliRun.of("serve", "--preview", "--templates", folder.resolve("none").toString(), "--port", "0", "--db",
        db());
    assertEquals(2, run.exit());
    assertEquals("talap serve: " + folder.resolve("none") + ": template folder not found\n", run.err());
  }

  @Test
  void journalThatCannotBeOpened_isAUsageError() throws Exception {
    java.nio.file.Files.writeString(folder.resolve("file"), "not a folder");
    CliRun run = CliRun.of("serve", "--preview", "--port", "0", "--db", folder.resolve("file/talap.db").toString());
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().startsWith("talap serve: cannot open the journal jdbc:sqlite:"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void hostBeyondThisMachine_withoutAnAdmin_refusesToStart() {
    CliRun run = CliRun.of("serve", "--preview", "--host", "0.0.0.0", "--port", "0", "--db", db());
    assertEquals(2, run.exit(), run.err());
    assertEquals("talap serve: refusing to listen on 0.0.0.0 beyond this machine without an admin account in the "
        + "journal jdbc:sqlite:" + folder.resolve("talap.db") + "; add one first: talap user add NAME --role admin "
        + "--office OFFICE\n", run.err());
  }

  private String db() {
    return folder.resolve("talap.db").toString();
  }

  @Test
  void help_namesTheOptions() {
    CliRun run = CliRun.of("serve", "--help");
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("--host <ADDRESS>"), run.out());
    assertTrue(run.out().contains("--db <DB>"), run.out());
    assertTrue(run.out().contains("address to listen on (default: 127.0.0.1; 0.0.0.0 for every"), run.out());
  }
}

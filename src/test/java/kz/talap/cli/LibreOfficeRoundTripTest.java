package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped workbooks, re-saved by LibreOffice as an editor would, compile to the same JSON. */
class LibreOfficeRoundTripTest {
  @TempDir Path dir;

  @Test
  void compile_afterLibreOfficeResave_givesIdenticalJson() throws Exception {
    Path soffice = findSoffice();
    Path resaved = Files.createDirectories(dir.resolve("resaved"));
    List<String> command = new ArrayList<>(List.of(soffice.toString(), "--headless", "--norestore",
        "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", "xlsx", "--outdir",
        resaved.toString()));
    try (var files = Files.list(Path.of("catalogue"))) {
      files.filter(f -> f.toString().endsWith(".xlsx")).sorted().forEach(f -> command.add(f.toString()));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("soffice.log").toFile()).start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "LibreOffice did not finish in 180 s");
    assertEquals(0, process.exitValue(), Files.readString(dir.resolve("soffice.log")));

    Path original = dir.resolve("original.json");
    Path roundTrip = dir.resolve("round-trip.json");
    assertEquals(0, CliRun.of("compile", "--as-of", "2026-11-21", "--out", original.toString()).exit());
    CliRun run = CliRun.of("compile", "--catalogue", resaved.toString(), "--as-of", "2026-11-21", "--out",
        roundTrip.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(roundTrip));
  }

  /**
   * LibreOffice's soffice on the PATH. It is required in CI (.ci/run installs it); on a developer machine without it
   * the calling test is skipped. Shared with {@link WorkbookGuardTest}.
   */
  static Path findSoffice() {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(folder, "soffice");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    if (System.getenv("CI") != null) {
      fail("LibreOffice (soffice) is not installed; .ci/run must install libreoffice-calc-nogui");
    }
    Assumptions.abort("LibreOffice is not installed");
    return null;
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: nothing but talap's own messages reaches the user. POI logs through the Log4j API straight to the
 * process's standard error, so this runs talap in a process of its own, as a user would.
 */
class LibraryOutputTest {
  @TempDir Path dir;

  @Test
  void compile_doctypeInTheCoreProperties_printsNoLibraryLogOrStackTrace() throws IOException, InterruptedException {
    Path workbook = TestCatalogue.valid().write(dir.resolve("t.xlsx"));
    HostileCatalogueTest.rewrite(workbook, "docProps/core.xml", "?>", "?><!DOCTYPE x [<!ENTITY a \"b\">]>");
    Path stderr = dir.resolve("stderr.txt");
    Path stdout = dir.resolve("stdout.txt");
    Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "compile", "--catalogue",
        workbook.toString(), "--as-of", "2026-11-21", "--out", dir.resolve("c.json").toString()))
        .redirectError(stderr.toFile()).redirectOutput(stdout.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS));
    assertEquals("", Files.readString(stderr, StandardCharsets.UTF_8));
    assertEquals(0, process.exitValue());
    assertTrue(Files.readString(stdout).startsWith("Catalogue T1 as of 2026-11-21: 1 service, 0 sub-types, "),
        Files.readString(stdout));
  }
}

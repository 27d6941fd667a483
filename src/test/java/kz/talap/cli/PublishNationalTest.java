package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a national-style catalogue publishes in a small heap, because pages go to disk as they are rendered. The
 * generated catalogue (the bench's, at a small size) has 8 services of 200 requirements in force, each with a
 * questionnaire of 255 pages per language: 6,120 questionnaire pages of about 100 KB, some 600 MB of HTML that a
 * publish holding every page until the end could not keep in the 128 MB heap of the child process.
 */
class PublishNationalTest {
  @TempDir Path dir;

  @Test
  void publish_nationalStyleCatalogue_completesIn128MegabytesAndWritesEveryPage()
      throws IOException, InterruptedException {
    Path catalogue = dir.resolve("national");
    new NationalCatalogue(2, 8, 2400).write(catalogue, ShippedCatalogue.FOLDER.resolve("reference.xlsx"));
    Path site = dir.resolve("site");
    Path log = dir.resolve("publish.log");
    Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx128m",
        "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "publish", "--catalogue", catalogue.toAbsolutePath().toString(), "--as-of", PublishCommandTest.AS_OF,
        "--templates", Path.of("templates").toAbsolutePath().toString(), "--no-cache", "--out", site.toString())
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = child.waitFor();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, exit, output);
    assertTrue(output.contains("Published 31 pages and 6120 questionnaire pages in kk, ru, en to " + site + " in "),
        output);
    try (Stream<Path> files = Files.walk(site.toRealPath())) {
      List<String> html = files.filter(f -> f.toString().endsWith(".html")).map(Path::toString).toList();
      assertEquals(31 + 6120, html.size());
      assertEquals(6120, html.stream().filter(f -> f.contains("/q/")).count());
    }
    // The first question of each service's questionnaire, in each language.
    for (String lang : List.of("kk", "ru", "en")) {
      for (int service = 1; service <= 8; service++) {
        assertTrue(Files.isRegularFile(site.resolve(lang + "/svc-000" + service + "/q/index.html")), lang + service);
      }
    }
  }
}

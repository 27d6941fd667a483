package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's sample output is what the program prints today (times and output folders aside). */
class ReadmeTest {
  @TempDir Path dir;

  /** The lines of the README's example that starts with {@code $ command}, up to the end of its code block. */
  static List<String> sample(String command) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"));
    int start = lines.indexOf("$ " + command);
    assertTrue(start >= 0, "README has no example '$ " + command + "'");
    int end = start + 1;
    while (!lines.get(end).startsWith("```")) {
      end++;
    }
    return lines.subList(start + 1, end);
  }

  /** Output with the run's times and temporary folders in the README's words. */
  private String normalised(CliRun run, String out) {
    return run.out().replace(out, "out/site").replace(dir.resolve("catalogue.json").toString(), "out/catalogue.json")
        .replaceAll(" in \\d+ ms", " in N ms");
  }

  @Test
  void compileSample_isWhatCompilePrints() throws IOException {
    CliRun run = CliRun.of("compile", "--as-of", "2026-11-21", "--out", dir.resolve("catalogue.json").toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(String.join("\n", sample("./talap compile")).replaceAll(" in \\d+ ms", " in N ms") + "\n",
        normalised(run, dir.resolve("site").toString()));
  }

  @Test
  void publishSample_isWhatPublishPrints() throws IOException {
    String out = dir.resolve("site").toString();
    CliRun run = CliRun.of("publish", "--as-of", "2026-11-21", "--out", out);
    assertEquals(0, run.exit(), run.err());
    assertEquals(String.join("\n", sample("./talap publish")).replaceAll(" in \\d+ ms", " in N ms") + "\n",
        normalised(run, out));
  }

  @Test
  void version_printsTheProgramVersionAndBuild() {
    CliRun run = CliRun.of("--version");
    assertEquals(0, run.exit());
    // In-process the classes are not in a jar: the build is "development"; the jar prints its hash.
    assertEquals("talap 0.1.0 (build development)\n", run.out());
  }
}

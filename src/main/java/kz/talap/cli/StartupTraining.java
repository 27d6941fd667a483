package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run the launcher records into its class-data-sharing archive after a build ({@code java
 * -XX:ArchiveClassesAtExit=...}): the commands people run most, in one JVM, so that every class they load is in the
 * archive — compiling the shipped catalogue, loading it from the cache, checking and publishing. Output is discarded
 * and the cache and site are written to a temporary folder that is removed afterwards.
 */
final class StartupTraining {
  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    Path home = Path.of(args.length > 0 ? args[0] : ".");
    Path scratch = Files.createTempDirectory("talap-training-");
    System.setProperty("talap.cache", scratch.resolve("cache").toString());
    String catalogue = home.resolve("catalogue").toString();
    String templates = home.resolve("templates").toString();
    String example = home.resolve("catalogue/examples/trp-work-complete.json").toString();
    List<List<String>> runs = List.of(
        List.of("check", "--catalogue", catalogue, "--templates", templates, "--format", "html", example),
        List.of("check", "--catalogue", catalogue, "--templates", templates, example),
        List.of("check", "--catalogue", catalogue, "--templates", templates, "--format", "json", "--lang", "kk",
            example),
        List.of("publish", "--catalogue", catalogue, "--templates", templates, "--out",
            scratch.resolve("site").toString()),
        List.of("due", "--catalogue", catalogue, "--service", "TRP", "--at",
            "2026-03-20T17:00"));
    try {
      for (List<String> run : runs) {
        new Main(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
            .run(run.toArray(String[]::new));
      }
    } finally {
      try (Stream<Path> files = Files.walk(scratch)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}

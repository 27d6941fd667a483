package kz.talap.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
record CliRun(int exit, String out, String err) {
  static CliRun of(String... args) {
    return withInput("", args);
  }

  /** This run with the shipped catalogue's version replaced by {@code VERSION}, so expected output survives edits. */
  CliRun withVersion() {
    String version = ShippedVersion.VERSION;
    return new CliRun(exit, out.replace(version, "VERSION"), err.replace(version, "VERSION"));
  }

  /** Runs with {@code stdin} as standard input. */
  static CliRun withInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new Main(new PrintWriter(out), new PrintWriter(err), false,
        new BufferedReader(new StringReader(stdin))).run(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  /**
   * The first result of a {@code check --format json} run: its verdict, then each finding as "severity kind subject:
   * message" in one language, each followed by its citation in that language when {@code citations} is set.
   */
  java.util.List<String> findings(String lang, boolean citations) {
    com.fasterxml.jackson.databind.JsonNode result;
    try {
      result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out).get("results").get(0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    java.util.List<String> lines = new java.util.ArrayList<>();
    lines.add(result.get("verdict").asText());
    for (com.fasterxml.jackson.databind.JsonNode f : result.get("findings")) {
      lines.add(f.get("severity").asText() + " " + f.get("kind").asText() + " " + f.get("subject").asText() + ": "
          + f.get("message").get(lang).asText());
      if (citations) {
        lines.add("  " + f.get("citation").get(lang).asText());
      }
    }
    return lines;
  }

  /** The version of the shipped catalogue, compiled once. */
  private static final class ShippedVersion {
    static final String VERSION = kz.talap.compile.CatalogueCompiler.compile(kz.talap.workbook.WorkbookReader.read(
        java.util.List.of(ShippedCatalogue.FOLDER)), java.time.LocalDate.of(2026, 11, 21), true).catalogue()
        .orElseThrow().version();
  }
}

package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import kz.talap.compile.CompileResult;
import kz.talap.json.SubmissionSchema;
import kz.talap.source.AtomicFile;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code talap schema}: the JSON Schema of submissions, with the catalogue's codes and facts enumerated. */
final class SchemaCommand {
  private final PrintWriter out;
  private final PrintWriter err;

  SchemaCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Options options = CompileCommand.catalogueOptions();
    options.addOption(CompileCommand.noCache());
    options.addOption(kz.talap.cli.Options.asOf());
    options.addOption(Option.builder("o").longOpt("out").hasArg().argName("FILE")
        .desc("write the schema to FILE instead of standard output").build());
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("schema", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("schema", "Prints the JSON Schema of a submission for the catalogue.",
          options));
      return Main.OK;
    }
    if (!line.getArgList().isEmpty()) {
      err.println("talap schema: unexpected argument '" + line.getArgList().get(0) + "'");
      return Main.USAGE;
    }
    Optional<LocalDate> asOf = kz.talap.cli.Options.asOf("schema", line, err);
    if (asOf.isEmpty()) {
      return Main.USAGE;
    }
    if (line.hasOption("out") && OutputPath.refused("schema", Path.of(line.getOptionValue("out")),
        OutputPath.Kind.FILE, OutputPath.Input.catalogue(CompileCommand.inputs(line)), err)) {
      return Main.USAGE;
    }
    if (!CompileCommand.announce(line, "schema", err)) {
      return Main.FAILED;
    }
    CompileResult result = CompileCommand.compiled(line, asOf.get());
    if (result.catalogue().isEmpty()) {
      return CompileCommand.explainErrors("schema", result, err);
    }
    String schema = SubmissionSchema.of(result.catalogue().get());
    if (!line.hasOption("out")) {
      out.print(schema);
      return Main.OK;
    }
    Path target = Path.of(line.getOptionValue("out"));
    try {
      AtomicFile.write(target, stream -> stream.write(schema.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      err.println("talap schema: cannot write " + target + ": " + e.getMessage());
      return Main.USAGE;
    }
    out.println("Wrote " + target);
    return Main.OK;
  }
}

package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kz.talap.json.ReleaseJson;
import kz.talap.publish.PdfFonts;
import kz.talap.release.Approval;
import kz.talap.release.ReleaseShelf;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code talap release build|approve|list|show|verify}: dated, immutable release folders that a second editor
 * approves; {@code talap serve} serves only approved ones.
 */
final class ReleaseCommand {
  static final String DEFAULT_RELEASES = "releases";
  private static final String USAGE = "usage: talap release build|approve ID|list|show ID|verify ID|--all [options]";
  private final PrintWriter out;
  private final PrintWriter err;

  ReleaseCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** The --releases option of every release command and of serve. */
  static Option releasesOption() {
    return Option.builder().longOpt("releases").hasArg().argName("DIR")
        .desc("the folder of releases (default: " + DEFAULT_RELEASES + ")").build();
  }

  static ReleaseShelf shelf(CommandLine line) {
    return new ReleaseShelf(Path.of(line.getOptionValue("releases", DEFAULT_RELEASES)), ReleaseJson.CODEC);
  }

  int run(String[] args) {
    if (args.length == 0) {
      err.println(USAGE);
      return Main.USAGE;
    }
    if (args[0].equals("--help") || args[0].equals("-h")) {
      out.println(USAGE);
      out.println("""
          Commands:
            build     build a release folder from the catalogue (refused on errors or failing scenarios)
            approve   approve a release as a second editor
            list      list the releases: approved or awaiting approval, verified or TAMPERED
            show      show a release: manifest, diff, scenario and quality lines
            verify    re-hash every file of a release (or --all) against its manifest
          Run 'talap release <command> --help' for its options.""");
      return Main.OK;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    return switch (args[0]) {
      case "build" -> build(rest);
      case "approve" -> approve(rest);
      case "list" -> list(rest);
      case "show" -> show(rest);
      case "verify" -> verify(rest);
      default -> {
        err.println("talap release: unknown command '" + args[0] + "'");
        err.println(USAGE);
        yield Main.USAGE;
      }
    };
  }

  private int build(String[] args) {
    Options options = CompileCommand.catalogueOptions();
    options.addOption(kz.talap.cli.Options.asOf());
    options.addOption(releasesOption());
    options.addOption(editor("the editor building the release"));
    options.addOption(at());
    options.addOption(Option.builder("t").longOpt("templates").hasArg().argName("FOLDER")
        .desc("the FreeMarker templates and site.css (default: " + PublishCommand.DEFAULT_TEMPLATES + ")").build());
    options.addOption(Option.builder().longOpt("pdf").desc("also write the PDF of every checklist into the site")
        .build());
    options.addOption(Option.builder().longOpt("fonts").hasArg().argName("FOLDER")
        .desc("with --pdf: the folder of the DejaVu fonts (default: " + PdfFonts.DEBIAN + ")").build());
    Optional<CommandLine> parsed = parse("build", options, args, 0,
        "Builds a dated release folder (releases/<as-of>-<n>) from the catalogue: the workbooks, catalogue.json, the "
            + "site, the diff against the previous release, the scenario results, the quality report and "
            + "manifest.json. Refused (exit 1) when the catalogue has errors or a scenario fails.");
    if (parsed.isEmpty()) {
      return help;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("allow-missing-translations")) {
      err.println("talap release build: a release needs every text in kk, ru and en; "
          + "--allow-missing-translations is not accepted");
      return Main.USAGE;
    }
    if (line.hasOption("fonts") && !line.hasOption("pdf")) {
      err.println("talap release build: --fonts is only for --pdf");
      return Main.USAGE;
    }
    Optional<LocalDate> asOf = kz.talap.cli.Options.asOf("release build", line, err);
    Optional<String> editor = editor("build", line);
    Optional<Instant> at = at("build", line);
    if (asOf.isEmpty() || editor.isEmpty() || at.isEmpty()) {
      return Main.USAGE;
    }
    Optional<Path> fonts = line.hasOption("pdf")
        ? Optional.of(Path.of(line.getOptionValue("fonts", PdfFonts.DEBIAN.toString()))) : Optional.empty();
    return new ReleaseBuild(shelf(line), out, err).run(new ReleaseBuild.Request(CompileCommand.inputs(line),
        asOf.get(), editor.get(), at.get(),
        Path.of(line.getOptionValue("templates", PublishCommand.DEFAULT_TEMPLATES)), fonts));
  }

  private int approve(String[] args) {
    Options options = kz.talap.cli.Options.withHelp(new Options());
    options.addOption(releasesOption());
    options.addOption(editor("the second editor approving the release (not the one who built it)"));
    options.addOption(at());
    Optional<CommandLine> parsed = parse("approve ID", options, args, 1,
        "Approves release ID as a second editor, in approval.json beside it. Refused (exit 1) when the editor built "
            + "it, when it fails verification, or when it is approved already.");
    if (parsed.isEmpty()) {
      return help;
    }
    CommandLine line = parsed.get();
    Optional<String> editor = editor("approve", line);
    Optional<Instant> at = at("approve", line);
    if (editor.isEmpty() || at.isEmpty()) {
      return Main.USAGE;
    }
    String id = line.getArgList().get(0);
    try {
      Approval approval = shelf(line).approve(id, editor.get(), at.get());
      out.println("Approved release " + id + " by " + approval.approvedBy() + " at " + approval.approvedAt());
      return Main.OK;
    } catch (ReleaseShelf.Problem e) {
      err.println("talap release approve: " + e.getMessage());
      return Main.FAILED;
    } catch (IOException e) {
      err.println("talap release approve: cannot write the approval of " + id + ": " + e.getMessage());
      return Main.USAGE;
    }
  }

  private int list(String[] args) {
    Options options = kz.talap.cli.Options.withHelp(new Options());
    options.addOption(releasesOption());
    Optional<CommandLine> parsed = parse("list", options, args, 0,
        "Lists the releases, oldest first: id, catalogue version, as-of day, who built and approved it when, "
            + "and whether every file is as built.");
    if (parsed.isEmpty()) {
      return help;
    }
    return new ReleaseReport(out, err).list(shelf(parsed.get()));
  }

  private int show(String[] args) {
    Options options = kz.talap.cli.Options.withHelp(new Options());
    options.addOption(releasesOption());
    Optional<CommandLine> parsed = parse("show ID", options, args, 1,
        "Shows release ID: its manifest, approval, verification, and its diff, scenario and quality lines.");
    if (parsed.isEmpty()) {
      return help;
    }
    return new ReleaseReport(out, err).show(shelf(parsed.get()), parsed.get().getArgList().get(0));
  }

  private int verify(String[] args) {
    Options options = kz.talap.cli.Options.withHelp(new Options());
    options.addOption(releasesOption());
    options.addOption(Option.builder().longOpt("all").desc("verify every release").build());
    Optional<CommandLine> parsed = parse("verify ID|--all", options, args, -1,
        "Re-hashes every file of a release against its manifest: a changed, missing or added file fails with its "
            + "path (exit 1).");
    if (parsed.isEmpty()) {
      return help;
    }
    CommandLine line = parsed.get();
    boolean all = line.hasOption("all");
    if (all == (line.getArgList().size() == 1) || line.getArgList().size() > 1) {
      err.println("talap release verify: expected one release ID or --all");
      return Main.USAGE;
    }
    ReleaseShelf shelf = shelf(line);
    return new ReleaseReport(out, err).verify(shelf, all ? shelf.ids() : List.of(line.getArgList().get(0)));
  }

  private int help;

  /**
   * Parses the options of a sub-command with {@code arguments} positional arguments (-1: any). Empty when there is
   * nothing more to do; {@link #help} then holds the exit code.
   */
  private Optional<CommandLine> parse(String command, Options options, String[] args, int arguments,
      String summary) {
    String name = command.split(" ")[0];
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("release " + name, options, args, err);
    if (parsed.isEmpty()) {
      help = Main.USAGE;
      return parsed;
    }
    if (parsed.get().hasOption("help")) {
      out.print(kz.talap.cli.Options.help("release " + command, summary, options));
      help = Main.OK;
      return Optional.empty();
    }
    List<String> rest = parsed.get().getArgList();
    if (arguments >= 0 && rest.size() != arguments) {
      err.println("talap release " + name + ": " + (arguments == 0 ? "unexpected argument '" + rest.get(0) + "'"
          : "expected " + arguments + " release ID, got " + rest.size()));
      help = Main.USAGE;
      return Optional.empty();
    }
    return parsed;
  }

  private static Option editor(String what) {
    return Option.builder().longOpt("editor").hasArg().argName("NAME").desc(what + " (required)").build();
  }

  private static Option at() {
    return Option.builder().longOpt("at").hasArg().argName("TIME")
        .desc("the time to record, e.g. 2026-11-21T09:30:00Z (default: now)").build();
  }

  private Optional<String> editor(String command, CommandLine line) {
    String name = line.getOptionValue("editor");
    if (name == null) {
      err.println("talap release " + command + ": --editor NAME is required: the editor's name is recorded");
      return Optional.empty();
    }
    if (!ReleaseShelf.validEditor(name)) {
      err.println("talap release " + command + ": bad editor name '" + name + "' (1 to 64 letters, digits, spaces, "
          + "'.', '_', '@' or '-', starting with a letter or digit)");
      return Optional.empty();
    }
    return Optional.of(name);
  }

  private Optional<Instant> at(String command, CommandLine line) {
    String value = line.getOptionValue("at");
    if (value == null) {
      return Optional.of(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      err.println("talap release " + command + ": bad time '" + value + "' for --at (expected e.g. "
          + "2026-11-21T09:30:00Z)");
      return Optional.empty();
    }
  }
}

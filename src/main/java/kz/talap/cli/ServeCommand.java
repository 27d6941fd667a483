package kz.talap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import kz.talap.journal.Journal;
import kz.talap.release.ReleaseShelf;
import kz.talap.server.Limits;
import kz.talap.server.Server;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code talap serve}: the counter pages and the HTTP API, on 127.0.0.1 unless told otherwise, until SIGTERM or
 * Ctrl-C, which let requests in flight finish. It serves an approved release (the latest by default, verified first),
 * or with {@code --preview} the working copy of the catalogue, watched and marked as a preview on every page.
 */
final class ServeCommand {
  private final PrintWriter out;
  private final PrintWriter err;

  ServeCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    Options options = kz.talap.cli.Options.withHelp(new Options());
    options.addOption(Option.builder("c").longOpt("catalogue").hasArg().argName("PATH")
        .desc("with --preview: the catalogue workbook or folder of .xlsx files, watched for changes (default: "
            + "catalogue)").build());
    options.addOption(Option.builder().longOpt("release").hasArg().argName("ID")
        .desc("the approved release to serve, or latest (the default: the newest approved release)").build());
    options.addOption(Option.builder().longOpt("preview")
        .desc("serve the working copy of the catalogue instead of a release, marked as a preview").build());
    options.addOption(ReleaseCommand.releasesOption());
    options.addOption(Option.builder().longOpt("allow-missing-translations")
        .desc("report missing kk/ru/en texts as warnings instead of errors").build());
    options.addOption(Option.builder().longOpt("host").hasArg().argName("ADDRESS")
        .desc("address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)").build());
    options.addOption(Option.builder("p").longOpt("port").hasArg().argName("PORT")
        .desc("port to listen on (default: 8080; 0 picks a free one)").build());
    options.addOption(Option.builder().longOpt("templates").hasArg().argName("DIR")
        .desc("template folder of the counter pages (default: templates)").build());
    options.addOption(Option.builder().longOpt("poll").hasArg().argName("MILLIS")
        .desc("how often the workbooks are looked at for changes (default: 1000)").build());
    options.addOption(JournalAccess.db());
    Optional<CommandLine> parsed = kz.talap.cli.Options.parse("serve", options, args, err);
    if (parsed.isEmpty()) {
      return Main.USAGE;
    }
    CommandLine line = parsed.get();
    if (line.hasOption("help")) {
      out.print(kz.talap.cli.Options.help("serve",
          "Serves the counter pages (/counter/kk/) and the HTTP API (/api/v1/, /api/openapi.json).", options));
      return Main.OK;
    }
    if (!line.getArgList().isEmpty()) {
      err.println("talap serve: unexpected argument '" + line.getArgList().get(0) + "'");
      return Main.USAGE;
    }
    Optional<Integer> port = number(line, "port", 8080, 0, 65535);
    Optional<Integer> poll = number(line, "poll", 1000, 50, 3_600_000);
    if (port.isEmpty() || poll.isEmpty()) {
      return Main.USAGE;
    }
    String host = line.getOptionValue("host", "127.0.0.1");
    boolean preview = line.hasOption("preview");
    if (preview && line.hasOption("release")) {
      err.println("talap serve: --release and --preview exclude each other");
      return Main.USAGE;
    }
    if (!preview && line.hasOption("catalogue")) {
      err.println("talap serve: --catalogue serves a working copy, so it needs --preview; without it talap serve "
          + "serves an approved release (--release ID|latest)");
      return Main.USAGE;
    }
    Path catalogue = Path.of(line.getOptionValue("catalogue", CompileCommand.DEFAULT_CATALOGUE));
    Optional<String> release = Optional.empty();
    if (!preview) {
      Optional<ReleaseShelf.Entry> entry = approved(line);
      if (entry.isEmpty()) {
        return Main.FAILED;
      }
      release = Optional.of(entry.get().id());
      catalogue = entry.get().folder().resolve(ReleaseBuild.WORKBOOKS);
    }
    Optional<Journal> journal = JournalAccess.open("serve", line, err);
    if (journal.isEmpty()) {
      return Main.USAGE;
    }
    Server.Settings settings = new Server.Settings(catalogue, Path.of(line.getOptionValue("templates", "templates")),
        host, port.get(), Limits.DEFAULT, poll.get(), !line.hasOption("allow-missing-translations"), journal.get(),
        release);
    Server server;
    try {
      server = Server.start(settings);
    } catch (Server.StartFailure e) {
      journal.get().close();
      e.diagnostics().forEach(err::println);
      err.println("talap serve: " + e.getMessage());
      return e.diagnostics().isEmpty() ? Main.USAGE : Main.FAILED;
    }
    // SIGTERM and Ctrl-C: stop accepting, let requests in flight finish, then say so (the JVM exits with 143).
    Thread shutdown = new Thread(() -> {
      server.close();
      journal.get().close();
      out.println("Stopped");
      out.flush();
    }, "talap-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
    if (preview) {
      out.println("Serving the working copy as a preview (not an approved release): catalogue " + server.version()
          + " (" + server.label().substring(0, "preview-".length() + 12) + ") from " + catalogue + " at " + base
          + "/");
    } else {
      out.println("Serving release " + server.label() + ": catalogue " + server.version() + " from " + catalogue
          + " at " + base + "/");
    }
    out.println("Counter: " + base + "/counter/kk/  API: " + base + "/api/v1/  OpenAPI: " + base
        + "/api/openapi.json");
    out.println("Recording checks in the journal " + journal.get().name());
    out.println(preview ? "Watching " + catalogue + " for changes; stop with Ctrl-C or SIGTERM"
        : "Stop with Ctrl-C or SIGTERM");
    out.flush();
    try {
      server.join();
    } catch (InterruptedException e) {
      // Interrupted (an in-process caller stopping it): stop now, and not again at exit.
      Thread.currentThread().interrupt();
      Runtime.getRuntime().removeShutdownHook(shutdown);
      server.close();
      journal.get().close();
    }
    return Main.OK;
  }

  /** The approved release to serve, verified; empty (with the reason printed) when there is none to serve. */
  private Optional<ReleaseShelf.Entry> approved(CommandLine line) {
    ReleaseShelf shelf = ReleaseCommand.shelf(line);
    String wanted = line.getOptionValue("release", "latest");
    ReleaseShelf.Entry entry;
    if (wanted.equals("latest")) {
      Optional<ReleaseShelf.Entry> latest = shelf.latestApproved();
      if (latest.isEmpty()) {
        err.println("talap serve: no approved release in " + shelf.root() + "; build and approve one (talap release "
            + "build, then talap release approve by a second editor), or serve the working copy with --preview");
        return Optional.empty();
      }
      entry = latest.get();
    } else {
      try {
        entry = shelf.open(wanted);
      } catch (ReleaseShelf.Problem e) {
        err.println("talap serve: " + e.getMessage());
        return Optional.empty();
      }
      if (entry.approval().isEmpty() && entry.verified()) {
        err.println("talap serve: release " + wanted + " awaits approval by a second editor (talap release approve "
            + wanted + " --editor NAME); only approved releases are served");
        return Optional.empty();
      }
    }
    if (!entry.verified()) {
      err.println("talap serve: release " + entry.id() + " fails verification; refusing to serve it:");
      entry.problems().forEach(p -> err.println("  " + p));
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  private Optional<Integer> number(CommandLine line, String option, int fallback, int min, int max) {
    String value = line.getOptionValue(option);
    if (value == null) {
      return Optional.of(fallback);
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= min && number <= max) {
        return Optional.of(number);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    err.println("talap serve: bad --" + option + " '" + value + "' (expected a whole number from " + min + " to "
        + max + ")");
    return Optional.empty();
  }
}

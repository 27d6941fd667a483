package kz.talap.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** The {@code talap} command line: dispatches to one command and returns its exit code. */
public final class Main {
  /** Exit code: everything is fine. */
  public static final int OK = 0;
  /** Exit code: the catalogue has errors, or a submission is incomplete. */
  public static final int FAILED = 1;
  /** Exit code: bad usage, or an input that cannot be read. */
  public static final int USAGE = 2;

  private final PrintWriter out;
  private final PrintWriter err;
  /** The error stream as given: only the progress bar writes to it, since it redraws its line with a return. */
  private final PrintWriter rawErr;
  private final boolean terminal;
  private final BufferedReader in;

  public Main(PrintWriter out, PrintWriter err) {
    this(out, err, false);
  }

  /** @param terminal whether the error stream is a terminal (long runs then show a progress bar) */
  public Main(PrintWriter out, PrintWriter err, boolean terminal) {
    this(out, err, terminal, new BufferedReader(new StringReader("")));
  }

  /** @param in standard input, read by {@code --password-stdin} */
  public Main(PrintWriter out, PrintWriter err, boolean terminal, BufferedReader in) {
    // Messages and reports quote workbooks and submissions: their control characters are shown, never acted on.
    this.out = new PrintWriter(new EscapingWriter(out), true);
    this.err = new PrintWriter(new EscapingWriter(err), true);
    this.rawErr = err;
    this.terminal = terminal;
    this.in = in;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    int code = new Main(out, err, System.console() != null, in).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command; never throws. */
  public int run(String... args) {
    try {
      if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
        out.print(usage());
        out.flush();
        return args.length == 0 ? USAGE : OK;
      }
      if (args[0].equals("--version") || args[0].equals("-V") || args[0].equals("version")) {
        out.println(Version.text());
        out.flush();
        return OK;
      }
      String command = args[0].toLowerCase(Locale.ROOT);
      String[] rest = Arrays.copyOfRange(args, 1, args.length);
      int code = switch (command) {
        case "compile" -> new CompileCommand(out, err).run(rest);
        case "check" -> new CheckCommand(out, err, terminal, rawErr).run(rest);
        case "test" -> new TestCommand(out, err).run(rest);
        case "schema" -> new SchemaCommand(out, err).run(rest);
        case "bench" -> new BenchCommand(out, err).run(rest);
        case "due" -> new DueCommand(out, err).run(rest);
        case "publish" -> new PublishCommand(out, err).run(rest);
        case "diff" -> new DiffCommand(out, err).run(rest);
        case "new-workbook" -> new NewWorkbookCommand(out, err).run(rest);
        case "annotate" -> new AnnotateCommand(out, err).run(rest);
        case "guard" -> new GuardCommand(out, err).run(rest);
        case "quality" -> new QualityCommand(out, err).run(rest);
        case "user" -> new UserCommand(out, err, in).run(rest);
        case "token" -> new TokenCommand(out, err).run(rest);
        case "journal" -> new JournalCommand(out, err).run(rest);
        case "serve" -> new ServeCommand(out, err).run(rest);
        case "release" -> new ReleaseCommand(out, err).run(rest);
        default -> {
          err.println("talap: unknown command '" + args[0] + "'");
          err.print(usage());
          yield USAGE;
        }
      };
      return code;
    } catch (OutOfMemoryError e) {
      // Not a bug but a heap too small for the input: by now the command's data is unreachable, so there is room to
      // say how to give Java more.
      err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
      return USAGE;
    } catch (RuntimeException e) {
      err.println(fault(e));
      return USAGE;
    } finally {
      out.flush();
      err.flush();
      rawErr.flush();
    }
  }

  /** What an unexpected failure means for the user: talap's fault, to be reported, not a problem with the input. */
  static String fault(RuntimeException e) {
    return "talap: stopped by a fault in talap, not in the input (" + e + "); please report it with the input that "
        + "caused it";
  }

  /** What running out of memory means for the user, for a Java heap of at most {@code maxHeapBytes}. */
  static String outOfMemory(long maxHeapBytes) {
    return "talap: out of memory (the Java heap is " + maxHeapBytes / (1024 * 1024) + " MB); give Java more with "
        + "JAVA_TOOL_OPTIONS=-Xmx2g or run on fewer workbooks";
  }

  static String usage() {
    return """
        usage: talap <command> [options]

        commands:
          serve          serve the counter pages and the HTTP API (check, services, schema, due)
          publish        publish the catalogue as a static site of checklists in out/site (kk, ru, en)
          compile        compile the catalogue workbooks into out/catalogue.json
          diff           list what changed between two catalogues (workbooks, folders or git:REV)
          check          check submissions against the catalogue: verdict, findings, due date
          schema         print the JSON Schema of submissions for the catalogue
          test           run the scenarios of the Tests sheets against the catalogue
          bench          measure how many submissions per second check handles
          due            print the due date of a service's term for a submission time
          new-workbook   write an empty catalogue workbook with every table
          guard          add drop-down lists, date and number checks and header comments to workbooks
          annotate       copy the workbooks with every problem cell highlighted and commented
          quality        report untranslated texts, conditions that never or always hold, ended rows, duplicates
          user           add, change, disable or list staff accounts (clerk, supervisor, editor, admin)
          token          add, revoke or list API client tokens
          release        build, approve, list, show or verify dated release folders (what serve serves)
          journal        list the checks recorded in the journal, show one, or re-run it on today's catalogue

        Run 'talap <command> --help' for the options of a command, 'talap --version' for the version and build.
        """;
  }
}

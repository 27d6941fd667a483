package kz.talap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
record CliRun(int exit, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new Main(new PrintWriter(out), new PrintWriter(err)).run(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}

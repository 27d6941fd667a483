package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/** What the command line says when the Java heap is too small for the input. */
class MainTest {

  @Test
  void outOfMemory_namesTheHeapInWholeMegabytesAndHowToGrowIt() {
    assertEquals("talap: out of memory (the Java heap is 256 MB); give Java more with JAVA_TOOL_OPTIONS=-Xmx2g or "
        + "run on fewer workbooks", Main.outOfMemory(256L * 1024 * 1024));
    assertEquals("talap: out of memory (the Java heap is 1023 MB); give Java more with JAVA_TOOL_OPTIONS=-Xmx2g or "
        + "run on fewer workbooks", Main.outOfMemory(1024L * 1024 * 1024 - 1));
  }

  @Test
  void run_outOfMemoryInACommand_isTheOutOfMemoryMessageWithExit2_notAnInternalError() {
    StringWriter err = new StringWriter();

    int exit = runFailingOnFirstWrite(new OutOfMemoryError("Java heap space"), err);

    assertEquals(Main.USAGE, exit);
    assertEquals(Main.outOfMemory(Runtime.getRuntime().maxMemory()) + System.lineSeparator(), err.toString());
  }

  @Test
  void run_unexpectedFault_isReportedAsTalapsFaultWithExit2() {
    StringWriter err = new StringWriter();

    int exit = runFailingOnFirstWrite(new IllegalStateException("broken writer"), err);

    assertEquals(Main.USAGE, exit);
    assertEquals("talap: stopped by a fault in talap, not in the input (java.lang.IllegalStateException: broken "
        + "writer); please report it with the input that caused it" + System.lineSeparator(), err.toString());
  }

  /**
   * Runs {@code talap --version} with an output stream that throws {@code failure} on its first write, as a
   * command's work would; what talap says goes to {@code err}. Returns the exit code.
   */
  private static int runFailingOnFirstWrite(Throwable failure, StringWriter err) {
    Writer failing = new Writer() {
      private boolean failed;

      @Override
      public void write(char[] text, int offset, int length) {
        if (!failed) {
          failed = true;
          if (failure instanceof Error error) {
            throw error;
          }
          throw (RuntimeException) failure;
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    return new Main(new PrintWriter(failing), new PrintWriter(err), false, new BufferedReader(new StringReader("")))
        .run("--version");
  }
}

package kz.talap.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import kz.talap.source.Quoted;

/**
 * A writer that shows control characters as {@code \\uXXXX} instead of passing them on: whatever a message or a text
 * report quotes from a workbook or a submission, an ANSI escape cannot clear or recolour the clerk's terminal.
 */
final class EscapingWriter extends FilterWriter {
  /** A carriage return not yet written: harmless before a line feed (CSV's CRLF), escaped anywhere else. */
  private boolean pendingReturn;

  EscapingWriter(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    write(String.valueOf((char) c), 0, 1);
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    write(new String(buffer, offset, length), 0, length);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    StringBuilder plain = new StringBuilder(length);
    for (int i = offset; i < offset + length; i++) {
      char ch = text.charAt(i);
      if (pendingReturn) {
        pendingReturn = false;
        if (ch == '\n') {
          out.write(Quoted.escape(plain.toString()));
          plain.setLength(0);
          out.write("\r\n");
          continue;
        }
        plain.append('\r');
      }
      if (ch == '\r') {
        pendingReturn = true;
      } else {
        plain.append(ch);
      }
    }
    out.write(Quoted.escape(plain.toString()));
  }

  @Override
  public void flush() throws IOException {
    if (pendingReturn) {
      pendingReturn = false;
      out.write("\\u000d");
    }
    super.flush();
  }
}

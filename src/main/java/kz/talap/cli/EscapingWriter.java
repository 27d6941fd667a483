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
  EscapingWriter(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    char ch = (char) c;
    if (Quoted.isControl(ch) && ch != '\n' && ch != '\t') {
      out.write(String.format("\\u%04x", c));
    } else {
      out.write(c);
    }
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    write(new String(buffer, offset, length), 0, length);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    String part = text.substring(offset, offset + length);
    out.write(Quoted.escape(part));
  }
}

package kz.talap.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a JSON Lines file read as bytes, without decoding them into characters first: a line ends at
 * {@code \n}, {@code \r} or {@code \r\n}, as {@link java.io.BufferedReader#readLine()} has it, and a last line without
 * an end counts. Each line is handed over as a slice of a buffer that the next call reuses; {@link #utf8()} and
 * {@link #blank()} tell whether it is UTF-8 text and whether it holds only white space, and {@link #text()} decodes
 * it for the few lines that need a string. Checking a batch this way skips decoding every byte into a character,
 * copying the characters into a string and back into the parser's buffer.
 */
public final class JsonLines implements AutoCloseable {
  private final InputStream in;
  private byte[] buffer = new byte[1 << 16];
  /** The unread bytes are buffer[next, end). */
  private int next;
  private int end;
  private boolean eof;
  /** A line ended at \r: a \n right after it belongs to that end. */
  private boolean afterCr;
  private int start;
  private int length;
  private int number;

  public JsonLines(InputStream in) {
    this.in = in;
  }

  /** Moves to the next line; false at the end of the input. */
  public boolean next() throws IOException {
    int i = next;
    while (true) {
      if (afterCr) {
        if (next < end) {
          afterCr = false;
          if (buffer[next] == '\n') {
            next++;
          }
          i = next;
        } else if (!eof) {
          fill();
          i = next;
          continue;
        } else {
          afterCr = false;
        }
      }
      for (; i < end; i++) {
        byte b = buffer[i];
        if (b == '\n' || b == '\r') {
          return line(i - next, i + 1, b == '\r');
        }
      }
      if (eof) {
        return next < end && line(end - next, end, false);
      }
      int scanned = i - next;
      fill();
      i = next + scanned;
    }
  }

  private boolean line(int length, int after, boolean cr) {
    this.start = next;
    this.length = length;
    next = after;
    afterCr = cr;
    number++;
    return true;
  }

  /** Keeps the unread bytes at the start of the buffer (growing it for a long line) and reads more after them. */
  private void fill() throws IOException {
    int unread = end - next;
    if (next > 0) {
      System.arraycopy(buffer, next, buffer, 0, unread);
    } else if (unread == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    next = 0;
    end = unread;
    int read = in.read(buffer, end, buffer.length - end);
    if (read < 0) {
      eof = true;
    } else {
      end += read;
    }
  }

  /** The line's number, from 1. */
  public int number() {
    return number;
  }

  /** The buffer holding the line (reused by the next line). */
  public byte[] bytes() {
    return buffer;
  }

  /** Where the line starts in {@link #bytes()}. */
  public int offset() {
    return start;
  }

  /** The line's length in bytes, without its end. */
  public int length() {
    return length;
  }

  /** The line as text; only for a line that is {@link #utf8()}. */
  public String text() {
    return new String(buffer, start, length, StandardCharsets.UTF_8);
  }

  /**
   * Whether the line is well-formed UTF-8, as a strict decoder has it: no stray or missing continuation byte, no
   * overlong form, no surrogate, nothing above U+10FFFF.
   */
  public boolean utf8() {
    int i = start;
    int limit = start + length;
    while (i < limit) {
      int b = buffer[i];
      if (b >= 0) {
        i++;
        continue;
      }
      b &= 0xFF;
      int more;
      int min;
      if (b >= 0xC2 && b <= 0xDF) {
        more = 1;
        min = 0x80;
      } else if (b >= 0xE0 && b <= 0xEF) {
        more = 2;
        min = 0x800;
      } else if (b >= 0xF0 && b <= 0xF4) {
        more = 3;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + more >= limit) {
        return false;
      }
      int code = b & (0x3F >> more);
      for (int k = 1; k <= more; k++) {
        int c = buffer[i + k] & 0xFF;
        if ((c & 0xC0) != 0x80) {
          return false;
        }
        code = (code << 6) | (c & 0x3F);
      }
      if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return false;
      }
      i += more + 1;
    }
    return true;
  }

  /**
   * Whether the line holds only white space, as {@link String#isBlank()} has it; only for a line that is
   * {@link #utf8()}.
   */
  public boolean blank() {
    boolean other = false;
    for (int i = start; i < start + length; i++) {
      int b = buffer[i];
      if (b < 0) {
        other = true;
      } else if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return !other || text().isBlank();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

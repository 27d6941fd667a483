package kz.talap.publish;

import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A page being rendered, held in memory on one thread: the characters as FreeMarker writes them, then as a string or
 * as UTF-8 bytes for its file. Unlike {@link java.io.StringWriter} it takes no lock on each write, and its bytes are
 * encoded straight from the characters (a string would copy them twice on the way).
 */
final class PageBuffer extends Writer {
  private char[] chars;
  private int length;

  PageBuffer(int capacity) {
    chars = new char[capacity];
  }

  @Override
  public void write(char[] text, int offset, int count) {
    room(count);
    System.arraycopy(text, offset, chars, length, count);
    length += count;
  }

  @Override
  public void write(String text, int offset, int count) {
    room(count);
    text.getChars(offset, offset + count, chars, length);
    length += count;
  }

  @Override
  public void write(String text) {
    write(text, 0, text.length());
  }

  @Override
  public void write(int c) {
    room(1);
    chars[length++] = (char) c;
  }

  private void room(int more) {
    if (length + more > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
    }
  }

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }

  /**
   * The page in UTF-8, as {@code toString().getBytes(UTF_8)} gives it (a surrogate without its partner becomes
   * {@code ?}), in one pass: the buffer's array has room for the longest encoding, three bytes a character, and its
   * limit is where the page ends.
   */
  ByteBuffer utf8() {
    byte[] bytes = new byte[length * 3];
    int at = 0;
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      if (c < 0x80) {
        bytes[at++] = (byte) c;
      } else if (c < 0x800) {
        bytes[at++] = (byte) (0xc0 | c >> 6);
        bytes[at++] = (byte) (0x80 | c & 0x3f);
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
        // Two characters, four bytes.
        int code = Character.toCodePoint(c, chars[++i]);
        bytes[at++] = (byte) (0xf0 | code >> 18);
        bytes[at++] = (byte) (0x80 | code >> 12 & 0x3f);
        bytes[at++] = (byte) (0x80 | code >> 6 & 0x3f);
        bytes[at++] = (byte) (0x80 | code & 0x3f);
      } else if (Character.isSurrogate(c)) {
        bytes[at++] = '?';
      } else {
        bytes[at++] = (byte) (0xe0 | c >> 12);
        bytes[at++] = (byte) (0x80 | c >> 6 & 0x3f);
        bytes[at++] = (byte) (0x80 | c & 0x3f);
      }
    }
    return ByteBuffer.wrap(bytes, 0, at);
  }

  @Override
  public void flush() {
    // Nothing to flush: the page is in memory.
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}

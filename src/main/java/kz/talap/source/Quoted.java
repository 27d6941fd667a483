package kz.talap.source;

/**
 * A value from the input as a message shows it: control characters escaped (an ANSI escape in a code must not clear
 * the clerk's terminal) and long values shortened, so one hostile cell or field cannot flood the output.
 */
public final class Quoted {
  /** Values longer than this are shortened to their start, an ellipsis and their length. */
  public static final int MAX_LENGTH = 60;

  private Quoted() {}

  /** The value in double quotes, escaped and shortened. */
  public static String of(String value) {
    return "\"" + inner(value) + "\"";
  }

  /** The value escaped and shortened, without quotes. */
  public static String inner(String value) {
    if (value.codePointCount(0, value.length()) <= MAX_LENGTH) {
      return escape(value);
    }
    int end = value.offsetByCodePoints(0, MAX_LENGTH);
    return escape(value.substring(0, end)) + "… (" + value.length() + " characters)";
  }

  /**
   * Escapes what a terminal would act on: C0 and C1 control characters (except line feed and tab), DEL, and the
   * bidirectional-text controls that reorder what is shown, each as {@code \\uXXXX}.
   */
  public static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (isControl(ch) && ch != '\n' && ch != '\t') {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(String.format("\\u%04x", (int) ch));
      } else if (out != null) {
        out.append(ch);
      }
    }
    return out == null ? text : out.toString();
  }

  /** A control character a terminal or a text viewer acts on instead of showing. */
  public static boolean isControl(char ch) {
    return ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) || (ch >= 0x202a && ch <= 0x202e)
        || (ch >= 0x2066 && ch <= 0x2069) || ch == 0x200e || ch == 0x200f || ch == 0x061c;
  }
}

package kz.talap.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte lines of JSON Lines: split, checked for UTF-8 and told blank as a reader of text would. */
class JsonLinesTest {

  /** Every line: "N:text", or "N:!" for a line that is not UTF-8, with "(blank)" after a blank one. */
  private static List<String> lines(byte[] input, int chunk) throws IOException {
    List<String> seen = new ArrayList<>();
    try (JsonLines lines = new JsonLines(chunked(input, chunk))) {
      while (lines.next()) {
        if (!lines.utf8()) {
          seen.add(lines.number() + ":!");
          continue;
        }
        byte[] copy = Arrays.copyOfRange(lines.bytes(), lines.offset(), lines.offset() + lines.length());
        assertEquals(new String(copy, StandardCharsets.UTF_8), lines.text());
        seen.add(lines.number() + ":" + lines.text() + (lines.blank() ? "(blank)" : ""));
      }
    }
    return seen;
  }

  /** What BufferedReader.readLine gives, with each line checked by a strict decoder on its own. */
  private static List<String> expected(byte[] input) throws IOException {
    List<String> seen = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new ByteArrayInputStream(input), StandardCharsets.ISO_8859_1))) {
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        try {
          String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
          seen.add(number + ":" + decoded + (decoded.isBlank() ? "(blank)" : ""));
        } catch (CharacterCodingException e) {
          seen.add(number + ":!");
        }
      }
    }
    return seen;
  }

  /** A stream that hands over at most {@code chunk} bytes per read, so lines and \r\n cross every boundary. */
  private static InputStream chunked(byte[] input, int chunk) {
    return new ByteArrayInputStream(input) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  @Test
  void lines_endAtNewlineReturnOrBoth_andALastLineWithoutAnEndCounts() throws IOException {
    byte[] input = "a\nb\r\nc\rd\n\ne".getBytes(StandardCharsets.UTF_8);
    List<String> want = List.of("1:a", "2:b", "3:c", "4:d", "5:(blank)", "6:e");
    assertEquals(want, lines(input, 1 << 20));
    assertEquals(want, lines(input, 1));
    assertEquals(List.of(), lines(new byte[0], 1));
    assertEquals(List.of("1:(blank)"), lines("\n".getBytes(StandardCharsets.UTF_8), 1));
    assertEquals(List.of("1:x", "2:(blank)"), lines("x\r\r\n".getBytes(StandardCharsets.UTF_8), 1));
  }

  @Test
  void aLineLongerThanTheBuffer_isOneLine() throws IOException {
    String longLine = "{\"id\": \"" + "ж".repeat(100_000) + "\"}";
    byte[] input = ("x\n" + longLine + "\r\ny").getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of("1:x", "2:" + longLine, "3:y"), lines(input, 4096));
  }

  @Test
  void utf8_refusesWhatAStrictDecoderRefuses() throws IOException {
    assertTrue(single(bytes('{', 0xD0, 0xB6, '}')), "ж");
    assertTrue(single(bytes(0xF0, 0x9F, 0x98, 0x80)), "U+1F600");
    assertTrue(single(bytes(0xEF, 0xBB, 0xBF, '{', '}')), "a byte-order mark is UTF-8");
    assertFalse(single(bytes(0xC0, 0xAF)), "overlong /");
    assertFalse(single(bytes(0xE0, 0x80, 0xAF)), "overlong /, three bytes");
    assertFalse(single(bytes(0xED, 0xA0, 0x80)), "a surrogate");
    assertFalse(single(bytes(0xF4, 0x90, 0x80, 0x80)), "above U+10FFFF");
    assertFalse(single(bytes('a', 0xD0)), "cut short at the end of the line");
    assertFalse(single(bytes(0xD0, 'a')), "no continuation byte");
    assertFalse(single(bytes(0x80)), "a stray continuation byte");
    assertFalse(single(bytes(0xFF)), "never in UTF-8");
  }

  private static boolean single(byte[] line) throws IOException {
    try (JsonLines lines = new JsonLines(new ByteArrayInputStream(line))) {
      assertTrue(lines.next());
      return lines.utf8();
    }
  }

  @Test
  void blank_isStringIsBlank() throws IOException {
    assertEquals(List.of("1: \t(blank)", "2:\u2003\u3000(blank)", "3:\u00a0", "4:\u000b\u001f(blank)", "5: x"),
        lines(" \t\n\u2003\u3000\n\u00a0\n\u000b\u001f\n x".getBytes(StandardCharsets.UTF_8), 3));
  }

  /** 20,000 random inputs of line ends, spaces, ASCII and UTF-8 sequences, whole and broken, in random chunks. */
  @Test
  void randomInput_splitAndCheckedAsReadLineAndAStrictDecoderDo() throws IOException {
    Random random = new Random(20261202);
    byte[][] pieces = {bytes('\n'), bytes('\r'), bytes('\r', '\n'), bytes(' '), bytes('\t'), bytes('{'),
        bytes('a'), bytes(0xD0, 0xB6), bytes(0xE2, 0x80, 0x83), bytes(0xF0, 0x9F, 0x98, 0x80), bytes(0xC2, 0xA0),
        bytes(0xD0), bytes(0x80), bytes(0xED, 0xA0, 0x80), bytes(0xC0, 0x80), bytes(0xEF, 0xBB, 0xBF), bytes(0)};
    for (int n = 0; n < 20_000; n++) {
      java.io.ByteArrayOutputStream input = new java.io.ByteArrayOutputStream();
      int count = random.nextInt(30);
      for (int i = 0; i < count; i++) {
        input.writeBytes(pieces[random.nextInt(pieces.length)]);
      }
      byte[] bytes = input.toByteArray();
      assertEquals(expected(bytes), lines(bytes, 1 + random.nextInt(8)), Arrays.toString(bytes));
    }
  }
}

package kz.talap.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageBufferTest {
  /** What the page's file must hold: the text as String.getBytes gives it in UTF-8. */
  private static void assertUtf8(String text) {
    PageBuffer page = new PageBuffer(4);
    page.write(text);
    assertEquals(text, page.toString());
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes(page), text);
  }

  private static byte[] bytes(PageBuffer page) {
    ByteBuffer utf8 = page.utf8();
    byte[] bytes = new byte[utf8.remaining()];
    utf8.get(bytes);
    return bytes;
  }

  @Test
  void utf8_asStringGetBytes() {
    assertUtf8("");
    assertUtf8("<p>Items 3, 4, 7</p>");
    assertUtf8("Қазақстан Республикасы: ә ғ қ ң ө ұ ү һ і; Вид на жительство; 17\u00a0300 ₸ · ☐");
    assertUtf8("emoji \ud83d\udcc4 and a mathematical letter \ud835\udd38");
  }

  @Test
  void utf8_surrogateWithoutPartner_isQuestionMark() {
    assertUtf8("high \ud83d alone");
    assertUtf8("low \udcc4 alone");
    assertUtf8("at the end \ud83d");
    assertUtf8("\udcc4\ud83d reversed");
  }

  @Test
  void write_growsAndKeepsOrder() {
    PageBuffer page = new PageBuffer(2);
    page.write("ab");
    page.write('ç');
    page.write("xyz".toCharArray(), 1, 2);
    page.write("<html>", 1, 4);
    assertEquals("abçyzhtml", page.toString());
    assertArrayEquals("abçyzhtml".getBytes(StandardCharsets.UTF_8), bytes(page));
  }
}

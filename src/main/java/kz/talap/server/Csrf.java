package kz.talap.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed double-submit CSRF tokens: the browser keeps a random value in an HttpOnly, SameSite=Strict cookie; every
 * form carries the HMAC of that value under a key made at server start, which a page from another site cannot know
 * or compute. A form is accepted only when its token matches its cookie.
 */
final class Csrf {
  static final String COOKIE = "talap_csrf";
  static final String FIELD = "csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key = new byte[32];

  Csrf() {
    RANDOM.nextBytes(key);
  }

  /** A new cookie value. */
  static String newCookie() {
    byte[] value = new byte[32];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  /** The form token for a cookie value. */
  String token(String cookie) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(cookie.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether a form's token belongs to the cookie it came with. */
  boolean valid(String cookie, String token) {
    if (cookie == null || token == null || cookie.length() < 20) {
      return false;
    }
    return MessageDigest.isEqual(token(cookie).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.US_ASCII));
  }
}

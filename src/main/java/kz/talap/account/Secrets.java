package kz.talap.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Password hashing (Argon2id) and API tokens (256 random bits, stored as their SHA-256): the only password4j code. */
final class Secrets {
  /** OWASP's Password Storage Cheat Sheet: Argon2id with 19 MiB of memory, 2 iterations, 1 lane. */
  private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID,
      Argon2Function.ARGON2_VERSION_13);
  static final String TOKEN_PREFIX = "talap_";
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Checked against when a name is unknown, so that a wrong name takes as long as a wrong password. */
  private static final String DECOY = hash("decoy password that matches nothing".toCharArray());

  private Secrets() {}

  /** The PHC string {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, with a fresh 16-byte salt. */
  static String hash(char[] password) {
    return Password.hash(CharBuffer.wrap(password)).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  static boolean matches(char[] password, String hash) {
    if (!hash.startsWith("$argon2id$")) {
      return false;
    }
    return Password.check(CharBuffer.wrap(password), hash).with(Argon2Function.getInstanceFromHash(hash));
  }

  /** Spends the time of one check without any result. */
  static void decoy(char[] password) {
    matches(password, DECOY);
  }

  /** A new token: the prefix and 32 random bytes in URL-safe Base64 (43 characters). */
  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The lower-case hex SHA-256 of a token: enough for 256 random bits, and fast to look up. */
  static String tokenHash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}

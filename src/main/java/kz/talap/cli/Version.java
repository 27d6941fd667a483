package kz.talap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The program's version (from the build) and its build: the first 12 hex digits of the SHA-256 of the jar it runs
 * from, so two jars of one version that differ are told apart; "development" when it runs from compiled classes.
 */
final class Version {
  private Version() {}

  static String text() {
    return "talap " + version() + " (build " + build() + ")";
  }

  static String version() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }

  static String build() {
    try {
      Path source = Path.of(Version.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(source)) {
        return "development";
      }
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(source)) {
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
          sha.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (IOException | URISyntaxException | NoSuchAlgorithmException | SecurityException
        | NullPointerException e) {
      return "unknown";
    }
  }
}

package kz.talap.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files of a release folder: their hashes, their permissions, and removing a failed build. */
final class ReleaseFiles {
  private ReleaseFiles() {}

  /** SHA-256 of every file under {@code folder} but the manifest and approval, by relative path with '/'. */
  static Map<String, String> hashes(Path folder) throws IOException {
    TreeMap<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String path = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        if (!path.equals(ReleaseShelf.MANIFEST) && !path.equals(ReleaseShelf.APPROVAL)) {
          hashes.put(path, sha256(file));
        }
      }
    }
    return hashes;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Files r--r--r--, folders r-xr-xr-x: a release is not edited by accident. */
  static void readOnly(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      List<Path> all = new ArrayList<>(paths.toList());
      java.util.Collections.reverse(all); // children before their folder
      for (Path path : all) {
        permissions(path, Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--");
      }
    }
  }

  static void permissions(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      path.toFile().setWritable(permissions.charAt(1) == 'w');
    }
  }

  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      List<Path> all = new ArrayList<>(paths.toList());
      java.util.Collections.reverse(all);
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
    }
  }
}

package kz.talap.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file through a temporary file in the same folder, then moves it in place: readers never see half. The
 * temporary file is named {@code .talap-PID-….tmp} after the process writing it, so that the next write to the folder
 * can remove those of processes that were killed.
 */
public final class AtomicFile {
  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  private static final String PREFIX = ".talap-";
  private static final String SUFFIX = ".tmp";
  /** Temporary files without a process number (written by an older talap) are removed once this old. */
  private static final long UNOWNED_AGE_MILLIS = 60 * 60 * 1000L;

  public static void write(Path target, Content content) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    removeDebris(parent);
    Path temp = Files.createTempFile(parent, PREFIX + ProcessHandle.current().pid() + "-", SUFFIX);
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      readableByAll(temp);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Removes the temporary files that killed runs left in a folder: those whose process is no longer running (a
   * running one may be writing it right now), and unnumbered ones older than an hour.
   */
  public static void removeDebris(Path folder) {
    try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
      for (Path file : files) {
        String middle = file.getFileName().toString();
        middle = middle.substring(PREFIX.length(), middle.length() - SUFFIX.length());
        int dash = middle.indexOf('-');
        boolean dead;
        try {
          long pid = Long.parseLong(dash < 0 ? "x" : middle.substring(0, dash));
          dead = ProcessHandle.of(pid).isEmpty();
        } catch (NumberFormatException e) {
          dead = System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis() > UNOWNED_AGE_MILLIS;
        }
        if (dead && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Only tidying: a folder that cannot be listed is reported by the write itself.
    }
  }

  /** Temporary files are created owner-only; published files must be readable by a web server. */
  public static void readableByAll(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the default permissions apply.
    }
  }
}

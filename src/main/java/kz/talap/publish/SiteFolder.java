package kz.talap.publish;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Replaces a site folder as a whole: the new site is written to a temporary folder next to the target and renamed into
 * place; the previous site is renamed aside first and deleted only after the new one is in. A folder that is not
 * empty and was not written by talap (no marker file) is never replaced.
 */
final class SiteFolder {
  /** The marker file that says a folder is a talap site and may be replaced. */
  static final String MARKER = ".talap-site";
  static final String MARKER_TEXT = "This folder is written by 'talap publish' and replaced as a whole on each run.\n";

  private SiteFolder() {}

  static void replace(Path target, Map<String, byte[]> files) throws IOException {
    Path site = target.toAbsolutePath().normalize();
    Path parent = site.getParent();
    if (parent == null) {
      throw new IOException("the site cannot be the root folder");
    }
    checkReplaceable(site);
    Files.createDirectories(parent);
    String name = site.getFileName().toString();
    Path fresh = Files.createTempDirectory(parent, "." + name + ".new-");
    Path old = null;
    try {
      write(fresh, files);
      if (Files.exists(site)) {
        old = Files.createTempDirectory(parent, "." + name + ".old-");
        Files.delete(old);
        Files.move(site, old, StandardCopyOption.ATOMIC_MOVE);
      }
      try {
        Files.move(fresh, site, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (old != null) {
          Files.move(old, site, StandardCopyOption.ATOMIC_MOVE);
          old = null;
        }
        throw e;
      }
    } finally {
      deleteTree(fresh);
      if (old != null) {
        deleteTree(old);
      }
    }
  }

  private static void checkReplaceable(Path site) throws IOException {
    if (!Files.exists(site)) {
      return;
    }
    if (!Files.isDirectory(site)) {
      throw new IOException("it is a file, not a folder");
    }
    boolean empty;
    try (Stream<Path> listing = Files.list(site)) {
      empty = listing.findAny().isEmpty();
    }
    if (!empty && !Files.isRegularFile(site.resolve(MARKER))) {
      throw new IOException("the folder is not empty and was not written by talap publish (no " + MARKER
          + " file); choose another --out or remove the folder");
    }
  }

  private static void write(Path folder, Map<String, byte[]> files) throws IOException {
    setPermissions(folder, "rwxr-xr-x");
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path path = folder.resolve(file.getKey()).normalize();
      if (!path.startsWith(folder)) {
        throw new IOException("file name outside the site: " + file.getKey());
      }
      Files.createDirectories(path.getParent());
      Files.write(path, file.getValue());
      setPermissions(path, "rw-r--r--");
    }
  }

  private static void setPermissions(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the default permissions apply.
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}

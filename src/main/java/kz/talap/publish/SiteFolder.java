package kz.talap.publish;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import kz.talap.publish.Templates.TemplateProblem;
import kz.talap.source.AtomicFile;

/**
 * Replaces a site as a whole, so that a reader (or a run killed at any moment) never sees it half written or missing.
 *
 * <p>The site {@code out/site} is a symbolic link to a complete version folder beside it, {@code out/.site.v-…}. A run
 * writes a new version folder, makes a new link to it under a temporary name and renames that link over
 * {@code out/site}: rename(2) replaces the old link in one step, so {@code out/site} always leads to a complete site.
 * Only then is the previous version removed. Opening {@code out/site/index.html} in a browser follows the link.
 *
 * <p>Each run first removes the debris of runs that were killed ({@code .site.v-…} versions no link leads to,
 * {@code .site.link-…}, {@code .site.new-…}, {@code .site.old-…} and dead {@code .talap-…tmp} files), holding a lock
 * ({@code .site.lock}) so that two runs on one site never remove each other's work. A site that is still a plain
 * folder (published by an older talap) is moved aside once and replaced by the link; if a run is killed in that one
 * step, the next run puts the folder back first. Where symbolic links cannot be made (some Windows setups), the
 * folder is swapped by two renames instead, with the same recovery.
 *
 * <p>A folder that is not empty and was not written by talap (no marker file) is never replaced.
 */
final class SiteFolder {
  /** The marker file that says a folder is a talap site and may be replaced. */
  static final String MARKER = ".talap-site";
  static final String MARKER_TEXT = "This folder is written by 'talap publish' and replaced as a whole on each run.\n";

  private SiteFolder() {}

  /**
   * The files of a new version, written as they come. Several threads may write at once; a file written twice keeps
   * the last content.
   */
  static final class Output {
    private final Path folder;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    /** Folders made so far: a page's folder is made once, not asked for again with each of its pages. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    private Output(Path folder) {
      this.folder = folder;
    }

    /** Writes one file, by its path inside the site. */
    void write(String name, byte[] content) throws IOException {
      write(name, ByteBuffer.wrap(content));
    }

    private void write(String name, ByteBuffer content) throws IOException {
      Path path = resolve(name);
      Path parent = path.getParent();
      if (!folders.contains(parent)) {
        // Files.createDirectories on a folder that exists fails inside (an exception made and caught) before it
        // finds the folder there.
        Files.createDirectories(parent);
        folders.add(parent);
      }
      // One write(2) for the whole file (Files.write hands it over in 8 KB pieces).
      try (FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        while (content.hasRemaining()) {
          file.write(content);
        }
      }
      setPermissions(path, "rw-r--r--");
      written.add(name);
    }

    /** What a file holds, written onto a writer (UTF-8): a page rendered straight into its file. */
    interface Text {
      void writeTo(Writer writer) throws IOException, TemplateProblem;
    }

    /**
     * Writes one text file, by its path inside the site, in UTF-8. The text is made in memory and written at once
     * (one page per thread at a time): encoding a whole page to UTF-8 is much cheaper than encoding it a buffer at a
     * time through a writer.
     */
    void write(String name, Text text) throws IOException, TemplateProblem {
      PageBuffer page = new PageBuffer(16 * 1024);
      text.writeTo(page);
      write(name, page.utf8());
    }

    /** Whether a file has been written. */
    boolean has(String name) {
      return written.contains(name);
    }

    /** A file written before. */
    byte[] read(String name) throws IOException {
      return Files.readAllBytes(resolve(name));
    }

    /** Every file written, by its path inside the site, sorted. */
    List<String> files() {
      return written.stream().sorted().toList();
    }

    private Path resolve(String name) throws IOException {
      Path path = folder.resolve(name).normalize();
      if (!path.startsWith(folder) || path.equals(folder)) {
        throw new IOException("file name outside the site: " + name);
      }
      return path;
    }
  }

  /** What a run writes into the new version; may fail with a template or catalogue problem. */
  interface Content<T> {
    T writeTo(Output output) throws IOException, TemplateProblem, SitePublisher.Problem;
  }

  /**
   * Writes a new version of the site at {@code target} with {@code content} and swaps it in. The lock is held
   * throughout, so that another run's tidying never takes the version being written for debris. When the content
   * fails, the new version is removed and the site is as it was.
   */
  static <T> T replace(Path target, Content<T> content)
      throws IOException, TemplateProblem, SitePublisher.Problem {
    Path site = target.toAbsolutePath().normalize();
    Path parent = site.getParent();
    if (parent == null) {
      throw new IOException("the site cannot be the root folder");
    }
    Files.createDirectories(parent);
    String name = site.getFileName().toString();
    try (FileChannel lockFile = FileChannel.open(parent.resolve("." + name + ".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
      recover(parent, name, site);
      checkReplaceable(site);
      Path version = Files.createTempDirectory(parent, "." + name + ".v-");
      try {
        setPermissions(version, "rwxr-xr-x");
        T result = content.writeTo(new Output(version));
        swap(parent, name, site, version);
        version = null;
        return result;
      } finally {
        if (version != null) {
          deleteTree(version);
        }
      }
    }
  }

  /**
   * Cleans up after killed runs before anything else is done, so that a site a killed run left without its folder is
   * back even if this run fails: under the lock, as {@link #replace} does.
   */
  static void tidy(Path target) throws IOException {
    Path site = target.toAbsolutePath().normalize();
    Path parent = site.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return;
    }
    String name = site.getFileName().toString();
    try (FileChannel lockFile = FileChannel.open(parent.resolve("." + name + ".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
      recover(parent, name, site);
    }
  }

  /** Points the site at the new version; the previous version is removed once nothing leads to it. */
  private static void swap(Path parent, String name, Path site, Path version) throws IOException {
    Optional<Path> previous = linkTarget(site).map(parent::resolve);
    Path link = parent.resolve("." + name + ".link-" + version.getFileName().toString().substring(name.length() + 4));
    try {
      Files.createSymbolicLink(link, version.getFileName());
    } catch (UnsupportedOperationException | FileSystemException e) {
      swapFolders(parent, name, site, version);
      return;
    }
    try {
      if (Files.isDirectory(site, LinkOption.NOFOLLOW_LINKS)) {
        // A plain folder from an older talap: moved aside, and put back by the next run if this one is killed here.
        Path old = Files.createTempDirectory(parent, "." + name + ".old-");
        Files.delete(old);
        Files.move(site, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(link, site, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
      } else {
        Files.move(link, site, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(link);
    }
    if (previous.isPresent() && !previous.get().equals(version)) {
      deleteTree(previous.get());
    }
  }

  /** Without symbolic links: the previous folder is renamed aside, then the new one into place. */
  private static void swapFolders(Path parent, String name, Path site, Path version) throws IOException {
    Path old = null;
    if (Files.exists(site, LinkOption.NOFOLLOW_LINKS)) {
      old = Files.createTempDirectory(parent, "." + name + ".old-");
      Files.delete(old);
      Files.move(site, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(version, site, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (old != null) {
        Files.move(old, site, StandardCopyOption.ATOMIC_MOVE);
        old = null;
      }
      throw e;
    } finally {
      if (old != null) {
        deleteTree(old);
      }
    }
  }

  /**
   * Cleans up after killed runs: a site missing its folder gets back the one moved aside, then every version, link
   * and temporary folder that the site does not lead to is removed, and dead temporary files.
   */
  private static void recover(Path parent, String name, Path site) throws IOException {
    String prefix = "." + name + ".";
    if (!Files.exists(site, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> listing = Files.list(parent)) {
        Optional<Path> aside = listing.filter(p -> p.getFileName().toString().startsWith(prefix + "old-"))
            .filter(p -> Files.isRegularFile(p.resolve(MARKER))).findFirst();
        if (aside.isPresent()) {
          Files.move(aside.get(), site, StandardCopyOption.ATOMIC_MOVE);
        }
      }
    }
    Optional<Path> current = linkTarget(site).map(parent::resolve);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, prefix + "*")) {
      for (Path entry : entries) {
        String rest = entry.getFileName().toString().substring(prefix.length());
        boolean debris = rest.startsWith("v-") || rest.startsWith("link-") || rest.startsWith("new-")
            || rest.startsWith("old-");
        if (debris && !current.map(entry::equals).orElse(false)) {
          deleteTree(entry);
        }
      }
    }
    AtomicFile.removeDebris(parent);
  }

  /** Where the site's link leads (a sibling's name), or empty when the site is not a link. */
  private static Optional<Path> linkTarget(Path site) throws IOException {
    if (!Files.isSymbolicLink(site)) {
      return Optional.empty();
    }
    return Optional.of(Files.readSymbolicLink(site));
  }

  private static void checkReplaceable(Path site) throws IOException {
    if (Files.isSymbolicLink(site)) {
      Path to = Files.readSymbolicLink(site);
      if (to.isAbsolute() || to.getNameCount() != 1 || !to.toString().startsWith("." + site.getFileName() + ".v-")
          || !Files.isRegularFile(site.resolve(MARKER))) {
        throw new IOException("it is a symbolic link that talap did not make; choose another --out or remove it");
      }
      return;
    }
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

  private static void setPermissions(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the default permissions apply.
    }
  }

  /**
   * Removes a folder and everything in it; a link is removed itself, never what it leads to. The files are removed
   * on every core (a site has thousands; removing the previous version is part of every run), a batch at a time so
   * that a national site's 770,000 names are never held at once, then the folders, innermost first.
   */
  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(folder);
      return;
    }
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        files.add(file);
        if (files.size() == DELETE_BATCH) {
          deleteAll(files);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        // The files of this folder may still wait in the batch.
        deleteAll(files);
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static final int DELETE_BATCH = 4096;

  /** Deletes the files on every core and empties the list; the first failure is thrown after all were tried. */
  private static void deleteAll(List<Path> files) throws IOException {
    Optional<IOException> failed = files.parallelStream().map(file -> {
      try {
        Files.delete(file);
        return Optional.<IOException>empty();
      } catch (IOException e) {
        return Optional.of(e);
      }
    }).flatMap(Optional::stream).findFirst();
    files.clear();
    if (failed.isPresent()) {
      throw failed.get();
    }
  }
}

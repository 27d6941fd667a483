package kz.talap.cache;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.compile.CompileResult;
import kz.talap.source.AtomicFile;
import kz.talap.workbook.WorkbookReader;

/**
 * Compiled catalogues kept between runs, so that commands which only need the model do not compile the workbooks
 * again. An entry is keyed by the SHA-256 of everything the result depends on: the content of every workbook (and the
 * path it was named by, which diagnostics print), of every file in the templates folder, the options (as-of date,
 * whether translations are required) and the program itself (the jar's size and time, or the class files'). Each
 * entry is one file, {@code <slot>.compiled}, whose first line holds the format, the key and the SHA-256 of the rest;
 * a file whose key differs is stale, one whose body does not match its hash or does not read back is corrupt, and
 * both are silently replaced by a fresh compile. Only catalogues without errors are kept: errors are always reported
 * from the workbooks themselves.
 */
public final class CompiledCache {
  /** Where the cache lives unless told otherwise: next to the other generated files. */
  public static final Path DEFAULT_FOLDER = Path.of("out", "cache");
  private static final String FORMAT = "talap-cache/2";
  /** How many entries are kept; the least recently written go first. */
  static final int ENTRIES = 16;

  private final Path folder;

  public CompiledCache(Path folder) {
    this.folder = folder;
  }

  /** What a lookup did, for tests and the benchmark. */
  public enum Outcome { LOADED, COMPILED }

  /** A compile result and whether it came from the cache. */
  public record Lookup(CompileResult result, Outcome outcome) {}

  /**
   * The compiled catalogue for these inputs: loaded from a verified entry when one matches, otherwise compiled from
   * the workbooks (and kept when it has no errors).
   */
  public Lookup compile(List<Path> inputs, Optional<Path> templates, LocalDate asOf, boolean translationsRequired) {
    String options = "as-of " + asOf + "\ntranslations-required " + translationsRequired + "\n";
    Path entry = folder.resolve(slot(inputs, templates, options) + ".compiled");
    Optional<String> key = key(inputs, templates, options);
    if (key.isPresent()) {
      Optional<CompileResult> loaded = load(entry, key.get());
      if (loaded.isPresent()) {
        return new Lookup(loaded.get(), Outcome.LOADED);
      }
    }
    CompileResult result = CatalogueCompiler.compile(inputs, asOf, translationsRequired);
    // Kept only if no input changed while it was read: the key must describe what was compiled.
    if (key.isPresent() && result.catalogue().isPresent() && key.equals(key(inputs, templates, options))) {
      store(entry, key.get(), result);
    }
    return new Lookup(result, Outcome.COMPILED);
  }

  private static Optional<CompileResult> load(Path entry, String key) {
    try {
      byte[] bytes = Files.readAllBytes(entry);
      int newline = indexOf(bytes, (byte) '\n');
      if (newline < 0) {
        return Optional.empty();
      }
      String[] head = new String(bytes, 0, newline, StandardCharsets.US_ASCII).split(" ");
      byte[] body = Arrays.copyOfRange(bytes, newline + 1, bytes.length);
      if (head.length != 3 || !head[0].equals(FORMAT) || !head[1].equals(key) || !head[2].equals(sha256(body))) {
        return Optional.empty();
      }
      return CatalogueBinary.read(body);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void store(Path entry, String key, CompileResult result) {
    try {
      byte[] body = CatalogueBinary.write(result);
      byte[] head = (FORMAT + " " + key + " " + sha256(body) + "\n").getBytes(StandardCharsets.US_ASCII);
      AtomicFile.write(entry, out -> {
        out.write(head);
        out.write(body);
      });
      prune(entry.getParent());
    } catch (IOException | RuntimeException e) {
      // A cache that cannot be written only costs the next run a compile.
    }
  }

  /** Removes all but the {@link #ENTRIES} newest entries. */
  private static void prune(Path folder) throws IOException {
    List<Path> entries;
    try (Stream<Path> files = Files.list(folder)) {
      entries = files.filter(f -> f.getFileName().toString().endsWith(".compiled")).toList();
    }
    if (entries.size() <= ENTRIES) {
      return;
    }
    java.util.Map<Path, Long> times = new java.util.HashMap<>();
    for (Path entry : entries) {
      times.put(entry, Files.getLastModifiedTime(entry).toMillis());
    }
    List<Path> oldestFirst = entries.stream()
        .sorted(java.util.Comparator.comparing((Path p) -> times.get(p)).thenComparing(Path::toString)).toList();
    for (Path old : oldestFirst.subList(0, entries.size() - ENTRIES)) {
      Files.deleteIfExists(old);
    }
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length && i < 512; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** The file an entry for these inputs lives in: by their names and options, so an edit replaces its entry. */
  private static String slot(List<Path> inputs, Optional<Path> templates, String options) {
    StringBuilder names = new StringBuilder(options);
    inputs.forEach(p -> names.append("input ").append(p).append('\n'));
    templates.ifPresent(t -> names.append("templates ").append(t).append('\n'));
    return sha256(names.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 24);
  }

  /** The key of the inputs as they are now; empty when one cannot be read (then nothing is cached). */
  private static Optional<String> key(List<Path> inputs, Optional<Path> templates, String options) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      line(digest, FORMAT);
      line(digest, "program " + program());
      line(digest, options);
      for (Path input : inputs) {
        line(digest, "input " + input);
      }
      for (Path file : WorkbookReader.files(inputs)) {
        line(digest, "workbook " + file + " " + fileHash(file));
      }
      if (templates.isPresent() && Files.isDirectory(templates.get())) {
        try (Stream<Path> files = Files.walk(templates.get())) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            line(digest, "template " + templates.get().relativize(file) + " " + fileHash(file));
          }
        }
      }
      return Optional.of(HexFormat.of().formatHex(digest.digest()));
    } catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
      return Optional.empty();
    }
  }

  private static void line(MessageDigest digest, String text) {
    digest.update((text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static String fileHash(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String program;

  /**
   * The running program: the jar's size and modification time, or for class folders (tests, IDEs) the size and time
   * of every file in them, so that a rebuilt talap never reads an entry an older build wrote.
   */
  static synchronized String program() throws IOException {
    if (program == null) {
      CodeSource source = CompiledCache.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        throw new IOException("unknown program location");
      }
      Path location;
      try {
        location = Path.of(source.getLocation().toURI());
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new IOException("unknown program location", e);
      }
      StringBuilder stamp = new StringBuilder();
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            stamp.append(location.relativize(file)).append(' ').append(Files.size(file)).append(' ')
                .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
          }
        }
      } else {
        stamp.append(location).append(' ').append(Files.size(location)).append(' ')
            .append(Files.getLastModifiedTime(location).toMillis());
      }
      program = sha256(stamp.toString().getBytes(StandardCharsets.UTF_8));
    }
    return program;
  }
}

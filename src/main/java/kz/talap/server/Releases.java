package kz.talap.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.compile.CompileResult;
import kz.talap.source.Diagnostic;
import kz.talap.workbook.WorkbookReader;

/**
 * The release being served and the catalogue folder it comes from. A background thread looks at the workbooks'
 * sizes and modification times; once a change has stayed the same for one look (an editor's save is finished), it
 * compiles the workbooks and swaps the new release in atomically. An edit with errors keeps the last good release and
 * is remembered as the last attempt, with its diagnostics.
 */
final class Releases implements AutoCloseable {
  private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

  private final Path source;
  private final boolean translationsRequired;
  private final Clock clock;
  private final Optional<String> releaseId;
  private final AtomicReference<Release> current = new AtomicReference<>();
  private final AtomicReference<Attempt> last = new AtomicReference<>();
  private ScheduledExecutorService watcher;
  private List<String> seen = List.of();
  private List<String> pending = List.of();

  /** The outcome of the last compilation: when, the hash of the workbooks, and the diagnostics (errors first). */
  record Attempt(Instant at, String hash, boolean ok, List<Diagnostic> diagnostics) {
    Attempt {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** @param releaseId the approved release the workbooks come from; empty for the working copy (preview) */
  Releases(Path source, boolean translationsRequired, Clock clock, Optional<String> releaseId) {
    this.releaseId = releaseId;
    this.source = source;
    this.translationsRequired = translationsRequired;
    this.clock = clock;
  }

  /** Compiles the catalogue for the first time; the result has errors when there is nothing to serve. */
  CompileResult load() {
    seen = signature();
    pending = seen;
    return compile().orElseThrow();
  }

  /** Starts looking for changes every {@code millis} milliseconds. */
  void watch(long millis) {
    watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "talap-catalogue-watcher");
      thread.setDaemon(true);
      return thread;
    });
    watcher.scheduleWithFixedDelay(this::look, millis, millis, TimeUnit.MILLISECONDS);
  }

  Release current() {
    return current.get();
  }

  Attempt lastAttempt() {
    return last.get();
  }

  Path source() {
    return source;
  }

  private void look() {
    try {
      List<String> now = signature();
      if (now.equals(seen)) {
        pending = now;
        return;
      }
      if (!now.equals(pending)) {
        pending = now; // still being written: compile when it has stayed the same for one look
        return;
      }
      if (compile().isPresent()) {
        seen = now;
      }
    } catch (RuntimeException | OutOfMemoryError e) {
      last.set(new Attempt(clock.instant(), "", false, List.of(Diagnostic.fatal("RELOAD_FAILED",
          kz.talap.source.CellRef.file(source.toString()), "cannot reload the catalogue: " + e))));
    }
  }

  /**
   * Compiles the workbooks and, without errors, makes them the current release. Empty when the workbooks changed
   * while they were read (the next look tries again).
   */
  private Optional<CompileResult> compile() {
    String before = hash();
    CompileResult result = CatalogueCompiler.compile(WorkbookReader.read(List.of(source)),
        LocalDate.now(clock.withZone(ALMATY)), translationsRequired);
    String after = hash();
    if (!before.equals(after)) {
      return Optional.empty();
    }
    Instant at = clock.instant();
    List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
    last.set(new Attempt(at, after, result.catalogue().isPresent(), result.catalogue().isPresent()
        ? result.diagnostics() : errors));
    result.catalogue().ifPresent(catalogue -> current.set(Release.of(catalogue, after, at, result.diagnostics(), releaseId)));
    return Optional.of(result);
  }

  /** The workbooks (a single file, or the .xlsx files of a folder without Excel's lock files), sorted. */
  private List<Path> workbooks() {
    if (!Files.isDirectory(source)) {
      return List.of(source);
    }
    try (Stream<Path> files = Files.list(source)) {
      return files.filter(p -> {
        String name = p.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".xlsx") && !name.startsWith("~$") && !name.startsWith(".~");
      }).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private List<String> signature() {
    List<String> signature = new ArrayList<>();
    for (Path file : workbooks()) {
      try {
        signature.add(file.getFileName() + "/" + Files.size(file) + "/" + Files.getLastModifiedTime(file).toMillis());
      } catch (IOException e) {
        signature.add(file.getFileName() + "/unreadable");
      }
    }
    return signature;
  }

  private String hash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path file : workbooks()) {
        digest.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update((byte) 0);
        try {
          digest.update(Files.readAllBytes(file));
        } catch (IOException e) {
          digest.update((byte) 1);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (watcher != null) {
      watcher.shutdownNow();
    }
  }
}

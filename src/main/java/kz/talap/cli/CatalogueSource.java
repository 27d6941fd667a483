package kz.talap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.compile.CompileResult;

/**
 * A catalogue named on the command line: a workbook, a folder of workbooks, or {@code git:REV}, the shipped folder
 * {@code catalogue/} at a revision of the repository in the current directory, copied to a temporary folder that
 * {@link #close()} deletes.
 */
final class CatalogueSource implements AutoCloseable {
  static final String GIT = "git:";
  /** Where the shipped catalogue lives in the repository. */
  static final String FOLDER = "catalogue/";

  private final String name;
  private final Path path;
  private final boolean temporary;

  private CatalogueSource(String name, Path path, boolean temporary) {
    this.name = name;
    this.path = path;
    this.temporary = temporary;
  }

  /** A bad {@code git:REV}: the message says why; the caller exits with code 2. */
  static final class Problem extends Exception {
    Problem(String message) {
      super(message);
    }
  }

  /** The catalogue an argument names; for {@code git:REV} its workbooks are extracted now. */
  static CatalogueSource of(String argument) throws Problem {
    if (!argument.startsWith(GIT)) {
      return new CatalogueSource(argument, Path.of(argument), false);
    }
    String revision = argument.substring(GIT.length());
    if (revision.isEmpty() || revision.startsWith("-") || revision.contains("\0")) {
      throw new Problem(argument + ": not a git revision (write git:HEAD, git:main, git:v1.2, git:HEAD~3, …)");
    }
    Git git = Git.run("rev-parse", "--verify", "--quiet", revision + "^{commit}");
    if (git.exit() == 1 && git.errors().isEmpty()) {
      throw new Problem(argument + ": no such revision in this repository");
    }
    if (git.exit() != 0) {
      throw new Problem(argument + ": " + git.problem());
    }
    String commit = git.text().strip();
    Git listing = Git.run("ls-tree", "-z", "--name-only", commit, FOLDER);
    if (listing.exit() != 0) {
      throw new Problem(argument + ": " + listing.problem());
    }
    List<String> files = Stream.of(listing.text().split("\0"))
        .filter(f -> f.endsWith(".xlsx") && f.startsWith(FOLDER) && f.indexOf('/', FOLDER.length()) < 0)
        .sorted()
        .toList();
    if (files.isEmpty()) {
      throw new Problem(argument + ": no .xlsx workbook in " + FOLDER + " at this revision");
    }
    Path folder;
    try {
      folder = Files.createTempDirectory("talap-" + commit.substring(0, Math.min(12, commit.length())) + "-");
    } catch (IOException e) {
      throw new Problem(argument + ": cannot create a temporary folder: " + e.getMessage());
    }
    CatalogueSource source = new CatalogueSource(argument, folder, true);
    for (String file : files) {
      Git show = Git.run("show", commit + ":" + file);
      try {
        if (show.exit() != 0) {
          throw new Problem(argument + ": " + show.problem());
        }
        Files.write(folder.resolve(file.substring(FOLDER.length())), show.output());
      } catch (IOException | Problem e) {
        source.close();
        throw e instanceof Problem p ? p : new Problem(argument + ": cannot extract " + file + ": " + e.getMessage());
      }
    }
    return source;
  }

  /** The argument as the user wrote it. */
  String name() {
    return name;
  }

  /** Where the catalogue is on disk (for git:REV, the temporary folder). */
  Path path() {
    return path;
  }

  /**
   * Reads and compiles every workbook of the catalogue, all versions of every row; a workbook named alone is compiled
   * with its companions (see {@link Companions}).
   */
  CompileResult compile(LocalDate asOf, boolean translationsRequired) {
    return compile(Companions.compute(List.of(path), List.of()).inputs(), asOf, translationsRequired);
  }

  /** Reads and compiles the given workbooks and folders, all versions of every row. */
  static CompileResult compile(List<Path> inputs, LocalDate asOf, boolean translationsRequired) {
    return CatalogueCompiler.compile(inputs, asOf, translationsRequired);
  }

  @Override
  public void close() {
    if (!temporary) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
      for (Path file : all) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A temporary folder left behind does no harm; the system cleans it.
    }
  }

  /** One run of git in the current directory: exit code, output bytes and error text. */
  private record Git(int exit, byte[] output, String errors) {
    static Git run(String... args) throws Problem {
      List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotePath=false"));
      command.addAll(List.of(args));
      try {
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        byte[] output = readAll(process.getInputStream());
        int exit = process.waitFor();
        return new Git(exit, output, new String(errors.join(), StandardCharsets.UTF_8).strip());
      } catch (IOException | UncheckedIOException e) {
        throw new Problem("cannot run git: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Problem("interrupted while running git");
      }
    }

    private static byte[] readAll(InputStream in) {
      try (in; ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
        in.transferTo(bytes);
        return bytes.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String text() {
      return new String(output, StandardCharsets.UTF_8);
    }

    /** What git said, on one line. */
    String problem() {
      String first = errors.lines().findFirst().orElse("git failed with exit code " + exit);
      return "git: " + first;
    }
  }
}

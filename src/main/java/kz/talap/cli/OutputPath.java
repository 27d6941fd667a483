package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.talap.source.Quoted;

/**
 * The one rule for where a command may write ({@code --out}, the new workbook): never over one of its inputs, a
 * workbook, a template or a special file (a device, a pipe, a socket), and never through a symbolic link that could
 * lead out of the intended place. Every command that writes asks it first; a refusal is exit 2.
 */
final class OutputPath {
  /** What a command writes. */
  enum Kind {
    /** A report or a JSON file, replaced as a whole. */
    FILE,
    /** A workbook (new-workbook, annotate): the only kind that may end with .xlsx. */
    WORKBOOK,
    /** A folder replaced as a whole (the published site, the annotated copies). */
    FOLDER
  }

  private static final List<String> WORKBOOKS = List.of(".xlsx", ".xlsm", ".xls", ".xltx", ".xltm");
  private static final List<String> TEMPLATES = List.of(".ftlh", ".ftl");

  /** An input of a command, and the endings of the files it reads when the input is a folder (empty: all). */
  record Input(Path path, List<String> reads) {
    static Input catalogue(Path path) {
      return new Input(path, WORKBOOKS);
    }

    static Input submissions(Path path) {
      return new Input(path, List.of(".json", ".jsonl", ".ndjson"));
    }

    static Input templates(Path path) {
      return new Input(path, List.of());
    }

    static List<Input> catalogue(List<Path> paths) {
      return paths.stream().map(Input::catalogue).toList();
    }
  }

  private OutputPath() {}

  /**
   * Prints why {@code target} may not be written, as {@code talap COMMAND: refusing to write TARGET: REASON}, and
   * returns true; returns false when it may be.
   */
  static boolean refused(String command, Path target, Kind kind, List<Input> inputs, PrintWriter err) {
    Optional<String> reason = refusal(target, kind, inputs);
    reason.ifPresent(r -> err.println("talap " + command + ": refusing to write " + Quoted.inner(target.toString())
        + ": " + r));
    return reason.isPresent();
  }

  /** Why {@code target} may not be written, or empty. */
  static Optional<String> refusal(Path target, Kind kind, List<Input> inputs) {
    if (target.getFileName() == null) {
      return Optional.of("it is the root of the file system");
    }
    String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
    if (Files.isSymbolicLink(target) && !(kind == Kind.FOLDER && isSiteLink(target))) {
      return Optional.of("it is a symbolic link; talap replaces what it writes and does not follow links");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(target)) {
      if (kind == Kind.FOLDER && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) ? "it is a file, not a folder"
            : "it is a special file (a device, a pipe or a socket), not a folder");
      }
      if (kind != Kind.FOLDER && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of("it is a folder");
      }
      if (kind != Kind.FOLDER && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of("it is a special file (a device, a pipe or a socket), not a regular file");
      }
    }
    if (kind == Kind.FILE && WORKBOOKS.stream().anyMatch(name::endsWith)) {
      return Optional.of("it is a workbook; give a file such as out/report.txt");
    }
    if (kind != Kind.FOLDER && TEMPLATES.stream().anyMatch(name::endsWith)) {
      return Optional.of("it is a template");
    }
    Path absolute = real(target);
    for (Input read : inputs) {
      Path input = read.path();
      Path in = real(input);
      if (absolute.equals(in)) {
        return Optional.of("it is an input of this command (" + Quoted.inner(input.toString()) + ")");
      }
      if (Files.isDirectory(input) && absolute.startsWith(in) && (read.reads().isEmpty()
          || read.reads().stream().anyMatch(name::endsWith))) {
        return Optional.of("it is inside the input folder " + Quoted.inner(input.toString())
            + ", where the next run would read it");
      }
      if (kind == Kind.FOLDER && in.startsWith(absolute)) {
        return Optional.of("the folder holds an input of this command (" + Quoted.inner(input.toString()) + ")");
      }
    }
    return Optional.empty();
  }

  /** A link written by talap publish: it names a sibling version folder, {@code .NAME.v-…}. */
  private static boolean isSiteLink(Path link) {
    try {
      Path to = Files.readSymbolicLink(link);
      return to.getNameCount() == 1 && !to.isAbsolute()
          && to.toString().startsWith("." + link.getFileName() + ".v-");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * The absolute path with every existing part resolved through links: two names of one file compare equal, and a
   * path into a linked folder compares by where it leads.
   */
  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    } catch (IOException e) {
      return absolute;
    }
  }
}

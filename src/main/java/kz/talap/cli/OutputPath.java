package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.talap.source.Phrase;
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
    return refused(command, target, kind, inputs, err, "en");
  }

  /** {@link #refused(String, Path, Kind, List, PrintWriter)} said in {@code language} (kk, ru or en). */
  static boolean refused(String command, Path target, Kind kind, List<Input> inputs, PrintWriter err,
      String language) {
    Optional<Phrase> reason = refusal(target, kind, inputs);
    reason.ifPresent(r -> err.println("talap " + command + ": " + Phrase.of("output.refused", "target",
        Quoted.inner(target.toString()), "reason", r).in(language)));
    return reason.isPresent();
  }

  /** Why {@code target} may not be written, or empty. */
  static Optional<Phrase> refusal(Path target, Kind kind, List<Input> inputs) {
    if (target.getFileName() == null) {
      return Optional.of(Phrase.of("output.root"));
    }
    String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
    if (Files.isSymbolicLink(target) && !(kind == Kind.FOLDER && isSiteLink(target))) {
      return Optional.of(Phrase.of("output.link"));
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(target)) {
      if (kind == Kind.FOLDER && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(Phrase.of(Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) ? "output.file-not-folder"
            : "output.special-not-folder"));
      }
      if (kind != Kind.FOLDER && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(Phrase.of("output.folder"));
      }
      if (kind != Kind.FOLDER && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(Phrase.of("output.special-not-file"));
      }
    }
    if (kind == Kind.FILE && WORKBOOKS.stream().anyMatch(name::endsWith)) {
      return Optional.of(Phrase.of("output.workbook"));
    }
    if (kind != Kind.FOLDER && TEMPLATES.stream().anyMatch(name::endsWith)) {
      return Optional.of(Phrase.of("output.template"));
    }
    Path absolute = real(target);
    for (Input read : inputs) {
      Path input = read.path();
      Path in = real(input);
      if (absolute.equals(in)) {
        return Optional.of(Phrase.of("output.input", "input", Quoted.inner(input.toString())));
      }
      if (Files.isDirectory(input) && absolute.startsWith(in) && (read.reads().isEmpty()
          || read.reads().stream().anyMatch(name::endsWith))) {
        return Optional.of(Phrase.of("output.inside-input", "input", Quoted.inner(input.toString())));
      }
      if (kind == Kind.FOLDER && in.startsWith(absolute)) {
        return Optional.of(Phrase.of("output.holds-input", "input", Quoted.inner(input.toString())));
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

package kz.talap.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of releases ({@code releases/} by default): each release a folder {@code <as-of>-<n>} (the n-th release
 * built for that day), built in a temporary folder and moved in whole, read-only after, with {@code manifest.json}
 * hashing every file and, once a second editor approves it, {@code approval.json} hashing the manifest.
 */
public final class ReleaseShelf {
  /** The manifest file of a release folder. */
  public static final String MANIFEST = "manifest.json";
  /** The approval file of a release folder, written after the build. */
  public static final String APPROVAL = "approval.json";
  private static final Pattern ID = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-([1-9]\\d{0,5})");
  /** Names of editors: letters, digits, spaces, '.', '_', '-' and '@'. */
  private static final Pattern EDITOR = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@-]{0,63}");
  private static final Comparator<String> BY_ID = Comparator.<String, String>comparing(id -> id.substring(0, 10))
      .thenComparingInt(id -> Integer.parseInt(id.substring(11)));

  private final Path root;
  private final Codec codec;

  /** Writes and reads manifests and approvals (JSON, outside this package). */
  public interface Codec {
    String manifest(Manifest manifest);

    /** @throws IllegalArgumentException with the reason when the text is not a manifest */
    Manifest manifest(String text);

    String approval(Approval approval);

    /** @throws IllegalArgumentException with the reason when the text is not an approval */
    Approval approval(String text);
  }

  /** A refusal, with a message that names the release and the reason. */
  public static final class Problem extends Exception {
    public Problem(String message) {
      super(message);
    }
  }

  /**
   * One release folder as found now: its manifest and approval when they can be read, and what fails verification
   * (each problem starts with the path it concerns; empty when every file is as built).
   */
  public record Entry(String id, Path folder, Optional<Manifest> manifest, Optional<Approval> approval,
      List<String> problems) {
    public Entry {
      problems = List.copyOf(problems);
    }

    public boolean verified() {
      return problems.isEmpty();
    }
  }

  public ReleaseShelf(Path root, Codec codec) {
    this.root = root;
    this.codec = codec;
  }

  public Path root() {
    return root;
  }

  /** Whether {@code name} is acceptable as an editor's name. */
  public static boolean validEditor(String name) {
    return name != null && EDITOR.matcher(name).matches() && name.strip().equals(name);
  }

  /** The ids of the releases on the shelf, oldest first (by day, then number). */
  public List<String> ids() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> folders = Files.list(root)) {
      return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(name -> ID.matcher(name).matches()).sorted(BY_ID).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The id the next release built for {@code asOf} gets. */
  public String nextId(LocalDate asOf) {
    int last = 0;
    for (String id : ids()) {
      Matcher m = ID.matcher(id);
      if (m.matches() && m.group(1).equals(asOf.toString())) {
        last = Math.max(last, Integer.parseInt(m.group(2)));
      }
    }
    return asOf + "-" + (last + 1);
  }

  /** The newest release (greatest day, then number), approved or not. */
  public Optional<Entry> latest() {
    List<String> ids = ids();
    return ids.isEmpty() ? Optional.empty() : Optional.of(read(ids.get(ids.size() - 1)));
  }

  /** The newest release that has an approval, whether or not it still verifies. */
  public Optional<Entry> latestApproved() {
    List<String> ids = new ArrayList<>(ids());
    java.util.Collections.reverse(ids);
    for (String id : ids) {
      if (Files.exists(root.resolve(id).resolve(APPROVAL))) {
        return Optional.of(read(id));
      }
    }
    return Optional.empty();
  }

  /** The release {@code id}, re-hashed now. */
  public Entry open(String id) throws Problem {
    if (id == null || !ID.matcher(id).matches() || !Files.isDirectory(root.resolve(id))) {
      throw new Problem("no release '" + id + "' in " + root + " (talap release list shows the releases)");
    }
    return read(id);
  }

  /** A new, empty folder on the shelf to build a release in; {@link #seal} or {@link #discard} it. */
  public Path stage() throws IOException {
    Files.createDirectories(root);
    return Files.createTempDirectory(root, ".building-");
  }

  /** Removes a staging folder after a failed build. */
  public void discard(Path staging) {
    try {
      if (Files.exists(staging)) {
        try (Stream<Path> paths = Files.walk(staging)) {
          for (Path folder : paths.filter(Files::isDirectory).toList()) {
            ReleaseFiles.permissions(folder, "rwx------");
          }
        }
      }
      ReleaseFiles.delete(staging);
    } catch (IOException e) {
      // Only tidying: a staging folder starts with '.', so it is never listed as a release.
    }
  }

  /**
   * Hashes every file of the staging folder into {@code manifest.json}, makes the folder read-only and moves it to
   * {@code <root>/<id>}.
   */
  public Manifest seal(Path staging, String id, String catalogueVersion, LocalDate asOf, String builtBy,
      Instant builtAt, Optional<String> previous) throws IOException, Problem {
    Manifest manifest = new Manifest(id, catalogueVersion, asOf, builtBy, builtAt, previous,
        ReleaseFiles.hashes(staging));
    Files.writeString(staging.resolve(MANIFEST), codec.manifest(manifest), StandardCharsets.UTF_8);
    ReleaseFiles.readOnly(staging);
    Path target = root.resolve(id);
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException
        | java.nio.file.DirectoryNotEmptyException e) {
      throw new Problem("release " + id + " exists already in " + root + "; build again for the next number");
    }
    return manifest;
  }

  /**
   * Records {@code editor}'s approval of release {@code id}: refused when the release fails verification, is
   * approved already, or was built by the same editor.
   */
  public Approval approve(String id, String editor, Instant at) throws Problem, IOException {
    Entry entry = open(id);
    if (entry.approval().isPresent()) {
      Approval done = entry.approval().get();
      throw new Problem("release " + id + " is approved already (by " + done.approvedBy() + " at "
          + done.approvedAt() + ")");
    }
    if (!entry.verified()) {
      throw new Problem("release " + id + " fails verification, so it cannot be approved: "
          + String.join("; ", entry.problems()));
    }
    Manifest manifest = entry.manifest().orElseThrow();
    if (manifest.builtBy().equalsIgnoreCase(editor)) {
      throw new Problem("release " + id + " was built by " + manifest.builtBy() + "; a second editor must approve it");
    }
    Approval approval = new Approval(id, ReleaseFiles.sha256(entry.folder().resolve(MANIFEST)), editor, at);
    Path folder = entry.folder();
    ReleaseFiles.permissions(folder, "rwxr-xr-x");
    try {
      Path file = folder.resolve(APPROVAL);
      Files.writeString(file, codec.approval(approval), StandardCharsets.UTF_8);
      ReleaseFiles.permissions(file, "r--r--r--");
    } finally {
      ReleaseFiles.permissions(folder, "r-xr-xr-x");
    }
    return approval;
  }

  private Entry read(String id) {
    Path folder = root.resolve(id);
    List<String> problems = new ArrayList<>();
    Optional<Manifest> manifest = Optional.empty();
    Path manifestFile = folder.resolve(MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      problems.add(MANIFEST + ": missing");
    } else {
      try {
        Manifest read = codec.manifest(Files.readString(manifestFile, StandardCharsets.UTF_8));
        if (!read.id().equals(id)) {
          problems.add(MANIFEST + ": names release " + read.id() + ", not " + id);
        }
        manifest = Optional.of(read);
      } catch (IOException | IllegalArgumentException e) {
        problems.add(MANIFEST + ": cannot be read: " + e.getMessage());
      }
    }
    Map<String, String> found;
    try {
      found = ReleaseFiles.hashes(folder);
    } catch (IOException e) {
      found = Map.of();
      problems.add(id + ": cannot be read: " + e.getMessage());
    }
    if (manifest.isPresent()) {
      Map<String, String> expected = manifest.get().files();
      TreeMap<String, String> lines = new TreeMap<>();
      expected.forEach((path, hash) -> {
        if (!Files.isRegularFile(folder.resolve(path))) {
          lines.put(path, path + ": missing");
        }
      });
      Map<String, String> now = found;
      expected.forEach((path, hash) -> {
        if (now.containsKey(path) && !now.get(path).equals(hash)) {
          lines.put(path, path + ": changed since the build (SHA-256 differs from the manifest)");
        }
      });
      now.keySet().stream().filter(path -> !expected.containsKey(path))
          .forEach(path -> lines.put(path, path + ": added since the build (not in the manifest)"));
      problems.addAll(lines.values());
    }
    Optional<Approval> approval = Optional.empty();
    Path approvalFile = folder.resolve(APPROVAL);
    if (Files.exists(approvalFile)) {
      try {
        Approval read = codec.approval(Files.readString(approvalFile, StandardCharsets.UTF_8));
        if (!read.id().equals(id)) {
          problems.add(APPROVAL + ": names release " + read.id() + ", not " + id);
        } else if (Files.isRegularFile(manifestFile)
            && !read.manifestSha256().equals(ReleaseFiles.sha256(manifestFile))) {
          problems.add(APPROVAL + ": approves another " + MANIFEST + " (its SHA-256 differs)");
        } else {
          approval = Optional.of(read);
        }
      } catch (IOException | IllegalArgumentException e) {
        problems.add(APPROVAL + ": cannot be read: " + e.getMessage());
      }
    }
    return new Entry(id, folder, manifest, approval, problems);
  }
}

package kz.talap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import kz.talap.release.Manifest;
import kz.talap.release.ReleaseShelf;

/** What {@code talap release list|show|verify} print about the releases on a shelf. */
final class ReleaseReport {
  private final PrintWriter out;
  private final PrintWriter err;

  ReleaseReport(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Lists the releases, oldest first. */
  int list(ReleaseShelf shelf) {
    List<String> ids = shelf.ids();
    if (ids.isEmpty()) {
      out.println("No releases in " + shelf.root() + "; build one with: talap release build --editor NAME");
      return Main.OK;
    }
    for (String id : ids) {
      try {
        out.println(line(shelf.open(id)));
      } catch (ReleaseShelf.Problem e) {
        out.println(id + "  " + e.getMessage());
      }
    }
    return Main.OK;
  }

  /** "2026-11-21-1  catalogue 2026.11  as of 2026-11-21  built by A at T  approved by B at T  verified". */
  static String line(ReleaseShelf.Entry entry) {
    Optional<Manifest> m = entry.manifest();
    return entry.id() + "  catalogue " + m.map(Manifest::catalogueVersion).orElse("?") + "  as of "
        + m.map(x -> x.asOf().toString()).orElse("?") + "  built by "
        + m.map(x -> x.builtBy() + " at " + x.builtAt()).orElse("?") + "  "
        + entry.approval().map(a -> "approved by " + a.approvedBy() + " at " + a.approvedAt())
            .orElse("awaiting approval")
        + "  " + (entry.verified() ? "verified" : "TAMPERED");
  }

  /** Shows one release: manifest, approval, summary lines, verification. */
  int show(ReleaseShelf shelf, String id) {
    ReleaseShelf.Entry entry;
    try {
      entry = shelf.open(id);
    } catch (ReleaseShelf.Problem e) {
      err.println("talap release show: " + e.getMessage());
      return Main.FAILED;
    }
    Optional<Manifest> m = entry.manifest();
    out.println("Release " + entry.id() + " in " + entry.folder());
    m.ifPresent(manifest -> {
      out.println("Catalogue " + manifest.catalogueVersion() + " as of " + manifest.asOf());
      out.println("Built by " + manifest.builtBy() + " at " + manifest.builtAt());
      out.println("Previous release: " + manifest.previous().orElse("none"));
    });
    out.println(entry.approval().map(a -> "Approved by " + a.approvedBy() + " at " + a.approvedAt())
        .orElse("Awaiting approval"));
    try {
      String summary = Files.readString(entry.folder().resolve(ReleaseBuild.SUMMARY), StandardCharsets.UTF_8);
      out.print(summary);
    } catch (IOException e) {
      out.println(ReleaseBuild.SUMMARY + ": missing");
    }
    int files = m.map(x -> x.files().size()).orElse(0);
    if (entry.verified()) {
      out.println("Files: " + files + ", verified");
      return Main.OK;
    }
    out.println("Files: " + files + ", TAMPERED");
    entry.problems().forEach(p -> out.println("  " + p));
    return Main.FAILED;
  }

  /** Re-hashes the releases {@code ids}; exit 1 when one fails. */
  int verify(ReleaseShelf shelf, List<String> ids) {
    if (ids.isEmpty()) {
      out.println("No releases in " + shelf.root());
      return Main.OK;
    }
    int tampered = 0;
    for (String id : ids) {
      ReleaseShelf.Entry entry;
      try {
        entry = shelf.open(id);
      } catch (ReleaseShelf.Problem e) {
        err.println("talap release verify: " + e.getMessage());
        return Main.FAILED;
      }
      if (entry.verified()) {
        out.println(id + ": verified, " + CompileCommand.count(entry.manifest().orElseThrow().files().size(), "file")
            + " as built");
      } else {
        tampered++;
        out.println(id + ": TAMPERED");
        entry.problems().forEach(p -> out.println("  " + p));
      }
    }
    if (tampered > 0) {
      err.println("talap release verify: " + tampered + " of " + CompileCommand.count(ids.size(), "release")
          + " failed verification");
      return Main.FAILED;
    }
    return Main.OK;
  }
}

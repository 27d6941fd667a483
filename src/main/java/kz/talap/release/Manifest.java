package kz.talap.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a release folder holds, as written once when it is built: its id, the catalogue version and day it was built
 * for, who built it and when, the release it was compared with, and the SHA-256 of every file (path relative to the
 * release folder, with {@code /}), sorted by path.
 */
public record Manifest(String id, String catalogueVersion, LocalDate asOf, String builtBy, Instant builtAt,
    Optional<String> previous, Map<String, String> files) {
  /** The format name written into {@code manifest.json}. */
  public static final String FORMAT = "talap-release/1";

  public Manifest {
    files = Collections.unmodifiableMap(new TreeMap<>(files));
  }
}

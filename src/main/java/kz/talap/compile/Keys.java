package kz.talap.compile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.talap.model.Validity;
import kz.talap.source.CellRef;
import kz.talap.source.Diagnostics;
import kz.talap.source.Nearest;
import kz.talap.source.Phrase;

/**
 * The keys defined in each table with their validity, and the references to them waiting to be resolved. A key may
 * repeat only with disjoint validity.
 */
final class Keys {
  private record Version(CellRef where, Validity validity) {}

  private record Reference(String table, String noun, String code, CellRef where, boolean ownerInForce) {}

  private final Map<String, Map<String, List<Version>>> defined = new HashMap<>();
  private final List<Reference> references = new ArrayList<>();
  private final Diagnostics diagnostics;
  private final LocalDate asOf;

  Keys(Diagnostics diagnostics, LocalDate asOf) {
    this.diagnostics = diagnostics;
    this.asOf = asOf;
  }

  /** Records a key; reports a duplicate or overlapping validity. Returns false if the row must be dropped. */
  boolean define(String table, String key, CellRef where, Validity validity) {
    List<Version> versions =
        defined.computeIfAbsent(table, t -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new ArrayList<>());
    for (Version earlier : versions) {
      if (earlier.validity().unbounded() && validity.unbounded()) {
        diagnostics.error("duplicate-code", where,
            Phrase.of("compile.duplicate-code", "code", key, "where", earlier.where().toString()));
        return false;
      }
      if (earlier.validity().overlaps(validity)) {
        diagnostics.error("overlapping-validity", where,
            Phrase.of("compile.overlapping-validity", "validity", validity.toString(), "code", key, "other",
                earlier.validity().toString(), "where", earlier.where().toString()));
        return false;
      }
    }
    versions.add(new Version(where, validity));
    return true;
  }

  /** Records a reference to be resolved once every table is read. */
  void refer(String table, String noun, String code, CellRef where, boolean ownerInForce) {
    references.add(new Reference(table, noun, code, where, ownerInForce));
  }

  boolean exists(String table, String key) {
    return defined.getOrDefault(table, Map.of()).containsKey(key);
  }

  /** Reports references to unknown codes, and from rows in force to rows that are not in force on the as-of date. */
  void resolve() {
    for (Reference reference : references) {
      List<Version> versions = defined.getOrDefault(reference.table(), Map.of()).get(reference.code());
      if (versions == null) {
        Map<String, List<Version>> known = defined.getOrDefault(reference.table(), Map.of());
        Optional<Phrase> near = Nearest.suggestion(reference.code(), known.keySet());
        Phrase noun = Phrase.of("noun-of." + reference.noun());
        diagnostics.error("unknown-code", reference.where(), near.isPresent()
            ? Phrase.of("compile.unknown-code-near", "noun", noun, "code", reference.code(), "near", near.get())
            : Phrase.of("compile.unknown-code", "noun", noun, "code", reference.code()));
      } else if (reference.ownerInForce() && versions.stream().noneMatch(v -> v.validity().contains(asOf))) {
        diagnostics.error("not-in-force", reference.where(), Phrase.of("compile.not-in-force", "noun",
            Phrase.of("noun." + reference.noun()), "code", reference.code(), "date", asOf.toString()));
      }
    }
  }
}

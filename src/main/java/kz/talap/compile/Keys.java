package kz.talap.compile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.talap.model.Validity;
import kz.talap.source.CellRef;
import kz.talap.source.Diagnostics;
import kz.talap.source.Nearest;
import kz.talap.source.Phrase;

/**
 * The keys defined in each table with their validity, and the references to them waiting to be resolved. A key may
 * repeat only with disjoint validity.
 *
 * <p>A national catalogue defines hundreds of thousands of keys and refers to them twice as often, so both are kept
 * small: once every row of a table is compiled ({@link #seal}), its keys keep only their validities, and a reference
 * to a sealed table is checked at once and kept only when it will be reported (the report is the same as at
 * {@link #resolve}, which reports the kept ones in the order they were made).
 */
final class Keys {
  /**
   * One version of a key while its table is being compiled: where it was defined (the sheet shared, the cell as two
   * numbers, so that a table of 300,000 keys does not hold 300,000 locations), and the next version.
   */
  private static final class Version {
    final CellRef sheet;
    final int row;
    final int column;
    final Validity validity;
    Version next;

    Version(CellRef sheet, int row, int column, Validity validity) {
      this.sheet = sheet;
      this.row = row;
      this.column = column;
      this.validity = validity;
    }

    CellRef where() {
      return CellRef.cell(sheet.file(), sheet.sheet(), row, column);
    }
  }

  private record Reference(String table, String noun, String code, CellRef where, boolean ownerInForce) {}

  /**
   * By table and key: a {@link Version} chain in definition order while the table is open; once sealed, the
   * {@link Validity} of a key defined once, or the list of validities of a key defined several times.
   */
  private final Map<String, Map<String, Object>> defined = new HashMap<>();
  private final Set<String> sealed = new HashSet<>();
  /** The sheets keys were defined in, one location each (row and column {@link CellRef#NONE}). */
  private final Map<CellRef, CellRef> sheets = new HashMap<>();
  private final List<Reference> references = new ArrayList<>();
  private final Diagnostics diagnostics;
  private final LocalDate asOf;

  Keys(Diagnostics diagnostics, LocalDate asOf) {
    this.diagnostics = diagnostics;
    this.asOf = asOf;
  }

  /** Records a key; reports a duplicate or overlapping validity. Returns false if the row must be dropped. */
  boolean define(String table, String key, CellRef where, Validity validity) {
    if (sealed.contains(table)) {
      throw new IllegalStateException("the keys of " + table + " are sealed");
    }
    Map<String, Object> keys = defined.computeIfAbsent(table, t -> new LinkedHashMap<>());
    Version first = (Version) keys.get(key);
    Version last = null;
    for (Version earlier = first; earlier != null; earlier = earlier.next) {
      if (earlier.validity.unbounded() && validity.unbounded()) {
        diagnostics.error("duplicate-code", where,
            Phrase.of("compile.duplicate-code", "code", key, "where", earlier.where().toString()));
        return false;
      }
      if (earlier.validity.overlaps(validity)) {
        diagnostics.error("overlapping-validity", where,
            Phrase.of("compile.overlapping-validity", "validity", validity.toString(), "code", key, "other",
                earlier.validity.toString(), "where", earlier.where().toString()));
        return false;
      }
      last = earlier;
    }
    CellRef sheet = sheets.computeIfAbsent(CellRef.sheet(where.file(), where.sheet()), s -> s);
    Version version = new Version(sheet, where.row(), where.column(), validity);
    if (last == null) {
      keys.put(key, version);
    } else {
      last.next = version;
    }
    return true;
  }

  /**
   * Says that every row of {@code table} has been compiled: no key will be added, so its keys keep only their
   * validities and later references to it are checked at once.
   */
  void seal(String table) {
    if (!sealed.add(table)) {
      return;
    }
    Map<String, Object> keys = defined.get(table);
    if (keys == null) {
      return;
    }
    keys.replaceAll((key, value) -> {
      Version first = (Version) value;
      if (first.next == null) {
        return first.validity;
      }
      List<Validity> validities = new ArrayList<>();
      for (Version version = first; version != null; version = version.next) {
        validities.add(version.validity);
      }
      return List.copyOf(validities);
    });
  }

  /** Records a reference to be resolved once every table is read. */
  void refer(String table, String noun, String code, CellRef where, boolean ownerInForce) {
    Reference reference = new Reference(table, noun, code, where, ownerInForce);
    // A reference to a sealed table that resolves cannot give a report later either: it need not be kept.
    if (!sealed.contains(table) || problem(reference)) {
      references.add(reference);
    }
  }

  /** Whether resolving the reference now would report it: an unknown code, or one not in force when it must be. */
  private boolean problem(Reference reference) {
    Object versions = defined.getOrDefault(reference.table(), Map.of()).get(reference.code());
    return versions == null || reference.ownerInForce() && !inForce(versions);
  }

  private boolean inForce(Object versions) {
    if (versions instanceof Version first) {
      for (Version version = first; version != null; version = version.next) {
        if (version.validity.contains(asOf)) {
          return true;
        }
      }
      return false;
    }
    if (versions instanceof Validity validity) {
      return validity.contains(asOf);
    }
    @SuppressWarnings("unchecked")
    List<Validity> validities = (List<Validity>) versions;
    return validities.stream().anyMatch(v -> v.contains(asOf));
  }

  /** Reports references to unknown codes, and from rows in force to rows that are not in force on the as-of date. */
  void resolve() {
    for (Reference reference : references) {
      Map<String, Object> known = defined.getOrDefault(reference.table(), Map.of());
      Object versions = known.get(reference.code());
      if (versions == null) {
        Optional<Phrase> near = Nearest.suggestion(reference.code(), known.keySet());
        Phrase noun = Phrase.of("noun-of." + reference.noun());
        diagnostics.error("unknown-code", reference.where(), near.isPresent()
            ? Phrase.of("compile.unknown-code-near", "noun", noun, "code", reference.code(), "near", near.get())
            : Phrase.of("compile.unknown-code", "noun", noun, "code", reference.code()));
      } else if (reference.ownerInForce() && !inForce(versions)) {
        diagnostics.error("not-in-force", reference.where(), Phrase.of("compile.not-in-force", "noun",
            Phrase.of("noun." + reference.noun()), "code", reference.code(), "date", asOf.toString()));
      }
    }
  }
}

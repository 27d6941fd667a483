package kz.talap.diff;

import java.util.List;
import java.util.Optional;
import kz.talap.model.Catalogue;

/**
 * What changed between two compiled catalogues (every version of every row), by meaning rather than by cell: rows are
 * matched by table and stable code, so rows that only moved in a sheet are not changes. Changes are sorted by service
 * (by code; common and reference data last), then sub-type (the service's own rows first), table (in workbook order)
 * and code.
 */
public record CatalogueDiff(String oldVersion, String newVersion, List<Change> changes) {

  public CatalogueDiff {
    changes = List.copyOf(changes);
  }

  /** The changes that turn {@code old} into {@code now}. */
  public static CatalogueDiff between(Catalogue old, Catalogue now) {
    return new CatalogueDiff(old.version(), now.version(), new Comparison(Rows.of(old), Rows.of(now)).changes());
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** How many changes are of one kind. */
  public long count(Change.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).count();
  }

  /** Changes one after another belong to the same group when their service and sub-type are the same. */
  public static boolean sameGroup(Change a, Change b) {
    return a.service().equals(b.service()) && a.subtype().equals(b.subtype());
  }

  /** The group of a change as the reports name it: "PRP", "TRP / TRP_WORK", or empty for common data. */
  public static Optional<String> group(Change change) {
    return change.service().map(s -> s + change.subtype().map(t -> " / " + t).orElse(""));
  }
}

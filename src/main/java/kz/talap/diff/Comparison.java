package kz.talap.diff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kz.talap.diff.Change.Kind;
import kz.talap.diff.KeyedRow.Ref;
import kz.talap.model.Validity;
import kz.talap.schema.Schema;
import kz.talap.schema.Table;

/**
 * Matches the rows of two catalogues by table and code, pairs the versions of each code, and folds rows removed (or
 * added) together with a row they belong to into that row's change.
 */
final class Comparison {
  private static final Comparator<Validity> BY_VALIDITY = Comparator
      .comparing((Validity v) -> v.from().orElse(LocalDate.MIN))
      .thenComparing(v -> v.to().orElse(LocalDate.MAX));
  private static final List<String> TABLES = Schema.tables().stream().map(Table::name).toList();

  /** One row version before and/or after, not yet grouped. */
  private record Step(Kind kind, Optional<KeyedRow> before, Optional<KeyedRow> after, boolean versioned) {
    KeyedRow row() {
      return after.orElseGet(before::orElseThrow);
    }
  }

  private final Map<Ref, List<KeyedRow>> before;
  private final Map<Ref, List<KeyedRow>> after;

  Comparison(List<KeyedRow> before, List<KeyedRow> after) {
    this.before = byKey(before);
    this.after = byKey(after);
  }

  private static Map<Ref, List<KeyedRow>> byKey(List<KeyedRow> rows) {
    Map<Ref, List<KeyedRow>> keyed = new LinkedHashMap<>();
    for (KeyedRow row : rows) {
      keyed.computeIfAbsent(row.ref(), r -> new ArrayList<>()).add(row);
    }
    keyed.values().forEach(versions -> versions.sort(Comparator.comparing(KeyedRow::validity, BY_VALIDITY)));
    return keyed;
  }

  List<Change> changes() {
    List<Step> steps = new ArrayList<>();
    Set<Ref> keys = new java.util.LinkedHashSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (Ref key : keys) {
      steps.addAll(pair(before.getOrDefault(key, List.of()), after.getOrDefault(key, List.of())));
    }
    // A row goes with the nearest row it belongs to that disappeared (or appeared) as a whole in the same diff.
    Map<Step, Step> parent = new HashMap<>();
    Map<Ref, Step> wholeRows = new HashMap<>();
    for (Step step : steps) {
      if (step.kind() != Kind.CHANGED && whole(step)) {
        wholeRows.putIfAbsent(step.row().ref(), step);
      }
    }
    for (Step step : steps) {
      if (step.kind() == Kind.CHANGED || !whole(step)) {
        continue;
      }
      for (Ref owner : step.row().owners()) {
        Step found = wholeRows.get(owner);
        if (found != null && found.kind() == step.kind() && found != step) {
          parent.put(step, found);
          break;
        }
      }
    }
    Map<Step, List<Step>> with = new HashMap<>();
    for (Step step : parent.keySet()) {
      Step top = step;
      while (parent.containsKey(top)) {
        top = parent.get(top);
      }
      with.computeIfAbsent(top, t -> new ArrayList<>()).add(step);
    }
    return steps.stream()
        .filter(step -> !parent.containsKey(step))
        .map(step -> change(step, with.getOrDefault(step, List.of())))
        .sorted(ORDER)
        .toList();
  }

  /** Whether the step's code is gone from (or new in) the catalogue altogether, not just one of its versions. */
  private boolean whole(Step step) {
    Ref key = step.row().ref();
    return step.kind() == Kind.REMOVED ? !after.containsKey(key) : !before.containsKey(key);
  }

  /**
   * Pairs the versions of one code: the same validity first, then the rest in order of validity; unpaired versions
   * are added or removed.
   */
  private static List<Step> pair(List<KeyedRow> old, List<KeyedRow> now) {
    boolean versioned = old.size() > 1 || now.size() > 1;
    List<KeyedRow> oldLeft = new ArrayList<>(old);
    List<KeyedRow> nowLeft = new ArrayList<>(now);
    List<Step> steps = new ArrayList<>();
    for (KeyedRow row : old) {
      Optional<KeyedRow> same = nowLeft.stream().filter(n -> n.validity().equals(row.validity())).findFirst();
      if (same.isPresent()) {
        oldLeft.remove(row);
        nowLeft.remove(same.get());
        steps.add(new Step(Kind.CHANGED, Optional.of(row), same, versioned));
      }
    }
    int paired = Math.min(oldLeft.size(), nowLeft.size());
    for (int i = 0; i < paired; i++) {
      steps.add(new Step(Kind.CHANGED, Optional.of(oldLeft.get(i)), Optional.of(nowLeft.get(i)), versioned));
    }
    oldLeft.stream().skip(paired).forEach(r -> steps.add(new Step(Kind.REMOVED, Optional.of(r), Optional.empty(),
        versioned)));
    nowLeft.stream().skip(paired).forEach(r -> steps.add(new Step(Kind.ADDED, Optional.empty(), Optional.of(r),
        versioned)));
    return steps.stream().filter(s -> s.kind() != Kind.CHANGED || !fields(s).isEmpty()).toList();
  }

  private static List<Change.Field> fields(Step step) {
    Map<String, String> old = step.before().map(KeyedRow::fields).orElse(Map.of());
    Map<String, String> now = step.after().map(KeyedRow::fields).orElse(Map.of());
    Set<String> names = new java.util.LinkedHashSet<>(old.keySet());
    names.addAll(now.keySet());
    List<Change.Field> fields = new ArrayList<>();
    for (String name : names) {
      String a = old.getOrDefault(name, "");
      String b = now.getOrDefault(name, "");
      if (!a.equals(b)) {
        fields.add(new Change.Field(name, a, b));
      }
    }
    return fields;
  }

  private Change change(Step step, List<Step> with) {
    KeyedRow row = step.row();
    Optional<Validity> version = step.versioned() ? Optional.of(row.validity()) : Optional.empty();
    Optional<String> service = row.service();
    Optional<String> subtype = row.subtype();
    if (row.table().equals(Schema.DOCUMENTS)) {
      // A document belongs to no service; it is shown with the service (and sub-type) of the requirements using it.
      Set<List<Optional<String>>> users = (step.kind() == Kind.REMOVED ? before : after).values().stream()
          .flatMap(List::stream)
          .filter(r -> r.table().equals(Schema.REQUIREMENTS) && r.fields().get("document").equals(row.code()))
          .map(r -> List.of(r.service(), r.subtype()))
          .collect(Collectors.toSet());
      Set<Optional<String>> services = users.stream().map(u -> u.get(0)).collect(Collectors.toSet());
      if (services.size() == 1) {
        service = services.iterator().next();
        subtype = users.size() == 1 ? users.iterator().next().get(1) : Optional.empty();
      }
    }
    List<Change.Row> rows = with.stream()
        .map(Step::row)
        .sorted(Comparator.comparing((KeyedRow r) -> TABLES.indexOf(r.table())).thenComparing(KeyedRow::code))
        .map(r -> new Change.Row(r.table(), r.code(), r.title()))
        .distinct()
        .toList();
    return new Change(row.table(), row.code(), version, service, subtype, step.kind(), row.title(), fields(step),
        rows);
  }

  private static final Comparator<Change> ORDER = Comparator
      .comparing((Change c) -> c.service().isEmpty())
      .thenComparing(c -> c.service().orElse(""))
      .thenComparing(c -> c.subtype().isPresent())
      .thenComparing(c -> c.subtype().orElse(""))
      .thenComparing(c -> TABLES.indexOf(c.table()))
      .thenComparing(Change::code)
      .thenComparing(c -> c.version().orElse(Validity.ALWAYS), BY_VALIDITY)
      .thenComparing(Change::kind);
}

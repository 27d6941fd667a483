package kz.talap.publish;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kz.talap.diff.CatalogueDiff;
import kz.talap.diff.Change;
import kz.talap.model.Catalogue;
import kz.talap.model.Text;
import kz.talap.schema.Column;
import kz.talap.schema.Schema;
import kz.talap.schema.Table;

/**
 * The data of the "what changed" page of one language ({@code changes.ftlh}): the changes from the previous catalogue,
 * grouped by service and sub-type, each told in this language. Texts in the other languages and CEL conditions are
 * left out (pages never show CEL; the explanations that go with conditions are texts); a change made only to texts in
 * other languages is not listed.
 */
final class ChangesPage {
  /** Where the page lives in each language folder. */
  static final String PATH = "changes.html";
  /** The labels the page needs: headings, kinds of change, and a name for every table and field that may change. */
  static final Set<String> LABELS = labels();
  /** Enum values shown through a label: the label code is the prefix and the value ("STATUS_" + "PILOT"). */
  private static final Map<String, String> VALUE_LABELS = Map.of("status", "STATUS_", "part", "PART_", "days",
      "DAYS_", "origin", "ORIGIN_");
  private static final String NOTHING = "—";

  private final CatalogueDiff diff;
  private final PageText text;
  private final Map<String, Map<String, Text>> names;

  ChangesPage(CatalogueDiff diff, Catalogue catalogue, Catalogue previous, PageText text) {
    this.diff = diff;
    this.text = text;
    this.names = new HashMap<>();
    for (Catalogue c : List.of(catalogue, previous)) {
      c.services().forEach(s -> name(Schema.SERVICES, s.code(), s.name()));
      c.subTypes().forEach(s -> name(Schema.SUB_TYPES, s.code(), s.name()));
      c.documents().forEach(d -> name(Schema.DOCUMENTS, d.code(), d.name()));
      c.groups().forEach(g -> name(Schema.GROUPS, g.code(), g.name()));
      c.stages().forEach(s -> name(Schema.STAGES, s.code(), s.name()));
      c.channels().forEach(ch -> name(Schema.CHANNELS, ch.code(), ch.name()));
      c.categories().forEach(cat -> name(Schema.CATEGORIES, cat.code(), cat.name()));
    }
  }

  private static Set<String> labels() {
    Set<String> codes = new TreeSet<>(List.of("CHANGES", "CHANGES_INTRO", "NO_CHANGES", "CHANGES_COMMON",
        "CHANGE_ADDED", "CHANGE_REMOVED", "CHANGE_CHANGED", "CHANGE_WITH", "CHANGE_FIELD", "CHANGE_BEFORE",
        "CHANGE_AFTER", "YES", "NO", "SET_STANDARD"));
    for (Table table : Schema.tables()) {
      if (table.name().equals(Schema.TESTS) || table.name().equals(Schema.NORMS)) {
        // Scenarios are not part of the compiled model; a changed norm shows as changed citations.
        continue;
      }
      codes.add(tableLabel(table.name()));
      table.columns().stream()
          // Editor notes are for editors: never compiled into the model, never on a published page.
          .filter(c -> !table.key().contains(c.name()) && c.kind() != Column.Kind.CONDITION
              && !c.name().equals("editor_note"))
          .forEach(c -> codes.add(fieldLabel(c)));
    }
    return Set.copyOf(codes);
  }

  private static String tableLabel(String table) {
    return "TABLE_" + table.toUpperCase(Locale.ROOT);
  }

  private static String fieldLabel(Column column) {
    return "FIELD_" + column.baseName().toUpperCase(Locale.ROOT);
  }

  private void name(String table, String code, Text name) {
    names.computeIfAbsent(table, t -> new HashMap<>()).putIfAbsent(code, name);
  }

  Map<String, Object> model() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", text.label("CHANGES"));
    model.put("intro", text.format("CHANGES_INTRO", diff.oldVersion(), diff.newVersion()));
    List<Map<String, Object>> groups = new ArrayList<>();
    Change previous = null;
    List<Map<String, Object>> changes = null;
    for (Change change : diff.changes()) {
      Optional<Map<String, Object>> shown = change(change);
      if (shown.isEmpty()) {
        continue;
      }
      if (previous == null || !CatalogueDiff.sameGroup(previous, change)) {
        changes = new ArrayList<>();
        groups.add(group(change, changes));
      }
      previous = change;
      changes.add(shown.get());
    }
    model.put("groups", groups);
    return model;
  }

  private Map<String, Object> group(Change change, List<Map<String, Object>> changes) {
    Map<String, Object> group = new LinkedHashMap<>();
    String id = "changes-" + change.service().map(SitePaths::slug).orElse("common")
        + change.subtype().map(s -> "-" + SitePaths.slug(s)).orElse("");
    group.put("id", id);
    group.put("title", change.service()
        .map(s -> reference(Schema.SERVICES, s) + change.subtype().map(t -> " — " + reference(Schema.SUB_TYPES, t))
            .orElse(""))
        .orElse(text.label("CHANGES_COMMON")));
    group.put("changes", changes);
    return group;
  }

  /** One change told in this language, or empty when only texts in other languages changed. */
  private Optional<Map<String, Object>> change(Change change) {
    Table table = Schema.require(change.table());
    List<Change.Field> own = change.fields().stream()
        .filter(f -> table.column(f.field()).flatMap(Column::language)
            .map(l -> l.equals(text.language().code())).orElse(true))
        .toList();
    if (change.kind() == Change.Kind.CHANGED && own.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("table", text.label(tableLabel(change.table())));
    model.put("name", title(change.title(), change.code()));
    model.put("code", change.code());
    model.put("kind", change.kind().name().toLowerCase(Locale.ROOT));
    model.put("kindLabel", text.label("CHANGE_" + change.kind().name()));
    change.version().map(text::validity).filter(v -> !v.isEmpty()).ifPresent(v -> model.put("version", v));
    if (!change.with().isEmpty()) {
      model.put("with", text.format("CHANGE_WITH", change.with().stream()
          .map(r -> text.label(tableLabel(r.table())) + " «" + title(r.title(), r.code()) + "»")
          .collect(Collectors.joining("; "))));
    }
    List<Map<String, Object>> fields = new ArrayList<>();
    if (change.kind() != Change.Kind.REMOVED) {
      for (Change.Field field : own) {
        Column column = table.column(field.field()).orElseThrow();
        if (column.kind() == Column.Kind.CONDITION) {
          continue;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", text.label(fieldLabel(column)));
        row.put("before", value(column, field.before()));
        row.put("after", value(column, field.after()));
        fields.add(row);
      }
    }
    model.put("fields", fields);
    return Optional.of(model);
  }

  private String title(Text title, String code) {
    String shown = PageText.in(title, text.language());
    return shown.isEmpty() ? code : shown;
  }

  private String reference(String table, String code) {
    Text name = names.getOrDefault(table, Map.of()).get(code);
    return name == null ? code : title(name, code);
  }

  /** A value as applicants read it: names instead of codes, labels instead of enum values, dates as dd.MM.yyyy. */
  private String value(Column column, String value) {
    if (value.isEmpty()) {
      return NOTHING;
    }
    return switch (column.kind()) {
      case BOOLEAN -> text.label(value.equals("TRUE") ? "YES" : "NO");
      case DATE -> text.date(LocalDate.parse(value));
      case DECIMAL -> text.number(new BigDecimal(value));
      case REFERENCE -> reference(column.references().orElseThrow(), value);
      case REFERENCE_LIST -> each(value, code -> reference(column.references().orElseThrow(), code));
      case ENUM, ENUM_LIST -> each(value, code -> {
        String label = VALUE_LABELS.getOrDefault(column.name(), "") + code;
        return text.labels().getOrDefault(label, code);
      });
      case LIST -> column.name().equals("applicant_sets")
          ? each(value, code -> code.equals("STANDARD") ? text.label("SET_STANDARD")
              : reference(Schema.CATEGORIES, code))
          : value;
      default -> value;
    };
  }

  private static String each(String list, java.util.function.UnaryOperator<String> name) {
    return java.util.Arrays.stream(list.split(",")).map(String::strip).map(name).collect(Collectors.joining(", "));
  }
}

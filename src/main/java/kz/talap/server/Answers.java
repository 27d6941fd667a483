package kz.talap.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the clerk has answered so far at the counter, carried from page to page in the forms (hidden fields) and in
 * the "Change" links (the query string); nothing is kept on the server. Only known field names are kept, each value
 * trimmed and at most {@value #MAX_VALUE} characters.
 */
final class Answers {
  static final int MAX_VALUE = 200;
  static final List<String> DOCUMENT_FIELDS = List.of("presented", "issued_on", "valid_until", "language",
      "notarised_translation", "issued_in", "legalised", "original_shown");
  private static final Pattern NAME = Pattern.compile("what|channel|submitted_at|stage|receipt_lang"
      + "|fact\\.[a-z0-9_]{1,60}|doc\\.[A-Z0-9_]{1,80}\\.(" + String.join("|", DOCUMENT_FIELDS) + ")"
      + "|pay\\.(amount_kzt|paid_on)");

  private final SortedMap<String, String> values;

  private Answers(SortedMap<String, String> values) {
    this.values = values;
  }

  /** The answers among request parameters (the first value of each known name; blank values are left out). */
  static Answers of(Map<String, List<String>> parameters) {
    SortedMap<String, String> values = new TreeMap<>();
    parameters.forEach((name, list) -> {
      if (NAME.matcher(name).matches() && !list.isEmpty() && list.get(0) != null && !list.get(0).isBlank()) {
        String value = list.get(0).strip();
        values.put(name, value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
      }
    });
    return new Answers(values);
  }

  /** Every answer by its field name, for the pages. */
  Map<String, String> values() {
    return java.util.Collections.unmodifiableSortedMap(values);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  String value(String name) {
    return values.getOrDefault(name, "");
  }

  boolean yes(String name) {
    return values.containsKey(name);
  }

  /** The answers whose names start with {@code prefix}, by the rest of the name. */
  SortedMap<String, String> under(String prefix) {
    SortedMap<String, String> found = new TreeMap<>();
    values.forEach((name, value) -> {
      if (name.startsWith(prefix)) {
        found.put(name.substring(prefix.length()), value);
      }
    });
    return found;
  }

  /** The codes of the documents marked presented, in code order. */
  List<String> presented() {
    return values.keySet().stream().filter(n -> n.startsWith("doc.") && n.endsWith(".presented"))
        .map(n -> n.substring(4, n.length() - ".presented".length())).toList();
  }

  /** Hidden fields for every answer not asked on the page (names not starting with one of {@code shown}). */
  List<Map<String, String>> hidden(String... shown) {
    List<Map<String, String>> fields = new ArrayList<>();
    values.forEach((name, value) -> {
      for (String prefix : shown) {
        if (name.equals(prefix) || (prefix.endsWith(".") && name.startsWith(prefix))) {
          return;
        }
      }
      Map<String, String> field = new LinkedHashMap<>();
      field.put("name", name);
      field.put("value", value);
      fields.add(field);
    });
    return fields;
  }

  /** The answers as a query string, for "Change" links. */
  String query() {
    return values.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}

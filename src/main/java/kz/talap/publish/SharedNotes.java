package kz.talap.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Notes that several items of a checklist share ("original shown for verification", the translation rule), said once
 * above the list with the numbers of their items instead of under every document. A note is taken out of the items
 * only where every document of the item carries it, and only when at least two items do; elsewhere it stays with its
 * document, so no item loses a note it needs.
 */
final class SharedNotes {
  /** The checklist items with the shared notes taken out, and the shared notes in the order first met. */
  record Result(List<Map<String, Object>> items, List<Map<String, Object>> notes) {}

  private SharedNotes() {}

  static Result of(List<Map<String, Object>> items, PageText text) {
    // Each note text (and the origin notes, which link to the rules) with the items all of whose documents carry it.
    Map<Note, Set<Integer>> whole = new LinkedHashMap<>();
    for (Map<String, Object> item : items) {
      List<Map<String, Object>> documents = documents(item);
      for (Note note : notes(documents.get(0))) {
        if (documents.stream().allMatch(d -> notes(d).contains(note))) {
          whole.computeIfAbsent(note, n -> new TreeSet<>()).add((Integer) item.get("number"));
        }
      }
    }
    whole.values().removeIf(numbers -> numbers.size() < 2);
    if (whole.isEmpty()) {
      return new Result(items, List.of());
    }
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> item : items) {
      Integer number = (Integer) item.get("number");
      Map<String, Object> copy = new LinkedHashMap<>(item);
      copy.put("documents", documents(item).stream().map(d -> without(d, whole, number)).toList());
      result.add(copy);
    }
    List<Map<String, Object>> notes = whole.entrySet().stream().map(e -> {
      Map<String, Object> note = new LinkedHashMap<>();
      note.put("text", e.getKey().text());
      note.put("rules", e.getKey().origin());
      note.put("items", text.format("SHARED_ITEMS",
          e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", "))));
      return note;
    }).toList();
    return new Result(result, notes);
  }

  /** A note of a document: one of its {@code notes}, or its {@code origin} (shown as a link to the rules). */
  private record Note(String text, boolean origin) {}

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> documents(Map<String, Object> item) {
    return (List<Map<String, Object>>) item.get("documents");
  }

  @SuppressWarnings("unchecked")
  private static List<Note> notes(Map<String, Object> document) {
    List<Note> notes = new ArrayList<>();
    ((List<String>) document.get("notes")).forEach(n -> notes.add(new Note(n, false)));
    if (document.get("origin") instanceof String origin) {
      notes.add(new Note(origin, true));
    }
    return notes;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> without(Map<String, Object> document, Map<Note, Set<Integer>> shared,
      Integer number) {
    Map<String, Object> copy = new LinkedHashMap<>(document);
    copy.put("notes", ((List<String>) document.get("notes")).stream()
        .filter(n -> !shared.getOrDefault(new Note(n, false), Set.of()).contains(number))
        .toList());
    if (document.get("origin") instanceof String origin
        && shared.getOrDefault(new Note(origin, true), Set.of()).contains(number)) {
      copy.remove("origin");
    }
    return copy;
  }
}

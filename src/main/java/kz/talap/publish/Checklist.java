package kz.talap.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import kz.talap.model.Catalogue;
import kz.talap.model.Category;
import kz.talap.model.Channel;
import kz.talap.model.Document;
import kz.talap.model.Enums.Issuer;
import kz.talap.model.Enums.Origin;
import kz.talap.model.Enums.RuleKind;
import kz.talap.model.Group;
import kz.talap.model.Requirement;
import kz.talap.model.Service;

/**
 * The numbered document checklist of one page: requirements with the same number and "one of" group form one item;
 * every document carries its notes in words (original shown, validity, the condition's explanation, the sets it
 * belongs to, origin) and its citation. Conditions are shown only through their explanation, never as CEL.
 */
final class Checklist {
  private final Catalogue catalogue;
  private final Service service;
  private final List<Requirement> requirements;
  private final PageText text;
  /**
   * Of each requirement (by its place in {@link #requirements}), its item key and its document's data, made once:
   * a questionnaire cuts dozens of narrowed lists from one checklist, and they share most documents. Only read once
   * made (the templates and {@link SharedNotes} copy what they change).
   */
  private final String[] keys;
  private final java.util.concurrent.atomic.AtomicReferenceArray<Map<String, Object>> documents;

  Checklist(Catalogue catalogue, Service service, Optional<String> subtype, PageText text) {
    this.catalogue = catalogue;
    this.service = service;
    this.requirements = catalogue.requirementsOf(service.code()).stream()
        .filter(r -> r.subtype().isEmpty() || r.subtype().equals(subtype))
        .toList();
    this.text = text;
    this.keys = requirements.stream().map(Checklist::key).toArray(String[]::new);
    this.documents = new java.util.concurrent.atomic.AtomicReferenceArray<>(requirements.size());
  }

  /** The items of the documents that belong to no stage, in checklist order. */
  List<Map<String, Object>> items() {
    return items(Optional.empty());
  }

  /**
   * The items of one stage (or of no stage), in checklist order: by number, then alone before groups, then by group
   * code.
   */
  List<Map<String, Object>> items(Optional<String> stage) {
    // Documents only for a reduced set (PRP minors: birth certificate, other parent's consent) are no item of the
    // list in the act; they are shown with their set.
    return items(stage, Checklist::standard);
  }

  /**
   * The items of one stage (or of no stage) narrowed to one applicant: only the requirements with these codes, those
   * of a reduced set included.
   */
  List<Map<String, Object>> items(Optional<String> stage, java.util.Set<String> codes) {
    return items(stage, r -> codes.contains(r.code()));
  }

  private List<Map<String, Object>> items(Optional<String> stage, java.util.function.Predicate<Requirement> shown) {
    Map<String, List<Integer>> byItem = new TreeMap<>();
    for (int i = 0; i < requirements.size(); i++) {
      Requirement requirement = requirements.get(i);
      if (!requirement.stage().equals(stage) || !shown.test(requirement)) {
        continue;
      }
      byItem.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(i);
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (List<Integer> rows : byItem.values()) {
      Requirement first = requirements.get(rows.get(0));
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("number", first.order());
      item.put("oneOf", first.group().isPresent());
      first.group().flatMap(this::group).ifPresent(group -> {
        item.put("groupName", text.of(group.name()));
        item.put("groupCitation", text.of(group.citation()));
      });
      item.put("documents", rows.stream().map(this::documentAt).toList());
      items.add(item);
    }
    return items;
  }

  private static boolean standard(Requirement requirement) {
    return requirement.applicantSets().isEmpty() || requirement.applicantSets().contains(Requirement.STANDARD);
  }

  private static String key(Requirement requirement) {
    String group = requirement.group().map(g -> "1" + g).orElse("0");
    int order = requirement.order();
    if (order < 0) {
      return String.format("%09d/%s", order, group);
    }
    // What String.format("%09d/%s") gives, without parsing the format for each document of each page.
    String digits = Integer.toString(order);
    return "0".repeat(Math.max(0, 9 - digits.length())) + digits + "/" + group;
  }

  /** The data of the document of the requirement at this place, made on first use. */
  private Map<String, Object> documentAt(int index) {
    Map<String, Object> made = documents.get(index);
    if (made == null) {
      // Two threads may both make it: equal data, and either is kept.
      made = document(requirements.get(index));
      if (!documents.compareAndSet(index, null, made)) {
        made = documents.get(index);
      }
    }
    return made;
  }

  private Optional<Group> group(String code) {
    return catalogue.group(code);
  }

  private Map<String, Object> document(Requirement requirement) {
    Optional<Document> document = catalogue.document(requirement.document());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("code", requirement.code());
    model.put("id", "doc-" + SitePaths.slug(requirement.code()));
    model.put("name", document.map(d -> text.of(d.name())).orElse(requirement.document()));
    document.flatMap(d -> text.of(d.note())).ifPresent(note -> model.put("note", note));
    List<String> notes = new ArrayList<>();
    if (requirement.originalShown()) {
      notes.add(text.label("ORIGINAL_SHOWN"));
    }
    requirement.maxAgeDays().ifPresent(days -> notes.add(text.format("MAX_AGE", String.valueOf(days))));
    requirement.minValidityDays().ifPresent(days -> notes.add(text.format("MIN_VALIDITY", String.valueOf(days))));
    model.put("notes", notes);
    model.put("conditional", requirement.condition().isPresent());
    text.of(requirement.explanation()).ifPresent(explanation -> model.put("explanation", explanation));
    onlyFor(requirement).ifPresent(sets -> model.put("onlyFor", text.format("ONLY_FOR", sets)));
    if (!requirement.channels().isEmpty()) {
      model.put("onlyChannels", text.format("ONLY_CHANNELS", requirement.channels().stream()
          .map(this::channelName).collect(Collectors.joining("; "))));
    }
    if (!requirement.recipients().isEmpty()) {
      model.put("onlyRecipients", text.format("ONLY_RECIPIENTS", requirement.recipients().stream()
          .map(r -> text.label(r.name())).collect(Collectors.joining("; "))));
    }
    document.flatMap(this::origin).ifPresent(origin -> model.put("origin", origin));
    model.put("citation", text.of(requirement.citation()));
    return model;
  }

  private String channelName(String code) {
    return catalogue.channel(code)
        .map(Channel::name).map(text::of).orElse(code);
  }

  /** The categories a requirement is limited to, when it is not part of the standard set. */
  private Optional<String> onlyFor(Requirement requirement) {
    if (requirement.applicantSets().isEmpty() || requirement.applicantSets().contains(Requirement.STANDARD)) {
      return Optional.empty();
    }
    return Optional.of(categories().stream()
        .filter(c -> requirement.applicantSets().contains(c.code()))
        .map(c -> text.of(c.name()))
        .collect(Collectors.joining("; ")));
  }

  /** Documents from abroad, or possibly from abroad, fall under the service's translation and legalisation rules. */
  private Optional<String> origin(Document document) {
    boolean rules = catalogue.rulesOf(service.code()).stream().anyMatch(r -> (r.kind() == RuleKind.TRANSLATION || r.kind() == RuleKind.LEGALISATION));
    if (!rules) {
      return Optional.empty();
    }
    // Documents such as passports are never legalised: only the translation rule applies to them.
    // Documents of companies, insurers and persons are never legalised either.
    String suffix = document.noLegalisation() || document.issuer() == Issuer.PRIVATE ? "_TRANSLATION" : "";
    if (document.origin() == Origin.FOREIGN) {
      return Optional.of(text.label("ORIGIN_FOREIGN" + suffix));
    }
    if (document.origin() == Origin.ANY) {
      return Optional.of(text.label("ORIGIN_ANY" + suffix));
    }
    return Optional.empty();
  }

  private List<Category> categories() {
    return catalogue.categoriesOf(service.code()).stream()
        .sorted(Comparator.comparingInt(Category::order).thenComparing(Category::code))
        .toList();
  }

  /**
   * Each category of applicants with a reduced set: who belongs to it, which items of the standard checklist its set
   * has, and the documents only that set needs (named, since they are no item of the act's list).
   */
  List<Map<String, Object>> reducedSets() {
    List<Map<String, Object>> sets = new ArrayList<>();
    for (Category category : categories()) {
      List<Requirement> inSet = requirements.stream()
          .filter(r -> r.applicantSets().isEmpty() || r.applicantSets().contains(category.code()))
          .toList();
      String numbers = inSet.stream()
          .filter(Checklist::standard)
          .map(Requirement::order)
          .distinct()
          .sorted()
          .map(String::valueOf)
          .collect(Collectors.joining(", "));
      Map<String, Object> set = new LinkedHashMap<>();
      set.put("code", category.code());
      set.put("name", text.of(category.name()));
      set.put("explanation", text.of(category.explanation()));
      set.put("items", text.format("SET_ITEMS", numbers));
      set.put("extras", inSet.stream().filter(r -> !standard(r))
          .sorted(Comparator.comparingInt(Requirement::order).thenComparing(Requirement::code))
          .map(this::document).toList());
      set.put("citation", text.of(category.citation()));
      sets.add(set);
    }
    return sets;
  }
}

package kz.talap.questionnaire;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import kz.talap.condition.Condition;
import kz.talap.model.Catalogue;
import kz.talap.model.CountryGroupMember;
import kz.talap.model.Fact;
import kz.talap.questionnaire.Questionnaire.Answer;
import kz.talap.questionnaire.Questionnaire.Answer.Kind;

/**
 * The answers an applicant can give about one fact, as classes of values the conditions cannot tell apart: yes/no;
 * the allowed values of a TEXT fact; for a country, the groups and country codes the conditions name plus "another
 * country"; for an age, the bands between the integers the conditions compare it with.
 */
final class AnswerDomain {
  /** ISO 3166-1 reserves XX for user assignment: no country has it, so it stands for "another country". */
  static final String OUTSIDE = "XX";
  static final long MAX_AGE = 120;
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private AnswerDomain() {}

  /** The answers to a fact read by the given conditions, or empty when the fact cannot be asked as a choice. */
  static Optional<List<Answer>> of(Fact fact, List<Condition> readers, Catalogue catalogue, LocalDate on) {
    return switch (fact.type()) {
      case BOOL -> Optional.of(List.of(new Answer("yes", Kind.YES, List.of(), true),
          new Answer("no", Kind.NO, List.of(), false)));
      case TEXT -> fact.allowedValues().isEmpty() ? Optional.empty()
          : Optional.of(fact.allowedValues().stream()
              .map(v -> new Answer(token(v), Kind.TEXT, List.of(v), v)).toList());
      case COUNTRY -> Optional.of(countries(readers, catalogue, on));
      // Only an age (an INT derived from a date of birth) has words for its bands; other numbers are not asked.
      case INT -> fact.derivedFrom().isPresent() ? Optional.of(ages(readers)) : Optional.empty();
      default -> Optional.empty();
    };
  }

  /** The age bands: cut at each integer a condition compares the age with, and at the one after it. */
  private static List<Answer> ages(List<Condition> readers) {
    TreeSet<Long> cuts = new TreeSet<>();
    for (Condition condition : readers) {
      for (long literal : condition.integerLiterals()) {
        for (long cut : List.of(literal, literal + 1)) {
          if (cut > 0 && cut <= MAX_AGE) {
            cuts.add(cut);
          }
        }
      }
    }
    List<Answer> bands = new ArrayList<>();
    long from = 0;
    for (long cut : cuts) {
      bands.add(band(from, cut - 1));
      from = cut;
    }
    bands.add(band(from, MAX_AGE));
    return bands;
  }

  /** The band of ages from {@code from} to {@code to} inclusive; its value is its youngest age. */
  static Answer band(long from, long to) {
    String token = from + "-" + to;
    if (from == 0) {
      return new Answer(token, Kind.AGE_UNDER, List.of(String.valueOf(to + 1)), from);
    }
    if (to == MAX_AGE) {
      return new Answer(token, Kind.AGE_FROM, List.of(String.valueOf(from)), from);
    }
    return new Answer(token, Kind.AGE_RANGE, List.of(String.valueOf(from), String.valueOf(to)), from);
  }

  /**
   * The classes of countries the conditions distinguish: each country's membership of every group they name and
   * whether it is a code they name. One answer per class, with one of its countries as the value.
   */
  private static List<Answer> countries(List<Condition> readers, Catalogue catalogue, LocalDate on) {
    Set<String> lists = new TreeSet<>();
    Map<String, List<String>> members = new TreeMap<>();
    for (CountryGroupMember m : catalogue.countryGroups()) {
      if (m.validity().contains(on)) {
        members.computeIfAbsent(m.group().toLowerCase(Locale.ROOT), g -> new ArrayList<>()).add(m.country());
      }
    }
    Set<String> literals = new TreeSet<>();
    for (Condition condition : readers) {
      condition.facts().stream().filter(members::containsKey).forEach(lists::add);
      condition.stringLiterals().stream().filter(s -> COUNTRY.matcher(s).matches()).forEach(literals::add);
    }
    TreeSet<String> candidates = new TreeSet<>(literals);
    lists.forEach(l -> candidates.addAll(members.get(l)));
    Map<String, String> byClass = new LinkedHashMap<>();
    Map<String, Answer> answers = new TreeMap<>();
    for (String country : candidates) {
      List<String> groups = lists.stream().filter(l -> members.get(l).contains(country)).toList();
      boolean named = literals.contains(country);
      String signature = groups + "/" + (named ? country : "");
      if (byClass.putIfAbsent(signature, country) != null) {
        continue;
      }
      Answer answer = named
          ? new Answer(token(country), Kind.COUNTRY, List.of(country), country)
          : new Answer(String.join("-", groups), Kind.GROUP,
              groups.stream().map(g -> g.toUpperCase(Locale.ROOT)).toList(), country);
      answers.put(answer.token(), answer);
    }
    List<Answer> ordered = new ArrayList<>(answers.values());
    ordered.add(new Answer("other", Kind.OTHER_COUNTRY, List.of(), OUTSIDE));
    return ordered;
  }

  /** A value as a file-name part: lower case letters, digits and '-'. */
  private static String token(String value) {
    return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}

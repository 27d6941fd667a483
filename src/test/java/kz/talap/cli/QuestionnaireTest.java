package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.talap.check.CheckResult;
import kz.talap.check.Checker;
import kz.talap.check.Finding;
import kz.talap.check.Submission;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.condition.Condition;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Enums.Recipient;
import kz.talap.model.Fact;
import kz.talap.model.Requirement;
import kz.talap.model.Service;
import kz.talap.workbook.WorkbookReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code talap publish} on the shipped catalogue: the questionnaire pages, read back from the site. Every final page
 * is compared with what {@link Checker} finds missing for every applicant its answers describe, worked out here from
 * the catalogue.
 */
class QuestionnaireTest {
  static final LocalDate AS_OF = LocalDate.parse(PublishCommandTest.AS_OF);
  @TempDir static Path dir;
  static Path site;
  static CliRun run;
  static Catalogue catalogue;

  @BeforeAll
  static void publish() {
    site = dir.resolve("site");
    run = CliRun.of("publish", "--as-of", PublishCommandTest.AS_OF, "--out", site.toString());
    catalogue = CatalogueCompiler.compile(WorkbookReader.read(List.of(ShippedCatalogue.FOLDER)), AS_OF, true)
        .catalogue().orElseThrow().at(AS_OF);
  }

  static String page(String path) throws IOException {
    return Files.readString(site.resolve(path));
  }

  static List<String> all(String regex, String html) {
    return Pattern.compile(regex).matcher(html).results().map(r -> r.group(1)).toList();
  }

  static List<String> questionnaireFiles(String lang) throws IOException {
    try (Stream<Path> walk = Files.walk(site.resolve(lang))) {
      return walk.map(f -> site.relativize(f).toString()).filter(f -> f.contains("/q/") && f.endsWith(".html"))
          .sorted().toList();
    }
  }

  @Test
  void publish_summary_countsTheQuestionnairePages() throws IOException {
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().lines().toList().get(1)
        .matches("Published 46 pages and 2283 questionnaire pages in kk, ru, en to .*site in \\d+ ms"), run.out());
    for (String lang : List.of("kk", "ru", "en")) {
      assertEquals(761, questionnaireFiles(lang).size(), lang);
    }
    // Nine questionnaires: the TRP sub-types and PRP. The card, the pilot: no answer changes their lists.
    assertEquals(List.of("en/prp/q/index.html", "en/trp/trp-business/q/index.html", "en/trp/trp-family/q/index.html",
        "en/trp/trp-missionary/q/index.html", "en/trp/trp-prp-applicant/q/index.html",
        "en/trp/trp-study/q/index.html", "en/trp/trp-trafficking/q/index.html",
        "en/trp/trp-treatment/q/index.html", "en/trp/trp-work/q/index.html"),
        questionnaireFiles("en").stream().filter(f -> f.endsWith("/q/index.html")).toList());
  }

  @Test
  void trpWork_questions_inTheReadersLanguage() throws IOException {
    String first = page("en/trp/trp-work/q/index.html");
    assertTrue(first.contains("<p class=\"step\">Question 1</p>\n<h1 id=\"question\" data-facts=\""
        + "aifc_investment_resident\">Is an investment resident of the Astana International Financial Centre (AIFC), "
        + "or a family member of one</h1>\n<ul class=\"answers\" aria-labelledby=\"question\">\n"
        + "<li><a href=\"yes.html\">Yes</a></li>\n<li><a href=\"no.html\">No</a></li>\n</ul>"), first);
    assertTrue(first.contains("<a href=\"../../../trp/trp-work.html#documents\">See the full list</a>"), first);
    assertTrue(page("kk/trp/trp-work/q/index.html").contains(
        "<li><a href=\"yes.html\">Иә</a></li>\n<li><a href=\"no.html\">Жоқ</a></li>"));
    String citizenship = page("ru/trp/trp-work/q/no.html");
    assertTrue(citizenship.contains("<p class=\"back\"><a href=\"index.html\">Назад</a></p>"), citizenship);
    assertTrue(citizenship.contains("<h1 id=\"question\" data-facts=\"citizenship\">Гражданство (государство)</h1>"),
        citizenship);
    assertTrue(citizenship.contains("<li><a href=\"no_eaeu.html\">Гражданин государства – члена Евразийского "
        + "экономического союза</a></li>\n<li><a href=\"no_other.html\">Гражданин другого государства</a></li>"),
        citizenship);
    String check = page("en/trp/trp-work/q/no_eaeu_yes.check.html");
    assertTrue(check.contains("<h1>Check your answers</h1>"), check);
    assertTrue(check.contains("<dt>Owns the housing provided for residence</dt>\n<dd>Yes <a class=\"change\" "
        + "href=\"no_eaeu.html\">Change<span class=\"visually-hidden\">: Owns the housing provided for residence"
        + "</span></a></dd>"), check);
    assertTrue(check.contains("<p class=\"show-list\"><a href=\"no_eaeu_yes.list.html\">Show my list</a></p>"));
  }

  @Test
  void questions_onlyTheFactsTheConditionsRead_andOnlyWhenTheAnswerMatters() throws IOException {
    Map<String, Set<String>> asked = new LinkedHashMap<>();
    for (String file : questionnaireFiles("en")) {
      String folder = file.substring(0, file.indexOf("/q/"));
      all("data-facts=\"([^\"]*)\"", page(file)).forEach(facts ->
          asked.computeIfAbsent(folder, f -> new TreeSet<>()).addAll(List.of(facts.split(" "))));
    }
    assertEquals(Set.of("aifc_investment_resident", "citizenship", "owns_housing", "work_permit_not_required"),
        asked.get("en/trp/trp-work"));
    assertEquals(Set.of("citizenship", "owns_housing"), asked.get("en/trp/trp-study"));
    assertEquals(Set.of("age", "arrived_with_parents", "born_or_former_citizen_kz", "citizenship",
        "citizenship_via_foreign_mission", "ethnic_kazakh", "family_of_exempt_person", "former_compatriot",
        "in_demand_occupation", "other_parent_abroad", "permanently_registered", "refugee",
        "representative_resident", "simplified_citizenship_treaty"), asked.get("en/prp"));
    // An AIFC resident from the EAEU needs the employment contract whether or not work permits apply: not asked.
    assertTrue(Files.exists(site.resolve("en/trp/trp-work/q/yes_eaeu_yes.check.html")));
    assertFalse(Files.exists(site.resolve("en/trp/trp-work/q/yes_eaeu_yes.html")));
    assertTrue(Files.exists(site.resolve("en/trp/trp-work/q/yes_other_yes.html")));
    // Four facts that only matter as "any of them" are one question.
    assertTrue(page("en/prp/q/no_no_no_no.html").contains("data-facts=\"born_or_former_citizen_kz "
        + "family_of_exempt_person former_compatriot simplified_citizenship_treaty\">Does at least one of these apply "
        + "to you?</h1>\n<ul class=\"any-of\">\n<li>Was born in the Kazakh SSR"));
    // Ages are asked as the bands the conditions tell apart; neighbouring bands that give the same list are one.
    Set<String> bands = new TreeSet<>();
    for (String file : questionnaireFiles("en")) {
      String html = page(file);
      if (html.contains("data-facts=\"age\"")) {
        bands.addAll(all("<li><a href=\"[^\"]*\">([^<]*)</a></li>", html));
      }
    }
    assertEquals(Set.of("Under 14", "14 to 15", "14 to 17", "16 to 17", "18 or older"), bands);
  }

  @Test
  void everyFinalPage_listsExactlyWhatCheckerFindsMissing_forEveryApplicantItsAnswersDescribe() throws IOException {
    int lists = 0;
    long applicants = 0;
    for (String start : questionnaireFiles("en").stream().filter(f -> f.endsWith("/q/index.html")).toList()) {
      String[] parts = start.split("/");
      Service service = catalogue.service(parts[1].toUpperCase(Locale.ROOT).replace('-', '_')).orElseThrow();
      Optional<String> subtype = parts[2].equals("q") ? Optional.empty()
          : Optional.of(parts[2].toUpperCase(Locale.ROOT).replace('-', '_'));
      Walk walk = new Walk(service, subtype, start.substring(0, start.length() - "index.html".length()));
      walk.from("index.html", new LinkedHashMap<>());
      lists += walk.lists;
      applicants += walk.applicants;
    }
    assertEquals(282, lists);
    assertTrue(applicants > lists, "applicants " + applicants);
  }

  /** Follows every answer from a questionnaire's first page and checks each list it reaches. */
  private static final class Walk {
    final Service service;
    final Optional<String> subtype;
    final String folder;
    final Map<String, Fact> facts = new LinkedHashMap<>();
    final List<Condition> conditions = new ArrayList<>();
    final Checker checker = new Checker(catalogue);
    int lists;
    long applicants;

    Walk(Service service, Optional<String> subtype, String folder) {
      this.service = service;
      this.subtype = subtype;
      this.folder = folder;
      catalogue.requirementsOf(service.code()).stream()
          .filter(r -> r.subtype().isEmpty() || r.subtype().equals(subtype))
          .forEach(r -> r.condition().ifPresent(conditions::add));
      catalogue.categoriesOf(service.code()).forEach(c -> conditions.add(c.condition()));
      for (Fact fact : catalogue.facts()) {
        if (conditions.stream().anyMatch(c -> c.facts().contains(fact.name()))) {
          facts.put(fact.name(), fact);
        }
      }
    }

    /** Each answered fact's possible values, as the page's links describe them. */
    void from(String file, Map<String, List<Object>> answered) throws IOException {
      String html = page(folder + file);
      if (file.endsWith(".check.html")) {
        from(all("<p class=\"show-list\"><a href=\"([^\"]*)\"", html).get(0), answered);
        return;
      }
      if (file.endsWith(".list.html")) {
        check(file, html, answered);
        return;
      }
      List<String> asked = List.of(all("data-facts=\"([^\"]*)\"", html).get(0).split(" "));
      String prefix = file.equals("index.html") ? "" : file.substring(0, file.length() - ".html".length()) + "_";
      for (String href : all("<li><a href=\"([^\"]*)\">", html.substring(html.indexOf("class=\"answers\"")))) {
        String token = href.substring(prefix.length()).replaceAll("(\\.check)?\\.html$", "");
        Map<String, List<Object>> next = new LinkedHashMap<>(answered);
        if (asked.size() > 1) {
          // "Does any of these apply?": yes is every non-empty combination, no is none.
          next.put(String.join(" ", asked), token.equals("yes") ? List.of("any") : List.of("none"));
        } else {
          next.put(asked.get(0), values(facts.get(asked.get(0)), token));
        }
        from(href, next);
      }
    }

    private List<Object> values(Fact fact, String token) {
      if (fact.type() == FactType.BOOL) {
        return List.of(token.equals("yes"));
      }
      if (fact.type() == FactType.INT) {
        String[] band = token.split("-");
        return List.of(Long.parseLong(band[0]), Long.parseLong(band[1]));
      }
      if (token.equals("other")) {
        return List.of("XX", "US");
      }
      String upper = token.toUpperCase(Locale.ROOT);
      if (upper.length() == 2 && catalogue.countryGroups().stream().noneMatch(m -> m.group().equals(upper))) {
        return List.of(upper);
      }
      return catalogue.countryGroups().stream().filter(m -> m.group().equals(upper) && m.validity().contains(AS_OF))
          .map(m -> (Object) m.country()).toList();
    }

    /** The values tried for a fact the questions did not ask (its answer must not matter). */
    private List<Object> unasked(Fact fact) {
      List<Condition> readers = conditions.stream().filter(c -> c.facts().contains(fact.name())).toList();
      if (fact.type() == FactType.BOOL) {
        return List.of(false, true);
      }
      if (fact.type() == FactType.INT) {
        TreeSet<Long> ages = new TreeSet<>(List.of(0L, 120L));
        readers.forEach(c -> c.integerLiterals().forEach(l -> ages.addAll(List.of(l - 1, l, l + 1))));
        return new ArrayList<>(ages);
      }
      TreeSet<String> countries = new TreeSet<>(List.of("XX"));
      for (Condition c : readers) {
        c.stringLiterals().stream().filter(s -> s.matches("[A-Z]{2}")).forEach(countries::add);
        catalogue.countryGroups().stream().filter(m -> c.facts().contains(m.group().toLowerCase(Locale.ROOT)))
            .forEach(m -> countries.add(m.country()));
      }
      return new ArrayList<>(countries);
    }

    private void check(String file, String html, Map<String, List<Object>> answered) {
      lists++;
      Set<String> shown = new TreeSet<>(all("<input type=\"checkbox\" id=\"doc-([^\"]*)\">", html));
      List<Map<String, Object>> applicantsHere = new ArrayList<>();
      applicantsHere.add(new HashMap<>());
      Set<String> covered = new TreeSet<>();
      for (Map.Entry<String, List<Object>> answer : answered.entrySet()) {
        List<String> names = List.of(answer.getKey().split(" "));
        covered.addAll(names);
        List<Map<String, Object>> choices = new ArrayList<>();
        if (names.size() > 1) {
          boolean any = answer.getValue().get(0).equals("any");
          for (int mask = any ? 1 : 0; mask < (any ? 1 << names.size() : 1); mask++) {
            Map<String, Object> choice = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
              choice.put(names.get(i), (mask >> i & 1) == 1);
            }
            choices.add(choice);
          }
        } else {
          answer.getValue().forEach(v -> choices.add(Map.of(names.get(0), v)));
        }
        applicantsHere = product(applicantsHere, choices);
      }
      for (Fact fact : facts.values()) {
        if (!covered.contains(fact.name())) {
          applicantsHere = product(applicantsHere, unasked(fact).stream()
              .map(v -> (Map<String, Object>) Map.of(fact.name(), v)).toList());
        }
      }
      for (Map<String, Object> applicant : applicantsHere) {
        applicants++;
        assertEquals(shown, required(applicant), folder + file + " for " + applicant);
      }
    }

    private static List<Map<String, Object>> product(List<Map<String, Object>> sofar,
        List<Map<String, Object>> choices) {
      List<Map<String, Object>> result = new ArrayList<>();
      for (Map<String, Object> one : sofar) {
        for (Map<String, Object> choice : choices) {
          Map<String, Object> both = new HashMap<>(one);
          both.putAll(choice);
          result.add(both);
        }
      }
      return result;
    }

    /** What a check of this applicant with no documents finds missing, as the page's check-box ids. */
    private Set<String> required(Map<String, Object> applicant) {
      Map<String, Object> values = new HashMap<>();
      applicant.forEach((name, value) -> {
        Fact fact = facts.get(name);
        if (fact.derivedFrom().isPresent()) {
          values.put(fact.derivedFrom().get(), AS_OF.minusYears((Long) value));
        } else {
          values.put(name, value);
        }
      });
      Set<String> ids = new TreeSet<>();
      CheckResult result = checker.check(submission(values, List.of()));
      for (Finding finding : result.findings()) {
        if (finding.kind() == Finding.Kind.MISSING_DOCUMENT) {
          ids.add(slug(finding.subject().orElseThrow()));
        } else if (finding.kind() == Finding.Kind.MISSING_ONE_OF) {
          String group = finding.subject().orElseThrow();
          for (Requirement r : catalogue.requirementsOf(service.code())) {
            if (r.group().equals(Optional.of(group)) && (r.subtype().isEmpty() || r.subtype().equals(subtype))) {
              Submission.PresentedDocument document = new Submission.PresentedDocument(r.document(),
                  Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false, false,
                  Optional.empty(), false);
              boolean satisfies = checker.check(submission(values, List.of(document))).findings().stream()
                  .noneMatch(f -> f.kind() == Finding.Kind.MISSING_ONE_OF && f.subject().equals(Optional.of(group)));
              if (satisfies) {
                ids.add(slug(r.code()));
              }
            }
          }
        }
      }
      return ids;
    }

    private Submission submission(Map<String, Object> values, List<Submission.PresentedDocument> documents) {
      return new Submission(Optional.empty(), service.code(), subtype, Optional.empty(), service.channels().get(0),
          Recipient.INDIVIDUAL, LocalDateTime.of(AS_OF, LocalTime.NOON), values, documents, List.of());
    }

    private static String slug(String code) {
      return code.toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  @Test
  void publish_questionnaireOverTheLimit_failsNamingTheSubType(@TempDir Path temp) throws IOException {
    ShippedCatalogue edited = ShippedCatalogue.read();
    // Ten more yes/no facts, each deciding one more TRP work document: 1,024 different lists.
    for (int i = 0; i < 10; i++) {
      edited.copy("Facts", row -> "owns_housing".equals(row.get("name")), "name", "extra_fact_" + i)
          .copy("Requirements", row -> "TRP_REQ_HOUSING_CONSENT".equals(row.get("code")),
              "code", "TRP_REQ_EXTRA_" + i, "subtype", "TRP_WORK", "order", String.valueOf(20 + i),
              "condition", "extra_fact_" + i);
    }
    Path folder = edited.write(temp.resolve("catalogue"));
    Path out = temp.resolve("site");
    Files.createDirectories(out);
    CliRun failed = CliRun.of("publish", "--catalogue", folder.toString(), "--as-of", PublishCommandTest.AS_OF,
        "--out", out.toString());
    assertEquals(1, failed.exit(), failed.err());
    assertEquals("Questionnaire TRP/TRP_WORK: the questionnaire would need more than 1000 pages in each language "
        + "(the limit; its conditions read too many facts that each change the list)\n"
        + "talap publish: nothing published; " + out + " is unchanged\n", failed.err());
    assertEquals("", failed.out());
  }

  @Test
  void publish_twice_sameQuestionnaireBytes(@TempDir Path temp) throws IOException {
    Path again = temp.resolve("again");
    CliRun second = CliRun.of("publish", "--as-of", PublishCommandTest.AS_OF, "--out", again.toString());
    assertEquals(0, second.exit(), second.err());
    for (String file : questionnaireFiles("ru")) {
      assertEquals(Files.readString(site.resolve(file)), Files.readString(again.resolve(file)), file);
    }
  }
}

package kz.talap.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import kz.talap.compile.CatalogueCompiler;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Fact;
import kz.talap.workbook.WorkbookReader;
import org.junit.jupiter.api.Test;

/** The fast evaluator answers exactly what CEL answers, or leaves the answer to CEL. */
class SimpleTest {
  private static final List<String> EAEU = List.of("AM", "BY", "KG", "KZ", "RU");

  /** CEL's own answer: true, false, or null for an evaluation error. */
  private static Boolean cel(Condition condition, Map<String, ?> values) {
    try {
      Object result = condition.program().eval(name -> Optional.ofNullable(values.get(name)));
      return result instanceof Boolean b ? b : null;
    } catch (Exception e) {
      return null;
    }
  }

  @Test
  void everyShippedConditionIsEvaluatedFastAndAsCelDoes() {
    Catalogue catalogue = CatalogueCompiler.compile(WorkbookReader.read(List.of(Path.of("catalogue"))),
        LocalDate.of(2026, 11, 21), true).catalogue().orElseThrow();
    Set<Condition> conditions = new LinkedHashSet<>();
    catalogue.requirements().forEach(r -> r.condition().ifPresent(conditions::add));
    catalogue.categories().forEach(c -> conditions.add(c.condition()));
    catalogue.services().forEach(s -> s.eligibility().ifPresent(conditions::add));
    catalogue.subTypes().forEach(s -> s.eligibility().ifPresent(conditions::add));
    assertEquals(19, conditions.size());
    Random random = new Random(7);
    int answered = 0;
    for (Condition condition : conditions) {
      Simple simple = Simple.of(condition.source()).orElseThrow(() -> new AssertionError(condition.source()));
      for (int i = 0; i < 400; i++) {
        Map<String, Object> values = values(catalogue.facts(), random, i % 40 == 39);
        Boolean fast = simple.test(values);
        Boolean slow = cel(condition, values);
        if (fast != null) {
          answered++;
          assertEquals(slow, fast, condition.source() + " for " + values);
        }
        // Whatever the fast way answers or not, the condition says what CEL says.
        if (slow != null) {
          assertEquals(slow, condition.test(values), condition.source() + " for " + values);
        }
      }
    }
    assertTrue(answered > 19 * 380, "answered fast: " + answered);
  }

  /** Values of every fact (some left out now and then), and the EAEU list. */
  private static Map<String, Object> values(List<Fact> facts, Random random, boolean gaps) {
    Map<String, Object> values = new HashMap<>();
    values.put("eaeu", EAEU);
    for (Fact fact : facts) {
      if (gaps && random.nextInt(3) == 0) {
        continue;
      }
      Object value = switch (fact.type()) {
        case BOOL -> random.nextBoolean();
        case INT -> (long) random.nextInt(30);
        case TEXT -> fact.allowedValues().isEmpty() ? "x" + random.nextInt(3)
            : fact.allowedValues().get(random.nextInt(fact.allowedValues().size()));
        case COUNTRY -> List.of("KZ", "RU", "CN", "UZ", "KG", "TR").get(random.nextInt(6));
        case DATE -> null;
      };
      if (value != null) {
        values.put(fact.name(), value);
      }
    }
    return values;
  }

  @Test
  void expressionsBeyondWhatItKnowsAreLeftToCel() {
    for (String source : List.of("size(purpose) > 3", "age + 1 > 18", "age > 1u", "age > 1.5", "purpose < 'B'",
        "purpose == r'LABOUR'", "purpose == 'LA\\u0042OUR'", "has(a.b)", "age > 18 ? refugee : ethnic_kazakh",
        "purpose.startsWith('L')", "age in [1, 2.0]", "-age < 0", "age >= 99999999999999999999", "")) {
      if (Simple.of(source).isPresent()) {
        // Read, but only if CEL's grammar reads it the same: then values of another kind are still CEL's to judge.
        assertEquals("purpose < 'B'", source);
      }
    }
  }

  @Test
  void unusualValuesAreLeftToCel() {
    Simple simple = Simple.of("age >= 18 && citizenship in eaeu").orElseThrow();
    assertEquals(Boolean.TRUE, simple.test(Map.of("age", 20L, "citizenship", "KZ", "eaeu", EAEU)));
    assertEquals(Boolean.FALSE, simple.test(Map.of("age", 17L)));
    assertNull(simple.test(Map.of("age", 20L, "eaeu", EAEU)));
    assertNull(simple.test(Map.of("age", 20, "citizenship", "KZ", "eaeu", EAEU)));
    assertNull(simple.test(Map.of("age", 20L, "citizenship", "KZ", "eaeu", List.of(1L))));
    assertNull(Simple.of("citizenship == age").orElseThrow().test(Map.of("age", 20L, "citizenship", "KZ")));
    List<String> none = new ArrayList<>();
    assertEquals(Boolean.FALSE, simple.test(Map.of("age", 20L, "citizenship", "KZ", "eaeu", none)));
  }
}

package kz.talap.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.talap.model.Enums.FactType;
import org.junit.jupiter.api.Test;

class ConditionCompilerTest {
  private final ConditionCompiler compiler = new ConditionCompiler(
      Map.of("citizenship", FactType.COUNTRY, "age", FactType.INT, "refugee", FactType.BOOL,
          "ethnic_kazakh", FactType.BOOL, "birth_date", FactType.DATE),
      Set.of("eaeu"));

  private Condition compile(String source) {
    ConditionCompiler.Result result = compiler.compile(source);
    assertEquals(List.of(), result.problems());
    return result.condition().orElseThrow();
  }

  @Test
  void compiled_storedCheckedExpression_evaluatesWithoutCompilingTheSourceAgain() {
    Condition original = compile("age >= 16 && !(citizenship in eaeu)");
    // A compiler that declares nothing could not compile the source: the stored expression alone must do.
    ConditionCompiler empty = new ConditionCompiler(Map.of(), Set.of());

    Condition loaded = empty.compiled(original.source(), "", original.checkedExpression(), original.facts(),
        original.integerLiterals(), original.stringLiterals());

    List<String> eaeu = List.of("AM", "BY", "KG", "KZ", "RU");
    assertTrue(loaded.test(Map.of("age", 30L, "citizenship", "UZ", "eaeu", eaeu)));
    assertFalse(loaded.test(Map.of("age", 30L, "citizenship", "RU", "eaeu", eaeu)));
    assertEquals(Set.of("age", "citizenship", "eaeu"), loaded.facts());
    assertEquals(original, loaded);
  }

  @Test
  void test_eaeuException() {
    Condition condition = compile("!(citizenship in eaeu)");
    List<String> eaeu = List.of("AM", "BY", "KG", "KZ", "RU");
    assertFalse(condition.test(Map.of("citizenship", "RU", "eaeu", eaeu)));
    assertTrue(condition.test(Map.of("citizenship", "UZ", "eaeu", eaeu)));
  }

  @Test
  void test_ageRangeIsHalfOpen() {
    Condition condition = compile("age >= 14 && age < 18");
    assertFalse(condition.test(Map.of("age", 13L)));
    assertTrue(condition.test(Map.of("age", 14L)));
    assertTrue(condition.test(Map.of("age", 17L)));
    assertFalse(condition.test(Map.of("age", 18L)));
  }

  @Test
  void facts_listsTheNamesUsed() {
    Condition condition = compile("!(refugee || (ethnic_kazakh && citizenship == 'CN'))");
    assertEquals(Set.of("refugee", "ethnic_kazakh", "citizenship"), condition.facts());
  }

  @Test
  void compile_syntaxErrorHasPosition() {
    ConditionCompiler.Result result = compiler.compile("age >=");
    assertTrue(result.condition().isEmpty());
    assertEquals(1, result.problems().get(0).line());
    assertEquals(6, result.problems().get(0).column());
    assertEquals("condition ends too early: expected a value after '>='", result.problems().get(0).message());
  }

  @Test
  void compile_undeclaredFact() {
    ConditionCompiler.Result result = compiler.compile("owns_housing");
    assertEquals(List.of("1:0 unknown fact 'owns_housing' (declare it in the Facts sheet)"), said(result));
  }

  private static List<String> said(ConditionCompiler.Result result) {
    return result.problems().stream().map(p -> p.line() + ":" + p.column() + " " + p.message()).toList();
  }

  @Test
  void literals_integersAndStringsSorted() {
    Condition condition = compile(
        "age >= 14 && age < 18 && age in [1, 2, 3] && citizenship in ['RU', 'CN'] && citizenship != 'KZ'");
    assertEquals(List.of(1L, 2L, 3L, 14L, 18L), List.copyOf(condition.integerLiterals()));
    assertEquals(List.of("CN", "KZ", "RU"), List.copyOf(condition.stringLiterals()));
    assertEquals(List.of(), List.copyOf(compile("!refugee").integerLiterals()));
  }
}

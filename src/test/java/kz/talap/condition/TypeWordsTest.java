package kz.talap.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import kz.talap.model.Enums.FactType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditions that read but do not fit the declared facts, each in plain words at its character. */
class TypeWordsTest {
  private final ConditionCompiler compiler = new ConditionCompiler(
      Map.of("citizenship", FactType.COUNTRY, "age", FactType.INT, "refugee", FactType.BOOL,
          "owns_housing", FactType.BOOL, "birth_date", FactType.DATE, "purpose", FactType.TEXT),
      Set.of("eaeu", "cis"));

  @ParameterizedTest
  @CsvSource(delimiter = '¦', quoteCharacter = '"', textBlock = """
      age == 'x'                ¦ 1:4 cannot compare fact 'age' (a whole number) with text 'x' using '=='
      age < 'x' || refugee      ¦ 1:4 cannot compare fact 'age' (a whole number) with text 'x' using '<'
      age == 14.5               ¦ 1:4 cannot compare fact 'age' (a whole number) with a decimal number 14.5 using '=='
      birth_date > 3            ¦ 1:0 fact 'birth_date' is a date and cannot be used in a condition; use a fact derived from it
      refugee == 'yes'          ¦ 1:8 'refugee' is a yes/no fact and cannot be compared with text 'yes': write 'refugee' for yes or '!refugee' for no
      citizenship in 'RU'       ¦ 1:12 'in' needs a list such as ['KZ', 'RU'] or a country group on its right, but it has text 'RU'
      age in eaeu               ¦ 1:4 cannot look for fact 'age' (a whole number) in country group 'eaeu' (a list of countries): they hold different kinds of values
      citizenship               ¦ 1:0 the condition must give yes or no, but it gives text: compare it, for example with '=='
      owns_housng               ¦ 1:0 unknown fact 'owns_housng' — did you mean 'owns_housing'? (or declare it in the Facts sheet)
      age > 1 && !tourist       ¦ 1:12 unknown fact 'tourist' (declare it in the Facts sheet)
      citizenship in EAEU       ¦ 1:15 unknown country group 'EAEU' — did you mean 'eaeu'?
      citizenship in schengen   ¦ 1:15 unknown country group 'schengen' (add it to the CountryGroups sheet)
      lenght(purpose) > 1       ¦ 1:6 unknown function 'lenght'
      sise(purpose) > 1         ¦ 1:4 unknown function 'sise' — did you mean 'size'?
      size(age) > 1             ¦ 1:4 function 'size' cannot be used with fact 'age' (a whole number)
      age + 'x' > 1             ¦ 1:4 '+' cannot be used with fact 'age' (a whole number) and text 'x'
      1 / 0 == 1                ¦ 0:0 the condition cannot be evaluated: division by zero (/ by zero) (evaluated with every fact no, 0 or empty)
      """)
  void compile_typeError_inPlainWords(String source, String expected) {
    ConditionCompiler.Result result = compiler.compile(source);
    assertEquals(1, result.problems().size(), result.problems().toString());
    ConditionCompiler.Problem problem = result.problems().get(0);
    assertEquals(expected, problem.line() + ":" + problem.column() + " " + problem.message());
  }
}

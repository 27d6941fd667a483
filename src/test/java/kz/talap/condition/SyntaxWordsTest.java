package kz.talap.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.talap.model.Enums.FactType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditions that cannot be read, each with the plain words and the character the editor sees. */
class SyntaxWordsTest {
  private final ConditionCompiler compiler = new ConditionCompiler(
      Map.of("citizenship", FactType.COUNTRY, "age", FactType.INT, "refugee", FactType.BOOL), Set.of("eaeu"));

  private String said(String source) {
    ConditionCompiler.Result result = compiler.compile(source);
    assertEquals(1, result.problems().size(), result.problems().toString());
    ConditionCompiler.Problem problem = result.problems().get(0);
    return problem.line() + ":" + problem.column() + " " + problem.message();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '¦', quoteCharacter = '"', textBlock = """
      citizenship in            ¦ 1:14 condition ends too early: expected a value after 'in'
      age > 1 &&                ¦ 1:10 condition ends too early: expected a value after '&&'
      (age > 1                  ¦ 1:0 unbalanced '(': it is never closed, add ')'
      age > 1)                  ¦ 1:7 unbalanced ')': there is no '(' before it
      citizenship in ['RU'      ¦ 1:15 unbalanced '[': it is never closed, add ']'
      (age > 1]                 ¦ 1:8 '(' is closed with ']': expected ')'
      citizenship == 'RU        ¦ 1:15 unbalanced quote: the text that starts here is never closed, add the closing '
      age = 14                  ¦ 1:4 write '==' to compare: a single '=' is not a comparison
      refugee and age > 1       ¦ 1:8 write '&&' instead of 'and'
      refugee or age > 1        ¦ 1:8 write '||' instead of 'or'
      not refugee               ¦ 1:0 write '!' instead of 'not'
      citizenship == 'KZ' & age > 1 ¦ 1:20 write '&&' instead of '&': a single '&' is not an operator
      refugee | age > 1         ¦ 1:8 write '||' instead of '|': a single '|' is not an operator
      age > 1 refugee           ¦ 1:8 unexpected 'refugee' after '1': join conditions with '&&' (and) or '||' (or), or compare with '=='
      citizenship == 'KZ' 'RU'  ¦ 1:20 unexpected 'RU' after 'KZ': join conditions with '&&' (and) or '||' (or), or compare with '=='
      age >= 14 && && refugee   ¦ 1:13 expected a value after '&&', found '&&'
      && refugee                ¦ 1:0 the condition starts with '&&': expected a value first
      age > 1 @                 ¦ 1:8 unexpected symbol '@': a condition uses names of facts, 'texts', numbers and operators
      """)
  void compile_syntaxError_inPlainWords(String source, String expected) {
    assertEquals(expected, said(source));
  }

  @Test
  void compile_cyrillicLetterInAName_saysItIsNotLatin() {
    assertEquals("1:0 the letter 'с' is not a Latin letter: names of facts use only a-z, 0-9 and _",
        said("\u0441itizenship == 'KZ'"));
  }

  @Test
  void compile_secondLine_countsLinesAndColumns() {
    assertEquals("2:14 condition ends too early: expected a value after 'in'", said("age > 1 &&\ncitizenship in"));
  }

  @Test
  void compile_anyBrokenCondition_neverShowsTheParsersWords() {
    List<String> jargon = List.of("mismatched", "expecting", "<EOF>", "NUM_", "extraneous", "token", "IDENTIFIER",
        "overload", "%A", "syntax error", "type error");
    String[] broken = {"", " ", "(", ")", "[", "'", "\"", "!", "age >", "age >>= 1", "age => 1", "1 2", "age..x",
        "age(", "age[", "{", "a ? b", "age > 1 ? true", "citizenship in [,]", "'a' 'b'", "age >= -", "age == 1e",
        ",", ".", "?", ":", "age > 1;", "citizenship in eaeu)(", "age ++ 1", "#", "size(", "\\", "age in [1,,2]"};
    for (String source : broken) {
      for (ConditionCompiler.Problem problem : compiler.compile(source).problems()) {
        for (String word : jargon) {
          assertFalse(problem.message().contains(word), source + " -> " + problem.message());
        }
      }
    }
  }
}

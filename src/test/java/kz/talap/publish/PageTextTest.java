package kz.talap.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import kz.talap.model.Enums.TermUnit;
import kz.talap.model.Label;
import kz.talap.model.Language;
import kz.talap.model.Text;
import org.junit.jupiter.api.Test;

class PageTextTest {
  private static final List<Label> DAYS = List.of(
      new Label("WORKING_DAYS_ONE", new Text("жұмыс күні", "рабочий день", "working day")),
      new Label("WORKING_DAYS_FEW", new Text("жұмыс күні", "рабочих дня", "working days")),
      new Label("WORKING_DAYS", new Text("жұмыс күні", "рабочих дней", "working days")),
      new Label("VALID_FROM", new Text("{0} бастап", "с {0}", "from {0}")));

  private static String days(Language language, int... amounts) {
    PageText text = new PageText(language, DAYS);
    return String.join("; ", IntStream.of(amounts).mapToObj(n -> text.quantity(n, TermUnit.WORKING_DAYS)).toList());
  }

  @Test
  void quantity_russian_takesOneFewOrManyForm() {
    assertEquals("1 рабочий день; 2 рабочих дня; 4 рабочих дня; 5 рабочих дней; 11 рабочих дней; 12 рабочих дней; "
        + "14 рабочих дней; 21 рабочий день; 22 рабочих дня; 25 рабочих дней; 111 рабочих дней; 0 рабочих дней",
        days(Language.RU, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 111, 0));
  }

  @Test
  void quantity_english_singularOnlyForOne() {
    assertEquals("1 working day; 2 working days; 21 working days", days(Language.EN, 1, 2, 21));
  }

  @Test
  void quantity_kazakh_nounStaysSingularAfterNumerals() {
    assertEquals("1 жұмыс күні; 3 жұмыс күні; 15 жұмыс күні", days(Language.KK, 1, 3, 15));
  }

  @Test
  void tenge_groupsThousandsWithAFixedSeparatorPerLanguage() {
    assertEquals("17,300\u00a0₸", new PageText(Language.EN, DAYS).tenge(new BigDecimal("17300")));
    assertEquals("17\u00a0300\u00a0₸", new PageText(Language.RU, DAYS).tenge(new BigDecimal("17300.00")));
    assertEquals("1\u00a0234\u00a0567,5\u00a0₸", new PageText(Language.KK, DAYS).tenge(new BigDecimal("1234567.5")));
    assertEquals("2,162.5", new PageText(Language.EN, DAYS).number(new BigDecimal("2162.50")));
    assertEquals("950", new PageText(Language.EN, DAYS).number(new BigDecimal("950")));
  }

  @Test
  void format_replacesNumberedPlaceholders() {
    assertEquals("с 13.02.2026", new PageText(Language.RU, DAYS).format("VALID_FROM", "13.02.2026"));
  }

  @Test
  void of_missingTranslation_fallsBackToRussianThenKazakh() {
    assertEquals("Паспорт", new PageText(Language.KK, DAYS).of(new Text("", "Паспорт", "Passport")));
    assertEquals("Төлқұжат", new PageText(Language.EN, DAYS).of(new Text("Төлқұжат", "", "")));
  }
}

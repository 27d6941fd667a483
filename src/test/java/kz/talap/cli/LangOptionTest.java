package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --lang kk|ru|en}: the messages of compile, check, test, diff and quality in the editor's language. */
class LangOptionTest {
  @TempDir Path dir;

  private CliRun compile(TestCatalogue catalogue, String lang) throws IOException {
    Path workbook = catalogue.write(dir.resolve("t.xlsx"));
    return CliRun.of("compile", "--catalogue", workbook.toString(), "--as-of", "2026-11-21", "--out",
        dir.resolve("out/catalogue.json").toString(), "--lang", lang);
  }

  @Test
  void compile_celError_inEachLanguage() throws IOException {
    TestCatalogue broken = TestCatalogue.valid().set("Requirements", 0, "condition", "citizenship in");
    String source = "\n    citizenship in\n                  ^\n";
    assertEquals("t.xlsx: Requirements!H2: error: condition ends too early: expected a value after 'in' "
        + "(character 15)" + source + "talap compile: 1 error, 0 warnings; nothing written\n",
        compile(broken, "en").err());
    assertEquals("t.xlsx: Requirements!H2: ошибка: условие обрывается: после 'in' ожидается значение "
        + "(символ 15)" + source + "talap compile: ошибок: 1, предупреждений: 0; ничего не записано\n",
        compile(broken, "ru").err());
    assertEquals("t.xlsx: Requirements!H2: қате: шарт тым ерте аяқталған: 'in' дегеннен кейін мән күтіледі "
        + "(15-таңба)" + source + "talap compile: қателер: 1, ескертулер: 0; ештеңе жазылмады\n",
        compile(broken, "kk").err());
  }

  @Test
  void compile_didYouMean_inEachLanguage() throws IOException {
    TestCatalogue typo = TestCatalogue.valid().set("Requirements", 0, "document", "PASSPRT");
    assertEquals("t.xlsx: Requirements!E2: error: unknown document code 'PASSPRT' — did you mean 'PASSPORT'?\n",
        firstLine(compile(typo, "en")));
    assertEquals("t.xlsx: Requirements!E2: ошибка: неизвестный код документа 'PASSPRT' — возможно, имелось в виду "
        + "'PASSPORT'?\n", firstLine(compile(typo, "ru")));
    assertEquals("t.xlsx: Requirements!E2: қате: белгісіз құжат коды 'PASSPRT' — 'PASSPORT' деп жазғыңыз келді "
        + "ме?\n", firstLine(compile(typo, "kk")));
  }

  @Test
  void compile_missingRequiredCell_inEachLanguage() throws IOException {
    TestCatalogue empty = TestCatalogue.valid().set("Requirements", 0, "order", "");
    assertEquals("t.xlsx: Requirements!D2: error: required cell 'order' is empty\n", firstLine(compile(empty, "en")));
    assertEquals("t.xlsx: Requirements!D2: ошибка: обязательная ячейка 'order' не заполнена\n",
        firstLine(compile(empty, "ru")));
    assertEquals("t.xlsx: Requirements!D2: қате: міндетті 'order' ұяшығы толтырылмаған\n",
        firstLine(compile(empty, "kk")));
  }

  @Test
  void compile_missingTranslation_isAWarningInTheChosenLanguage() throws IOException {
    Path workbook = TestCatalogue.valid().set("Documents", 0, "name_ru", "").write(dir.resolve("t.xlsx"));
    CliRun run = CliRun.of("compile", "--catalogue", workbook.toString(), "--as-of", "2026-11-21", "--out",
        dir.resolve("out/catalogue.json").toString(), "--allow-missing-translations", "--lang", "kk");
    assertEquals(0, run.exit(), run.err());
    assertEquals("t.xlsx: Documents!C2: ескерту: орыс тіліне аудармасы жоқ: name_ru бағаны толтырылмаған\n",
        run.err());
  }

  @Test
  void compile_badCitation_inEachLanguage() throws IOException {
    TestCatalogue typo = TestCatalogue.valid().set("Services", 0, "citation", "ORDER_992, Anex 3");
    assertEquals("t.xlsx: Services!Z2: error: unknown place 'Anex' after ORDER_992: use Annex, item, para, sub-item, "
        + "sub-para, paragraph, art., part or sub-type\n", firstLine(compile(typo, "en")));
    assertEquals("t.xlsx: Services!Z2: ошибка: неизвестный структурный элемент 'Anex' после ORDER_992: используйте "
        + "Annex, item, para, sub-item, sub-para, paragraph, art., part или sub-type\n", firstLine(compile(typo, "ru")));
    assertEquals("t.xlsx: Services!Z2: қате: ORDER_992 кодынан кейінгі белгісіз 'Anex' құрылымдық бөлігі: Annex, "
        + "item, para, sub-item, sub-para, paragraph, art., part немесе sub-type қолданыңыз\n",
        firstLine(compile(typo, "kk")));
  }

  @Test
  void check_badSubmissionDate_inEachLanguage() throws IOException {
    String json = Files.readString(Path.of("catalogue/examples/trp-work-complete.json"))
        .replace("\"issued_on\": \"2021-06-10\"", "\"issued_on\": \"10.06.2021\"");
    Path submission = Files.writeString(dir.resolve("a.json"), json);
    String where = submission + ": $.documents[1].issued_on: ";
    assertEquals(where + "expected a date YYYY-MM-DD, got \"10.06.2021\"", checkError(submission, "en"));
    assertEquals(where + "ожидается дата в формате ГГГГ-ММ-ДД, получено: \"10.06.2021\"",
        checkError(submission, "ru"));
    assertEquals(where + "ЖЖЖЖ-АА-КК пішіміндегі күн күтіледі, алынғаны: \"10.06.2021\"",
        checkError(submission, "kk"));
  }

  @Test
  void check_unknownDocument_suggestsTheNearestInEachLanguage() throws IOException {
    String json = Files.readString(Path.of("catalogue/examples/trp-work-complete.json"))
        .replace("\"TRP_FINGERPRINT_CERTIFICATE\"", "\"TRP_FINGERPRINT_CERTIFICAT\"");
    Path submission = Files.writeString(dir.resolve("a.json"), json);
    String where = submission + ": $.documents[3].code: ";
    assertEquals(where + "unknown document 'TRP_FINGERPRINT_CERTIFICAT' — did you mean 'TRP_FINGERPRINT_CERTIFICATE'?",
        checkError(submission, "en"));
    assertEquals(where + "неизвестный документ 'TRP_FINGERPRINT_CERTIFICAT' — возможно, имелось в виду "
        + "'TRP_FINGERPRINT_CERTIFICATE'?", checkError(submission, "ru"));
    assertEquals(where + "белгісіз 'TRP_FINGERPRINT_CERTIFICAT' құжаты — 'TRP_FINGERPRINT_CERTIFICATE' деп "
        + "жазғыңыз келді ме?", checkError(submission, "kk"));
  }

  @Test
  void lang_unknownLanguage_isAUsageError() throws IOException {
    for (String command : new String[] {"compile", "test", "quality"}) {
      CliRun run = CliRun.of(command, "--lang", "de");
      assertEquals(2, run.exit(), command);
      assertEquals("talap " + command + ": unknown language 'de' (expected kk, ru or en)\n", run.err(), command);
    }
  }

  @Test
  void diffAndTestAndQuality_catalogueErrors_inTheChosenLanguage() throws IOException {
    Path broken = TestCatalogue.valid().set("Requirements", 0, "document", "PASSPRT").write(dir.resolve("b.xlsx"));
    String line = "b.xlsx: Requirements!E2: ошибка: неизвестный код документа 'PASSPRT' — возможно, имелось в виду "
        + "'PASSPORT'?\n";
    CliRun test = CliRun.of("test", "--catalogue", broken.toString(), "--as-of", "2026-11-21", "--lang", "ru");
    assertEquals(1, test.exit());
    assertEquals(line + "talap test: в каталоге есть ошибки; подробности покажет 'talap compile'\n", test.err());
    CliRun quality = CliRun.of("quality", "--catalogue", broken.toString(), "--as-of", "2026-11-21", "--lang", "ru");
    assertEquals(line, firstLine(quality));
    CliRun diff = CliRun.of("diff", broken.toString(), broken.toString(), "--as-of", "2026-11-21", "--lang", "ru");
    assertEquals(1, diff.exit());
    assertEquals(line, firstLine(diff));
  }

  private String checkError(Path submission, String lang) {
    CliRun run = CheckCommandTest.check("--lang", lang, submission.toString());
    assertEquals(2, run.exit(), run.err());
    return run.err().lines().findFirst().orElse("");
  }

  @Test
  void compile_missingWorkbook_inEachLanguage() {
    Path missing = dir.resolve("nope.xlsx");
    String[] said = {"en", "error: no such file", "ru", "ошибка: файл не найден", "kk", "қате: мұндай файл жоқ"};
    for (int i = 0; i < said.length; i += 2) {
      CliRun run = CliRun.of("compile", "--catalogue", missing.toString(), "--lang", said[i]);
      assertEquals(2, run.exit());
      assertEquals(missing + ": " + said[i + 1] + "\n", run.err());
    }
  }

  @Test
  void compile_unknownColumn_suggestsTheNearestInEachLanguage() throws IOException {
    Path workbook = TestCatalogue.valid().write(dir.resolve("t.xlsx"));
    // The editor misspells the header of column 'origin'.
    String where = edit(workbook, book -> {
      Row header = book.getSheet("Documents").getRow(0);
      for (org.apache.poi.ss.usermodel.Cell cell : header) {
        if (cell.getStringCellValue().equals("origin")) {
          cell.setCellValue("orign");
          return "Documents!" + new CellReference(cell).formatAsString(false);
        }
      }
      throw new AssertionError("no column origin");
    });
    assertEquals("t.xlsx: Documents!1: error: required column 'origin' is missing\n"
        + "t.xlsx: " + where + ": warning: column 'orign' is not part of table Documents; it is ignored — "
        + "did you mean 'origin'?\n", firstLines(compile(workbook, "en"), 2));
    assertEquals("t.xlsx: Documents!1: ошибка: отсутствует обязательный столбец 'origin'\n"
        + "t.xlsx: " + where + ": предупреждение: столбец 'orign' не входит в таблицу Documents и не "
        + "учитывается — возможно, имелось в виду 'origin'?\n", firstLines(compile(workbook, "ru"), 2));
    assertEquals("t.xlsx: Documents!1: қате: міндетті 'origin' бағаны жоқ\n"
        + "t.xlsx: " + where + ": ескерту: 'orign' бағаны Documents кестесіне кірмейді, ол ескерілмейді — "
        + "'origin' деп жазғыңыз келді ме?\n", firstLines(compile(workbook, "kk"), 2));
  }

  @Test
  void compile_misspeltSheet_suggestsTheMissingTableInRussian() throws IOException {
    Path workbook = TestCatalogue.valid().write(dir.resolve("t.xlsx"));
    edit(workbook, book -> {
      book.setSheetName(book.getSheetIndex("Requirements"), "Requirments");
      return "";
    });
    assertEquals("t.xlsx: Requirments: предупреждение: лист 'Requirments' не является таблицей каталога и не "
        + "учитывается — возможно, имелось в виду 'Requirements'?\n", firstLine(compile(workbook, "ru")));
  }

  @Test
  void compile_badAsOf_andRefusedOutput_inEachLanguage() throws IOException {
    Path workbook = TestCatalogue.valid().write(dir.resolve("t.xlsx"));
    String[] said = {"en", "talap compile: bad date '21.11.2026' for --as-of (expected YYYY-MM-DD)\n",
        "ru", "talap compile: неверная дата '21.11.2026' в --as-of (ожидается ГГГГ-ММ-ДД)\n",
        "kk", "talap compile: --as-of ішіндегі '21.11.2026' күні қате (ЖЖЖЖ-АА-КК күтіледі)\n"};
    for (int i = 0; i < said.length; i += 2) {
      CliRun run = CliRun.of("compile", "--catalogue", workbook.toString(), "--as-of", "21.11.2026", "--lang",
          said[i]);
      assertEquals(2, run.exit());
      assertEquals(said[i + 1], run.err());
    }
    String[] refused = {"en", "refusing to write " + workbook + ": it is a workbook; give a file such as "
        + "out/report.txt\n",
        "ru", "запись в " + workbook + " не выполнена: это рабочая книга; укажите файл, например out/report.txt\n",
        "kk", workbook + " жазылмады: бұл жұмыс кітабы; out/report.txt сияқты файлды көрсетіңіз\n"};
    for (int i = 0; i < refused.length; i += 2) {
      CliRun run = CliRun.of("compile", "--catalogue", workbook.toString(), "--as-of", "2026-11-21", "--out",
          workbook.toString(), "--lang", refused[i]);
      assertEquals(2, run.exit());
      assertEquals("talap compile: " + refused[i + 1], run.err());
    }
  }

  @Test
  void check_missingSubmissionFile_inEachLanguage() {
    Path missing = dir.resolve("nope.json");
    String[] said = {"en", "file not found", "ru", "файл не найден", "kk", "файл табылмады"};
    for (int i = 0; i < said.length; i += 2) {
      CliRun run = CheckCommandTest.check("--lang", said[i], missing.toString());
      assertEquals(2, run.exit(), run.err());
      assertEquals(missing + ": " + said[i + 1] + "\n", run.err());
    }
  }

  private CliRun compile(Path workbook, String lang) {
    return CliRun.of("compile", "--catalogue", workbook.toString(), "--as-of", "2026-11-21", "--out",
        dir.resolve("out/catalogue.json").toString(), "--lang", lang);
  }

  /** Changes the workbook with POI, as an editor would in Excel; returns what the change says about itself. */
  private static String edit(Path workbook, java.util.function.Function<Workbook, String> change) throws IOException {
    String said;
    try (Workbook book = WorkbookFactory.create(Files.newInputStream(workbook))) {
      said = change.apply(book);
      try (java.io.OutputStream out = Files.newOutputStream(workbook.resolveSibling("edited.xlsx"))) {
        book.write(out);
      }
    }
    Files.move(workbook.resolveSibling("edited.xlsx"), workbook, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return said;
  }

  private static String firstLines(CliRun run, int n) {
    return run.err().lines().limit(n).map(l -> l + "\n").reduce("", String::concat);
  }

  private static String firstLine(CliRun run) {
    return run.err().lines().findFirst().orElse("") + "\n";
  }

  @Test
  void compile_shippedCatalogue_saysWhatItWroteInEachLanguage() {
    String[][] said = {
        {"en", "Catalogue 2026.1 as of 2026-11-21: 4 services, 12 sub-types, 56 documents, 36 requirements, 0 warnings",
            "Wrote OUT in \\d+ ms"},
        {"ru", "Каталог 2026.1 по состоянию на 2026-11-21: услуг: 4, подвидов: 12, документов: 56, требований: 36, "
            + "предупреждений: 0", "Записан файл OUT за \\d+ мс"},
        {"kk", "2026-11-21 жағдай бойынша 2026.1 каталогы: қызметтер: 4, кіші түрлер: 12, құжаттар: 56, талаптар: 36, "
            + "ескертулер: 0", "OUT файлы \\d+ мс ішінде жазылды"}};
    for (String[] expected : said) {
      Path out = dir.resolve("catalogue-" + expected[0] + ".json");
      CliRun run = CliRun.of("compile", "--as-of", "2026-11-21", "--out", out.toString(), "--lang", expected[0]);
      assertEquals(0, run.exit(), run.err());
      java.util.List<String> lines = run.out().lines().toList();
      assertEquals(expected[1], lines.get(0));
      assertTrue(lines.get(1).matches(expected[2].replace("OUT", java.util.regex.Pattern.quote(out.toString()))),
          lines.get(1));
    }
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.talap.schema.Column;
import kz.talap.schema.Schema;
import kz.talap.source.Quoted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz suite of issue 11: hostile submissions and workbooks through the command line, seeded so that a failure
 * can be replayed. Asserted for every run: the exit code is 0, 1 or 2; standard error holds no stack trace, no
 * "internal error" and no library's class names; no raw control character reaches the output; every good
 * submission of a batch is still checked, with the verdict it has alone; a run that fails leaves its output as it
 * was. {@code -Dtalap.fuzz.tries=N} raises the number of cases (the CI default runs in well under a minute);
 * {@code -Dtalap.fuzz.seed=S} replays another seed. Each test prints its tally (cases, failures by kind).
 */
class FuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STACK_FRAME = Pattern.compile("\\n\\s*at [\\w.$]+\\(");
  private static final Pattern LIBRARY = Pattern.compile(
      "(java\\.lang\\.|java\\.util\\.|org\\.apache\\.|com\\.fasterxml\\.|dev\\.cel\\.|freemarker\\.)[A-Z]");
  @TempDir Path dir;

  /** Checks what every run must satisfy; returns false (after tallying) when it did not. */
  private static boolean sane(CliRun run, String what, Fuzz.Tally tally, boolean textOut) {
    boolean ok = true;
    if (run.exit() < 0 || run.exit() > 2) {
      tally.fail("exit code " + run.exit(), what + "\n" + run.err());
      ok = false;
    }
    if (run.err().contains("internal error") || run.out().contains("internal error")) {
      tally.fail("internal error", what + "\n" + run.err());
      ok = false;
    }
    if (STACK_FRAME.matcher(run.err()).find() || LIBRARY.matcher(run.err()).find()) {
      tally.fail("stack trace or library text", what + "\n" + run.err());
      ok = false;
    }
    String shown = run.err() + (textOut ? run.out() : "");
    for (int i = 0; i < shown.length(); i++) {
      char ch = shown.charAt(i);
      if (Quoted.isControl(ch) && ch != '\n' && ch != '\t') {
        tally.fail("raw control character", what + ": U+" + Integer.toHexString(ch));
        ok = false;
        break;
      }
    }
    return ok;
  }

  private static CliRun run(String what, Fuzz.Tally tally, String... args) {
    try {
      return CliRun.of(args);
    } catch (Throwable e) {
      // Main.run catches every exception; an Error (a stack overflow) would get here.
      tally.fail("crash " + e.getClass().getSimpleName(), what);
      return new CliRun(-1, "", "");
    }
  }

  // ---- submissions ----

  @Test
  void submissions_hostileCasesInBatches_neverStopTheGoodOnes() throws IOException {
    int tries = Fuzz.tries(300);
    Random random = new Random(Fuzz.seed());
    Map<String, String> examples = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("catalogue/examples"))) {
      for (Path file : files.sorted().toList()) {
        examples.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    Map<String, String> verdicts = verdicts(CheckCommandTest.check("--format", "json", "catalogue/examples"));
    List<String> names = new ArrayList<>(examples.keySet());
    Fuzz.Tally tally = new Fuzz.Tally();
    int batch = 0;
    for (int done = 0; done < tries; batch++) {
      Path folder = Files.createDirectories(dir.resolve("batch-" + batch));
      int size = Math.min(50, tries - done);
      Map<String, String> good = new HashMap<>();
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < size; i++) {
        String example = Fuzz.pick(random, names);
        String text = mutate(examples.get(example), random);
        Files.write(folder.resolve(String.format("bad-%03d.json", i)), bytes(text, random));
        if (i % 5 == 0) {
          String copy = String.format("good-%03d-%s", i, example);
          Files.writeString(folder.resolve(copy), examples.get(example));
          good.put(folder.resolve(copy).toString(), verdicts.get("catalogue/examples/" + example));
        }
        lines.append(JSON.readTree(examples.get(example)).toString().replace("\n", " ")).append('\n');
        lines.append(text.replace('\n', ' ')).append('\n');
      }
      Files.write(folder.resolve("mixed.jsonl"), lines.toString().getBytes(StandardCharsets.UTF_8));
      tally.tried(size);
      String what = "batch " + batch + " (seed " + Fuzz.seed() + ") in " + folder;
      CliRun run = run(what, tally, "check", "--as-of", CheckCommandTest.AS_OF, "--format", "json",
          folder.toString());
      if (!sane(run, what, tally, false) || run.exit() == -1) {
        continue;
      }
      Map<String, String> got;
      try {
        got = verdicts(run);
      } catch (IOException e) {
        tally.fail("report is not JSON", what);
        continue;
      }
      good.forEach((source, verdict) -> {
        if (!verdict.equals(got.get(source))) {
          tally.fail("good submission not checked", what + ": " + source + " got " + got.get(source));
        }
      });
      try (Stream<Path> files = Files.list(folder)) {
        files.filter(f -> f.getFileName().toString().startsWith("bad-")).forEach(f -> {
          if (!got.containsKey(f.toString())) {
            tally.fail("submission not reported", what + ": " + f);
          }
        });
      }
      done += size;
    }
    System.out.println(tally.summary("fuzz submissions"));
    assertTrue(tally.clean(), tally.summary("fuzz submissions"));
  }

  /** Source → verdict ("input_error" for a submission that could not be read) of a JSON check report. */
  private static Map<String, String> verdicts(CliRun run) throws IOException {
    Map<String, String> verdicts = new HashMap<>();
    for (JsonNode result : JSON.readTree(run.out()).get("results")) {
      verdicts.put(result.get("source").asText(), result.get("verdict").asText());
    }
    return verdicts;
  }

  private static byte[] bytes(String text, Random random) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(20) == 0 && bytes.length > 0) {
      bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80)); // perhaps not UTF-8 any more
    }
    return bytes;
  }

  /** One hostile variant of a submission: a value, a field or the text changed. */
  static String mutate(String example, Random random) throws IOException {
    switch (random.nextInt(10)) {
      case 0 -> {
        return example.substring(0, random.nextInt(example.length())); // cut short
      }
      case 1 -> {
        String[] tails = {example, "\u0000", "{}", "[]", " x", "\n\n{\"a\": 1}", "\uFEFF"};
        return example + Fuzz.pick(random, Arrays.asList(tails));
      }
      case 2 -> {
        return "\uFEFF" + example;
      }
      case 3 -> {
        return "[".repeat(random.nextInt(3000)) + "]".repeat(random.nextInt(3000));
      }
      default -> {
        ObjectNode root = (ObjectNode) JSON.readTree(example);
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
          change(root, random);
        }
        return random.nextBoolean() ? root.toString() : root.toPrettyString();
      }
    }
  }

  private static void change(ObjectNode root, Random random) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(root, objects);
    ObjectNode target = Fuzz.pick(random, objects);
    List<String> fields = new ArrayList<>();
    target.fieldNames().forEachRemaining(fields::add);
    String field = fields.isEmpty() || random.nextInt(6) == 0 ? Fuzz.pick(random, Fuzz.TEXTS) + "x"
        : Fuzz.pick(random, fields);
    switch (random.nextInt(9)) {
      case 0 -> target.remove(field);
      case 1 -> target.putNull(field);
      case 2 -> target.set(field, number(random));
      case 3 -> target.put(field, Fuzz.pick(random, Fuzz.DATES));
      case 4 -> target.put(field, Fuzz.pick(random, Fuzz.DATE_TIMES));
      case 5 -> target.put(field, Fuzz.any(random));
      case 6 -> target.put(field, random.nextBoolean());
      case 7 -> target.putArray(field).add(Fuzz.any(random)).addObject();
      default -> target.putObject(field).put(Fuzz.pick(random, Fuzz.TEXTS), Fuzz.any(random));
    }
  }

  private static JsonNode number(Random random) {
    try {
      return JSON.readTree(Fuzz.pick(random, Fuzz.NUMBERS));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(JsonNode node, List<ObjectNode> objects) {
    if (node instanceof ObjectNode object) {
      objects.add(object);
    }
    if (node instanceof ObjectNode || node instanceof ArrayNode) {
      for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
        collect(children.next(), objects);
      }
    }
  }

  // ---- workbooks ----

  /** The test catalogue with a fee, a term and a holiday, so that every kind of quantity can be changed. */
  private static TestCatalogue base() {
    return TestCatalogue.valid()
        .row("Fees", "code", "DUTY", "service", "SVC", "amount", "4", "unit", "MCI", "name_kk", "Баж",
            "name_ru", "Пошлина", "name_en", "Duty", "citation", "ORDER_992, Annex 3, item 6")
        .row("Terms", "code", "TERM", "service", "SVC", "kind", "SERVICE", "amount", "15", "unit", "WORKING_DAYS",
            "name_kk", "Мерзім", "name_ru", "Срок", "name_en", "Term", "citation", "ORDER_992, Annex 3, item 3")
        .row("Calendar", "code", "NEW_YEAR", "kind", "FIXED_HOLIDAY", "month_day", "01-01", "moves_if_weekend",
            "TRUE", "name_kk", "Жаңа жыл", "name_ru", "Новый год", "name_en", "New Year", "citation",
            "Labour Code, art. 84");
  }

  private static final String SUBMISSION = "{\"service\": \"SVC\", \"channel\": \"PROVIDER\", \"submitted_at\": "
      + "\"2026-05-04T10:00\", \"facts\": {\"citizenship\": \"UZ\", \"birth_date\": \"1990-01-01\"}, "
      + "\"documents\": [{\"code\": \"PASSPORT\"}], \"payments\": [{\"amount_kzt\": 17300, \"paid_on\": "
      + "\"2026-05-01\"}]}";

  @Test
  void workbooks_hostileCells_compileCheckAndQualityNeverCrash() throws IOException {
    int tries = Math.max(1, Fuzz.tries(300) / 10);
    Random random = new Random(Fuzz.seed() + 1);
    Fuzz.Tally tally = new Fuzz.Tally();
    Path output = dir.resolve("out/catalogue.json");
    Files.createDirectories(output.getParent());
    Path submissions = Files.createDirectories(dir.resolve("submissions"));
    for (int i = 0; i < 3; i++) {
      Files.write(submissions.resolve("s" + i + ".json"), (i == 0 ? SUBMISSION : mutate(SUBMISSION, random))
          .getBytes(StandardCharsets.UTF_8));
    }
    for (int i = 0; i < tries; i++) {
      TestCatalogue catalogue = base();
      StringBuilder changes = new StringBuilder();
      int count = 1 + random.nextInt(3);
      for (int c = 0; c < count; c++) {
        changes.append(change(catalogue, random)).append("; ");
      }
      Path workbook = catalogue.write(dir.resolve("w.xlsx"));
      byte[] before = ("previous output " + i).getBytes(StandardCharsets.UTF_8);
      Files.write(output, before);
      tally.tried(1);
      String what = "workbook " + i + " (seed " + (Fuzz.seed() + 1) + "): " + changes;
      CliRun compile = run(what, tally, "compile", "--catalogue", workbook.toString(), "--as-of", "2026-11-21",
          "--out", output.toString());
      if (!sane(compile, what, tally, true)) {
        continue;
      }
      if (compile.exit() != 0) {
        if (!Arrays.equals(before, Files.readAllBytes(output))) {
          tally.fail("output changed after a failure", what);
        }
        continue;
      }
      sane(run(what, tally, "check", "--catalogue", workbook.toString(), "--as-of", "2026-11-21",
          submissions.toString()), what + " / check", tally, true);
      sane(run(what, tally, "quality", "--catalogue", workbook.toString(), "--as-of", "2026-11-21",
          "--allow-missing-translations"), what + " / quality", tally, true);
      sane(run(what, tally, "due", "--catalogue", workbook.toString(), "--service", "SVC", "--at",
          "2026-12-31T17:00"), what + " / due", tally, true);
    }
    System.out.println(tally.summary("fuzz workbooks"));
    assertTrue(tally.clean(), tally.summary("fuzz workbooks"));
  }

  /** Sets one cell of one row to a hostile value (or to another cell's value, or copies the row); says what. */
  private static String change(TestCatalogue catalogue, Random random) {
    List<String> tables = new ArrayList<>(catalogue.tables.keySet());
    String table = Fuzz.pick(random, tables);
    List<Map<String, String>> rows = catalogue.tables.get(table);
    int index = random.nextInt(rows.size());
    if (random.nextInt(10) == 0) {
      rows.add(new java.util.LinkedHashMap<>(rows.get(index)));
      return table + " row " + index + " repeated";
    }
    List<String> columns = Schema.require(table).columns().stream().map(Column::name).toList();
    String column = Fuzz.pick(random, columns);
    String value = random.nextInt(4) == 0 ? anyCell(catalogue, random) : Fuzz.any(random);
    rows.get(index).put(column, value);
    return table + "[" + index + "]." + column + " = " + Quoted.of(value);
  }

  private static String anyCell(TestCatalogue catalogue, Random random) {
    List<String> values = new ArrayList<>();
    catalogue.tables.values().forEach(rows -> rows.forEach(row -> values.addAll(row.values())));
    return Fuzz.pick(random, values);
  }

  // ---- options ----

  @Test
  void options_hostileValues_areUsageErrorsOrWork() throws IOException {
    int tries = Math.max(1, Fuzz.tries(300) / 20);
    Random random = new Random(Fuzz.seed() + 3);
    Fuzz.Tally tally = new Fuzz.Tally();
    Path workbook = base().write(dir.resolve("w.xlsx"));
    Path submission = Files.writeString(dir.resolve("s.json"), SUBMISSION);
    for (int i = 0; i < tries; i++) {
      String day = Fuzz.pick(random, Fuzz.DATES);
      String at = random.nextBoolean() ? Fuzz.pick(random, Fuzz.DATE_TIMES) : day;
      String text = Fuzz.any(random);
      List<String[]> runs = List.of(
          new String[] {"compile", "--catalogue", workbook.toString(), "--as-of", day, "--out",
              dir.resolve("o.json").toString()},
          new String[] {"due", "--catalogue", workbook.toString(), "--service", "SVC", "--at", at},
          new String[] {"due", "--catalogue", workbook.toString(), "--service", text, "--at", "2026-05-04T10:00",
              "--term", text},
          new String[] {"check", "--catalogue", workbook.toString(), "--as-of", day, "--lang", text, "--format",
              random.nextBoolean() ? text : "json", submission.toString()},
          new String[] {text, "--" + text});
      String[] args = Fuzz.pick(random, runs);
      tally.tried(1);
      String what = "options " + i + " (seed " + (Fuzz.seed() + 3) + "): " + Quoted.of(String.join(" ", args));
      sane(run(what, tally, args), what, tally, true);
    }
    System.out.println(tally.summary("fuzz options"));
    assertTrue(tally.clean(), tally.summary("fuzz options"));
  }

  // ---- publish ----

  @Test
  void publish_hostileCellsInTheShippedCatalogue_leaveTheSiteCompleteOrUnchanged() throws IOException {
    int tries = Math.max(1, Fuzz.tries(300) / 40);
    Random random = new Random(Fuzz.seed() + 2);
    Fuzz.Tally tally = new Fuzz.Tally();
    ShippedCatalogue shipped = ShippedCatalogue.read();
    Map<String, List<Map<String, String>>> tables = shipped.tables();
    Path site = dir.resolve("site");
    CliRun first = CliRun.of("publish", "--as-of", "2026-11-21", "--out", site.toString());
    assertTrue(first.exit() == 0, first.err());
    for (int i = 0; i < tries; i++) {
      String table = Fuzz.pick(random, new ArrayList<>(tables.keySet()));
      List<Map<String, String>> rows = tables.get(table);
      if (rows.isEmpty()) {
        continue;
      }
      Map<String, String> row = Fuzz.pick(random, rows);
      String column = Fuzz.pick(random, Schema.require(table).columns().stream().map(Column::name).toList());
      String old = row.get(column);
      String value = Fuzz.any(random);
      row.put(column, value);
      Path folder = shipped.write(dir.resolve("catalogue-" + i));
      row.put(column, old == null ? "" : old);
      Map<String, String> before = files(site);
      tally.tried(1);
      String what = "shipped " + i + " (seed " + (Fuzz.seed() + 2) + "): " + table + "." + column + " = "
          + Quoted.of(value);
      CliRun run = run(what, tally, "publish", "--catalogue", folder.toString(), "--as-of", "2026-11-21",
          "--out", site.toString());
      if (!sane(run, what, tally, true)) {
        continue;
      }
      if (run.exit() != 0 && !before.equals(files(site))) {
        tally.fail("output changed after a failure", what);
      }
      if (run.exit() == 0 && (!Files.isRegularFile(site.resolve("index.html"))
          || !Files.isRegularFile(site.resolve("kk/index.html")))) {
        tally.fail("incomplete site", what);
      }
    }
    System.out.println(tally.summary("fuzz publish"));
    assertTrue(tally.clean(), tally.summary("fuzz publish"));
  }

  /** Every file of the site with a digest of its bytes, through the site's link. */
  private static Map<String, String> files(Path site) throws IOException {
    Map<String, String> files = new TreeMap<>();
    Path folder = site.toRealPath();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file).toString(), Integer.toHexString(Arrays.hashCode(Files.readAllBytes(file))));
      }
    }
    return files;
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kz.talap.workbook.RawRow;
import kz.talap.workbook.WorkbookReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code talap publish} on small test catalogues, hostile text, broken templates and bad input: escaped, atomic,
 * deterministic.
 */
class PublishSafetyTest {
  @TempDir Path dir;

  private CliRun publish(String... extra) {
    List<String> args = new ArrayList<>(List.of("publish", "--as-of", "2026-11-21", "--out",
        dir.resolve("site").toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** The names in a folder, sorted, with the random part of version folders shown as "…". */
  static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> listing = Files.list(folder)) {
      return listing.map(p -> p.getFileName().toString().replaceAll("\\.v-\\d+$", ".v-…")).sorted().toList();
    }
  }

  /** Every file of a folder (through the site's link) with its bytes, by relative path. */
  private static Map<String, byte[]> files(Path link) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    Path folder = link.toRealPath();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
  }

  /** The small test catalogue plus every label of the shipped catalogue, which the pages need. */
  private static TestCatalogue withShippedLabels(TestCatalogue catalogue) {
    List<RawRow> labels = WorkbookReader.read(List.of(Path.of("catalogue/reference.xlsx"))).rows("Labels").toList();
    for (RawRow label : labels) {
      catalogue.row("Labels", "code", label.value("code"), "text_kk", label.value("text_kk"),
          "text_ru", label.value("text_ru"), "text_en", label.value("text_en"));
    }
    return catalogue;
  }

  /** A copy of the shipped templates with one text replaced in one file. */
  private Path brokenTemplates(String file, String find, String replace) throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    try (Stream<Path> listing = Files.list(Path.of("templates"))) {
      for (Path template : listing.toList()) {
        Files.copy(template, templates.resolve(template.getFileName()));
      }
    }
    String text = Files.readString(templates.resolve(file));
    assertTrue(text.contains(find), find);
    Files.writeString(templates.resolve(file), text.replace(find, replace));
    return templates;
  }

  @Test
  void publish_cellHoldingScript_isShownAsText() throws IOException {
    Path workbook = withShippedLabels(TestCatalogue.valid()
        .set("Services", 0, "name_en", "<script>alert('name')</script>")
        .set("Documents", 0, "name_en", "Passport <img src=x onerror=alert(1)>")
        .set("Requirements", 0, "explanation_en", "Except \"EAEU\" & <b>friends</b>"))
        .write(dir.resolve("t.xlsx"));
    CliRun run = publish("--catalogue", workbook.toString());
    assertEquals(0, run.exit(), run.err());
    String html = Files.readString(dir.resolve("site/en/svc/index.html"));
    assertTrue(html.contains("<h1>&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;</h1>"), html);
    assertTrue(html.contains("<label for=\"doc-req-passport\">Passport &lt;img src=x onerror=alert(1)&gt;</label>"),
        html);
    assertTrue(html.contains("<li class=\"condition\">Except &quot;EAEU&quot; &amp; &lt;b&gt;friends&lt;/b&gt;</li>"),
        html);
    assertFalse(html.contains("<script"), html);
    assertFalse(Files.readString(dir.resolve("site/en/index.html")).contains("<script"));
  }

  @Test
  void publish_pilotService_showsStatusAndValidityDates() throws IOException {
    Path workbook = withShippedLabels(TestCatalogue.valid()
        .set("Services", 0, "status", "PILOT")
        .set("Services", 0, "valid_from", "2026-02-13")
        .set("Services", 0, "valid_to", "2026-12-31"))
        .write(dir.resolve("t.xlsx"));
    CliRun run = publish("--catalogue", workbook.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(Files.readString(dir.resolve("site/en/index.html")).contains("<p class=\"status status-pilot\">"
        + "Status: Pilot (from 13.02.2026 until 31.12.2026 inclusive)</p>"));
    assertTrue(Files.readString(dir.resolve("site/ru/svc/index.html")).contains("<p class=\"status-banner "
        + "status-pilot\">Статус: Пилотный проект (с 13.02.2026 по 31.12.2026 включительно)</p>"));
    assertTrue(Files.readString(dir.resolve("site/kk/svc/index.html")).contains("<dd>Пилоттық жоба "
        + "(13.02.2026 жылдан бастап 31.12.2026 жылды қоса алғанда)</dd>"));
  }

  @Test
  void publish_afterTheServiceEnds_leavesItOut() throws IOException {
    Path workbook = withShippedLabels(TestCatalogue.valid()
        .set("Services", 0, "valid_to", "2026-01-31")
        .set("Requirements", 0, "valid_to", "2026-01-31")
        .copy("Services", 0, "code", "NEW", "valid_to", ""))
        .write(dir.resolve("t.xlsx"));
    CliRun run = publish("--catalogue", workbook.toString());
    assertEquals(0, run.exit(), run.err());
    assertFalse(Files.exists(dir.resolve("site/en/svc")));
    assertTrue(Files.exists(dir.resolve("site/en/new/index.html")));
  }

  @Test
  void publish_twice_givesByteIdenticalSites() throws IOException {
    assertEquals(0, publish().exit());
    Map<String, byte[]> first = files(dir.resolve("site"));
    CliRun again = CliRun.of("publish", "--as-of", "2026-11-21", "--out", dir.resolve("other").toString());
    assertEquals(0, again.exit(), again.err());
    assertSameFiles(first, files(dir.resolve("other")));
    assertEquals(0, publish().exit());
    assertSameFiles(first, files(dir.resolve("site")));
    assertEquals(List.of(".other.lock", ".other.v-…", ".site.lock", ".site.v-…", "other", "site"), listing(dir),
        "no temporary folder is left behind: one version per site, and its lock");
  }

  @Test
  void publish_brokenTemplate_namesTheLineAndKeepsThePreviousSite() throws IOException {
    assertEquals(0, publish().exit());
    Map<String, byte[]> before = files(dir.resolve("site"));
    Path templates = brokenTemplates("page.ftlh", "<h1>${title}</h1>", "<h1>${labels.NO_SUCH_LABEL}</h1>");
    CliRun run = publish("--templates", templates.toString());
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertEquals(templates.resolve("page.ftlh") + ":9: The following has evaluated to null or missing: "
        + "labels.NO_SUCH_LABEL\ntalap publish: nothing published; " + dir.resolve("site") + " is unchanged\n",
        run.err());
    assertSameFiles(before, files(dir.resolve("site")));
    assertEquals(List.of(".site.lock", ".site.v-…", "site", "templates"), listing(dir));
  }

  @Test
  void publish_templateSyntaxError_namesTheLine() throws IOException {
    Path templates = brokenTemplates("index.ftlh", "<#list services as s>", "<#list services as>");
    CliRun run = publish("--templates", templates.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith(templates.resolve("index.ftlh") + ":36: "), run.err());
    assertFalse(Files.exists(dir.resolve("site")));
  }

  @Test
  void publish_missingStylesheet_isATemplateProblem() throws IOException {
    Path templates = brokenTemplates("site.css", "@media print", "@media print");
    Files.delete(templates.resolve("site.css"));
    CliRun run = publish("--templates", templates.toString());
    assertEquals(2, run.exit());
    assertEquals(templates.resolve("site.css") + ": stylesheet not found\ntalap publish: nothing published; "
        + dir.resolve("site") + " is unchanged\n", run.err());
  }

  @Test
  void publish_missingCatalogueFile_isAnInputError() {
    CliRun run = publish("--catalogue", dir.resolve("nosuch.xlsx").toString());
    assertEquals(2, run.exit());
    assertEquals(dir.resolve("nosuch.xlsx") + ": error: no such file\ntalap publish: nothing published; "
        + dir.resolve("site") + " is unchanged\n", run.err());
  }

  @Test
  void publish_catalogueErrors_publishNothing() throws IOException {
    Path workbook = TestCatalogue.valid().set("Requirements", 0, "document", "PASSPRT").write(dir.resolve("t.xlsx"));
    CliRun run = publish("--catalogue", workbook.toString());
    assertEquals(1, run.exit());
    assertEquals("t.xlsx: Requirements!E2: error: unknown document code 'PASSPRT' — did you mean 'PASSPORT'?\n"
        + "talap publish: 1 error, 0 warnings in the catalogue\n"
        + "talap publish: nothing published; " + dir.resolve("site") + " is unchanged\n", run.err());
    assertFalse(Files.exists(dir.resolve("site")));
  }

  @Test
  void publish_catalogueWithoutLabels_namesTheMissingLabels() throws IOException {
    Path workbook = TestCatalogue.valid().write(dir.resolve("t.xlsx"));
    CliRun run = publish("--catalogue", workbook.toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("Labels: the catalogue has no label ACCESSIBILITY, ACCESSIBILITY_DATE, AS_OF, CALENDAR_DAYS, "),
        run.err());
    assertFalse(Files.exists(dir.resolve("site")));
  }

  @Test
  void publish_intoAFolderThatIsNotASite_refusesAndKeepsIt() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("site"));
    Files.writeString(folder.resolve("notes.txt"), "mine");
    CliRun run = publish();
    assertEquals(2, run.exit());
    assertEquals("talap publish: cannot write " + folder + ": the folder is not empty and was not written by talap "
        + "publish (no .talap-site file); choose another --out or remove the folder\n"
        + "talap publish: nothing published; " + folder + " is unchanged\n", run.err());
    assertEquals(List.of("notes.txt"), Files.list(folder).map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void publish_unknownOption_isAUsageError() {
    CliRun run = CliRun.of("publish", "--colour");
    assertEquals(2, run.exit());
    assertEquals("talap publish: Unrecognized option: --colour\nRun 'talap publish --help' for the options.\n",
        run.err());
  }
}

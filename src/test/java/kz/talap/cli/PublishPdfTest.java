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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code talap publish --pdf} on the shipped catalogue: a PDF next to every checklist page, its text extracted with
 * PDFBox. Needs DejaVu Sans (Debian's fonts-dejavu-core, installed by .ci/run): without it these tests fail.
 */
class PublishPdfTest {
  static final String KAZAKH_LETTERS = "әғқңөұүһі";
  @TempDir static Path dir;
  static Path site;
  static CliRun run;

  @BeforeAll
  static void publish() {
    site = dir.resolve("site");
    run = CliRun.of("publish", "--pdf", "--as-of", PublishCommandTest.AS_OF, "--out", site.toString());
  }

  /** The text of a PDF, or of its pages from {@code first} to {@code last}, in content order, spaces collapsed. */
  static String text(Path pdf, int first, int last) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(first);
      stripper.setEndPage(last < 0 ? document.getNumberOfPages() : last);
      return stripper.getText(document).replaceAll("\\s+", " ");
    }
  }

  static int pageCount(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return document.getNumberOfPages();
    }
  }

  /** The texts of an HTML page matching the first group of {@code regex}, entities decoded, in page order. */
  static List<String> html(Path page, String regex) throws IOException {
    Matcher matcher = Pattern.compile(regex).matcher(Files.readString(page));
    return matcher.results().map(r -> r.group(1).replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replaceAll("\\s+", " ")).toList();
  }

  static List<String> files(Path root, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(root.toRealPath())) {
      Path real = root.toRealPath();
      return walk.filter(f -> f.toString().endsWith(suffix)).map(f -> real.relativize(f).toString()).sorted()
          .toList();
    }
  }

  @Test
  void publishPdf_shippedCatalogue_writesAPdfNextToEveryChecklistPage() throws IOException {
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    String published = run.out().lines().toList().get(1);
    assertTrue(published.matches("Published 46 pages, 2283 questionnaire pages and 234 PDFs in kk, ru, en to .*site in \\d+ ms"), published);
    List<String> expected = new ArrayList<>();
    for (String page : files(site, ".html")) {
      // Every page of a service or sub-type ({lang}/{service}/{page}.html) has one; the indexes have none.
      if (page.chars().filter(c -> c == '/').count() == 2 && !page.contains("/q/")) {
        expected.add(page.replaceAll("\\.html$", ".pdf"));
      }
    }
    assertEquals(39, expected.size());
    assertEquals(expected, files(site, ".pdf").stream().filter(f -> !f.contains("/q/")).toList());
    // The narrowed checklists: one PDF per distinct list in each language (QuestionnaireTest checks their links).
    assertEquals(195, files(site, ".pdf").stream().filter(f -> f.contains("/q/") && f.endsWith(".list.pdf")).count());
    for (String pdf : expected) {
      assertTrue(Files.readString(site.resolve(pdf), java.nio.charset.StandardCharsets.ISO_8859_1)
          .startsWith("%PDF-"), pdf);
      assertTrue(pageCount(site.resolve(pdf)) >= 1, pdf);
    }
  }

  @Test
  void publishPdf_eachPageLinksItsPdf() throws IOException {
    assertTrue(Files.readString(site.resolve("en/trp/trp-work.html")).contains(
        "<p class=\"pdf-link\"><a href=\"trp-work.pdf\" type=\"application/pdf\">Download PDF</a></p>"));
    assertTrue(Files.readString(site.resolve("ru/trp/trp-work.html")).contains(">Скачать PDF</a></p>"));
    assertTrue(Files.readString(site.resolve("kk/prp/index.html")).contains(
        "<a href=\"index.pdf\" type=\"application/pdf\">PDF жүктеп алу</a>"));
  }

  @Test
  void trpWorkKk_pdfText_hasTheChecklistItemsInOrderWithCheckBoxes() throws IOException {
    Path pdf = site.resolve("kk/trp/trp-work.pdf");
    String text = text(pdf, 1, -1);
    List<String> documents = html(site.resolve("kk/trp/trp-work.html"), "<label for=\"doc-[a-z0-9-]+\">([^<]+)</label>");
    assertTrue(documents.size() >= 10, documents.toString());
    int at = 0;
    for (String document : documents) {
      int found = text.indexOf("☐ ", at);
      assertTrue(found >= 0, "no check box after " + at + " for " + document);
      int name = text.indexOf(document, found);
      assertTrue(name >= 0, "not in the PDF, or out of order: " + document + "\n" + text);
      at = name + document.length();
    }
    // The first item, as the applicant reads it: the box, the item number, the document.
    assertTrue(text.contains("☐ 1. " + documents.get(0)), text);
    for (char letter : KAZAKH_LETTERS.replace("һ", "").toCharArray()) {
      assertTrue(text.indexOf(letter) >= 0, "no " + letter + " in the Kazakh PDF");
    }
  }

  @Test
  void trpWorkKk_pdfFooter_hasThePageNumberTheAsOfDateAndTheVersion() throws IOException {
    Path pdf = site.resolve("kk/trp/trp-work.pdf");
    List<String> edition = html(site.resolve("kk/trp/trp-work.html"), "<span class=\"edition\">([^<]+)</span>");
    assertEquals(1, edition.size());
    assertTrue(edition.get(0).startsWith("21.11.2026"), edition.get(0));
    assertTrue(edition.get(0).contains(": " + CliRun.of("compile", "--as-of", PublishCommandTest.AS_OF).out()
        .replaceAll("(?s)^Catalogue (\\S+) .*", "$1")), edition.get(0));
    int pages = pageCount(pdf);
    assertTrue(pages >= 2, "pages: " + pages);
    for (int page = 1; page <= pages; page++) {
      String text = text(pdf, page, page);
      assertTrue(text.contains(edition.get(0)), "page " + page + ": " + text);
      assertTrue(text.contains(" " + page + " / " + pages + " "), "page " + page + ": " + text);
    }
  }

  @Test
  void publishPdf_twoRuns_giveByteIdenticalPdfs() throws IOException {
    Path again = dir.resolve("again");
    CliRun second = CliRun.of("publish", "--pdf", "--as-of", PublishCommandTest.AS_OF, "--out", again.toString());
    assertEquals(0, second.exit(), second.err());
    List<String> pdfs = files(site, ".pdf");
    assertEquals(pdfs, files(again, ".pdf"));
    for (String pdf : pdfs) {
      assertArrayEquals(Files.readAllBytes(site.resolve(pdf)), Files.readAllBytes(again.resolve(pdf)), pdf);
    }
  }

  @Test
  void publish_withoutPdf_writesNoPdfAndNoLink() throws IOException {
    Path plain = dir.resolve("plain");
    CliRun without = CliRun.of("publish", "--as-of", PublishCommandTest.AS_OF, "--out", plain.toString());
    assertEquals(0, without.exit(), without.err());
    assertTrue(without.out().lines().toList().get(1).startsWith("Published 46 pages and 2283 questionnaire pages in kk, ru, en to "));
    assertEquals(List.of(), files(plain, ".pdf"));
    assertFalse(Files.readString(plain.resolve("en/trp/trp-work.html")).contains("pdf"));
  }

  @Test
  void publishPdf_kazakhTextWithEveryLetter_isEmbeddedAndExtracted() throws IOException {
    // The shipped texts have no һ; a copy of the catalogue names the health insurance with every Kazakh letter.
    String name = "Медициналық сақтандыру (әріптер: " + KAZAKH_LETTERS + " " + KAZAKH_LETTERS.toUpperCase() + ")";
    Path catalogue = ShippedCatalogue.read()
        .edit("Documents", row -> row.getOrDefault("name_kk", "").equals("Медициналық сақтандырудың көшірмесі"),
            row -> row.put("name_kk", name))
        .write(dir.resolve("letters"));
    Path out = dir.resolve("letters-site");
    CliRun letters = CliRun.of("publish", "--pdf", "--catalogue", catalogue.toString(), "--as-of",
        PublishCommandTest.AS_OF, "--out", out.toString());
    assertEquals(0, letters.exit(), letters.err());
    assertTrue(text(out.resolve("kk/trp/trp-work.pdf"), 1, -1).contains("☐ 3. " + name));
  }

  @Test
  void publishPdf_fontMissing_exits2AndPublishesNothing() {
    Path out = dir.resolve("no-font");
    Path fonts = dir.resolve("no-fonts-here");
    CliRun missing = CliRun.of("publish", "--pdf", "--fonts", fonts.toString(), "--as-of", PublishCommandTest.AS_OF,
        "--out", out.toString());
    assertEquals(2, missing.exit());
    assertEquals("talap publish: --pdf needs the font " + fonts.resolve("DejaVuSans.ttf") + " (DejaVu Sans, embedded "
        + "for the Kazakh letters), which is missing; install Debian's fonts-dejavu-core or give --fonts FOLDER\n"
        + "talap publish: nothing published; " + out + " is unchanged\n", missing.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void publish_fontsWithoutPdf_isAUsageError() {
    CliRun run = CliRun.of("publish", "--fonts", "/usr/share/fonts", "--out", dir.resolve("x").toString());
    assertEquals(2, run.exit());
    assertEquals("talap publish: --fonts is only for --pdf\n", run.err());
  }
}

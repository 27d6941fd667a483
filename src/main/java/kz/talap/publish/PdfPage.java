package kz.talap.publish;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One published page as an A4 PDF: the same HTML, styled by the PDF stylesheet ({@code pdf.css}) instead of the site's,
 * with DejaVu Sans embedded. Deterministic: the dates are the as-of date and the document ID is derived from the HTML.
 */
final class PdfPage {
  static final String STYLESHEET = "pdf.css";
  private static final String FAMILY = "DejaVu Sans";
  private static final String PRODUCER = "talap";

  static {
    // openhtmltopdf logs every page at INFO to stderr; talap reports problems itself (as exceptions here).
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
  }

  private PdfPage() {}

  /**
   * Renders {@code html} (a page of the site) with {@code css} as its only stylesheet. Nothing is loaded from outside:
   * the page's own stylesheet links are removed and images are not part of the pages.
   */
  static byte[] render(byte[] html, String css, PdfFonts fonts, LocalDate asOf) throws IOException {
    Document page = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
    page.select("link").remove();
    page.head().appendElement("style").appendText(css);
    numberInline(page);
    // A running element repeats from the page where it stands: the footer's edition goes first to be on every page.
    Element edition = page.selectFirst("footer.site .edition");
    if (edition != null) {
      page.body().prependChild(edition.clone().attr("class", "running-edition"));
    }
    String title = page.title();
    org.w3c.dom.Document dom = new W3CDom().fromJsoup(page);
    PdfRendererBuilder builder = new PdfRendererBuilder()
        .useFastMode()
        .withW3cDocument(dom, "about:blank")
        // No file, network or data access: every resource the page could name resolves to nothing.
        .useUriResolver((base, uri) -> null)
        .useFont(() -> stream(fonts.regular()), FAMILY, 400, FontStyle.NORMAL, true)
        .useFont(() -> stream(fonts.bold()), FAMILY, 700, FontStyle.NORMAL, true)
        .withProducer(PRODUCER);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      try (PDDocument document = renderer.createPDFKeepOpen()) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setProducer(PRODUCER);
        Calendar day = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        day.clear();
        day.set(asOf.getYear(), asOf.getMonthValue() - 1, asOf.getDayOfMonth());
        info.setCreationDate(day);
        info.setModificationDate(day);
        document.setDocumentInformation(info);
        document.getDocumentCatalog().setMetadata(null);
        document.setDocumentId(documentId(html));
        document.save(bytes);
      }
    }
    return bytes.toByteArray();
  }

  /**
   * Writes each ordered list item's number into its first line ("3. Copy of health insurance"): list markers are
   * drawn apart from the text and would come out of the PDF before it, not in reading order.
   */
  private static void numberInline(Document page) {
    for (Element list : page.select("ol")) {
      int number = list.hasAttr("start") ? integer(list.attr("start"), 1) : 1;
      for (Element item : list.children()) {
        if (!item.tagName().equals("li")) {
          continue;
        }
        number = item.hasAttr("value") ? integer(item.attr("value"), number) : number;
        Element first = item.selectFirst(".check label, p.group");
        // Plain text, not an element: openhtmltopdf draws a nested inline after its parent's text.
        (first != null ? first : item).prependText(number + ". ");
        number++;
      }
      list.addClass("numbered-inline");
    }
  }

  private static int integer(String text, int otherwise) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  /** The PDF's path for a page's HTML path: {@code trp/trp-work.html} → {@code trp/trp-work.pdf}. */
  static String path(String htmlPath) {
    return htmlPath.substring(0, htmlPath.length() - ".html".length()) + ".pdf";
  }

  private static java.io.InputStream stream(java.nio.file.Path font) {
    try {
      return Files.newInputStream(font);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The same page gives the same ID; PDFBox otherwise derives it from the clock. */
  private static long documentId(byte[] html) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(html);
      long id = 0;
      for (int i = 0; i < 8; i++) {
        id = (id << 8) | (digest[i] & 0xff);
      }
      return id;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

package kz.talap.publish;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fonts embedded in the PDFs of {@code talap publish --pdf}: DejaVu Sans regular and bold, which have every
 * Kazakh letter (ә ғ қ ң ө ұ ү һ і) and the ballot box ☐; Debian ships them in {@code fonts-dejavu-core}.
 */
public record PdfFonts(Path regular, Path bold) {
  /** Where Debian's {@code fonts-dejavu-core} puts them. */
  public static final Path DEBIAN = Path.of("/usr/share/fonts/truetype/dejavu");

  /**
   * DejaVu Sans ({@code DejaVuSans.ttf}, {@code DejaVuSans-Bold.ttf}) in {@code folder}.
   *
   * @throws SitePublisher.Problem naming the first font file that is missing or unreadable (an input problem)
   */
  public static PdfFonts in(Path folder) throws SitePublisher.Problem {
    PdfFonts fonts = new PdfFonts(folder.resolve("DejaVuSans.ttf"), folder.resolve("DejaVuSans-Bold.ttf"));
    for (Path font : new Path[] {fonts.regular(), fonts.bold()}) {
      if (!Files.isRegularFile(font) || !Files.isReadable(font)) {
        throw new SitePublisher.Problem(false, "--pdf needs the font " + font + " (DejaVu Sans, embedded for the "
            + "Kazakh letters), which is missing; install Debian's fonts-dejavu-core or give --fonts FOLDER");
      }
    }
    return fonts;
  }
}

package kz.talap.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites an .xlsx (a zip) with every entry dated 1980-01-01, in the order POI wrote them: the same workbook gives
 * the same bytes on every run, so a guarded workbook that did not change does not show up as changed in git.
 */
final class StableZip {
  /** The earliest time a zip entry can hold (1980-01-01 00:00 local time of the format). */
  private static final long EPOCH = java.time.LocalDateTime.of(1980, 1, 1, 0, 0)
      .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();

  private StableZip() {}

  static byte[] of(byte[] zip) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(EPOCH);
        out.putNextEntry(copy);
        in.transferTo(out);
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}

package kz.talap.publish;

import java.nio.file.Path;
import java.util.List;

/** A published site: its folder, the number of HTML pages, and every file by its path inside the folder. */
public record Site(Path folder, int pages, List<String> files) {
  public Site {
    files = List.copyOf(files);
  }
}

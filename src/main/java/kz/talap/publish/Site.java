package kz.talap.publish;

import java.nio.file.Path;
import java.util.List;

/**
 * A published site: its folder, the number of HTML pages besides the questionnaires', the number of questionnaire
 * pages, and every file by its path inside the folder.
 */
public record Site(Path folder, int pages, int questionnairePages, List<String> files) {
  public Site {
    files = List.copyOf(files);
  }
}

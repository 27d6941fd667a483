package kz.talap.server;

import kz.talap.source.Phrase;
import java.util.Map;
import kz.talap.publish.Templates;
import kz.talap.publish.Templates.TemplateProblem;

/** Renders the counter's FreeMarker templates ({@code counter/*.ftlh} in the template folder). */
final class Pages {
  private final Templates templates;

  Pages(Templates templates) {
    this.templates = templates;
  }

  String render(String template, Map<String, ?> model) {
    try {
      return templates.render(template, model);
    } catch (TemplateProblem e) {
      throw new ApiProblem(500, "template", Phrase.of("problem.template"), Phrase.plain(e.getMessage()));
    }
  }

  java.nio.file.Path folder() {
    return templates.folder();
  }
}

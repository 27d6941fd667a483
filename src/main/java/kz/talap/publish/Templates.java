package kz.talap.publish;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.SimpleNumber;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The editable FreeMarker templates in one folder (by default {@code templates/}). {@code .ftlh} templates escape every
 * value as HTML. Rendering is deterministic: fixed locale, time zone and number format, no timestamps.
 */
public final class Templates {
  private final Path folder;
  private final Configuration configuration;

  private Templates(Path folder, Configuration configuration) {
    this.folder = folder;
    this.configuration = configuration;
  }

  /** Templates read from {@code folder}; fails with a {@link TemplateProblem} if it is not a readable folder. */
  public static Templates in(Path folder) throws TemplateProblem {
    if (!Files.isDirectory(folder)) {
      throw new TemplateProblem(folder.toString(), 0, "template folder not found");
    }
    Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
    try {
      configuration.setDirectoryForTemplateLoading(folder.toFile());
    } catch (IOException e) {
      throw new TemplateProblem(folder.toString(), 0, "cannot read the template folder: " + e.getMessage());
    }
    configuration.setDefaultEncoding("UTF-8");
    configuration.setOutputEncoding("UTF-8");
    configuration.setRecognizeStandardFileExtensions(true);
    configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
    configuration.setLocale(Locale.ROOT);
    configuration.setTimeZone(TimeZone.getTimeZone("Asia/Almaty"));
    configuration.setNumberFormat("computer");
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    configuration.setAPIBuiltinEnabled(false);
    configuration.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    return new Templates(folder, configuration);
  }

  public Path folder() {
    return folder;
  }

  /**
   * Renders one template with a data model of maps, lists, strings, numbers and booleans.
   *
   * @throws TemplateProblem naming the template file and line when it is missing, does not parse or fails
   */
  public String render(String name, Map<String, ?> model) throws TemplateProblem {
    PageBuffer text = new PageBuffer(16 * 1024);
    try {
      render(name, model, text);
    } catch (IOException e) {
      throw new TemplateProblem(folder.resolve(name).toString(), 0, "cannot write: " + e.getMessage());
    }
    return text.toString();
  }

  /**
   * Renders one template as {@link #render(String, Map)} does, onto {@code out} (a page goes straight to its file).
   *
   * @throws TemplateProblem naming the template file and line when it is missing, does not parse or fails
   * @throws IOException when {@code out} cannot be written
   */
  public void render(String name, Map<String, ?> model, Writer out) throws TemplateProblem, IOException {
    Template template;
    try {
      template = configuration.getTemplate(name);
    } catch (TemplateNotFoundException e) {
      throw new TemplateProblem(folder.resolve(name).toString(), 0, "template not found");
    } catch (ParseException e) {
      throw new TemplateProblem(folder.resolve(name).toString(), e.getLineNumber(), firstLine(e.getEditorMessage()));
    } catch (IOException e) {
      // Pages render on several threads: a template that failed to parse for one is "an error on an earlier
      // attempt" for the others, with the parse error as its cause; every page reports the parse error itself.
      if (e.getCause() instanceof ParseException parse) {
        throw new TemplateProblem(folder.resolve(name).toString(), parse.getLineNumber(),
            firstLine(parse.getEditorMessage()));
      }
      throw new TemplateProblem(folder.resolve(name).toString(), 0, "cannot read: " + e.getMessage());
    }
    try {
      template.process(Citations.added(model), out);
    } catch (TemplateException e) {
      Integer line = e.getLineNumber();
      String file = e.getTemplateSourceName() == null ? name : e.getTemplateSourceName();
      throw new TemplateProblem(folder.resolve(file).toString(), line == null ? 0 : line,
          firstLine(e.getMessageWithoutStackTop()));
    }
  }

  /**
   * The citations of one page being rendered, for the macro {@code cite} of {@code layout.ftlh}: {@code citeNumber(text)}
   * gives a text's number (from 1, in the order first cited; a text cited again keeps its number) and {@code cited}
   * lists them in that order. Found by the text in a hash map: FreeMarker's {@code ?seq_index_of} on a list grown with
   * {@code +} walks nested concatenations on every call, which took most of the time of a page with 200 citations.
   */
  private static final class Citations {
    private final Map<String, Integer> numbers = new java.util.HashMap<>();
    private final List<TemplateModel> cited = new java.util.ArrayList<>();

    /** The data model with a fresh list of citations. */
    static Map<String, Object> added(Map<String, ?> model) {
      Citations citations = new Citations();
      Map<String, Object> data = new java.util.LinkedHashMap<>(model);
      data.put("citeNumber", (TemplateMethodModelEx) citations::number);
      data.put("cited", new TemplateSequenceModel() {
        @Override
        public TemplateModel get(int index) {
          return index < citations.cited.size() ? citations.cited.get(index) : null;
        }

        @Override
        public int size() {
          return citations.cited.size();
        }
      });
      return data;
    }

    private Object number(List<?> arguments) throws TemplateModelException {
      if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel text)) {
        throw new TemplateModelException("citeNumber takes one text");
      }
      Integer number = numbers.get(text.getAsString());
      if (number == null) {
        cited.add(text);
        number = cited.size();
        numbers.put(text.getAsString(), number);
      }
      return new SimpleNumber(number);
    }
  }

  /**
   * The first line of FreeMarker's message; when it ends in a colon ("The following has evaluated to null or
   * missing:"), the expression on the next line is added, without FreeMarker's own location.
   */
  private static String firstLine(String message) {
    List<String> lines = (message == null ? "" : message).lines().map(String::strip).filter(l -> !l.isEmpty())
        .toList();
    if (lines.isEmpty()) {
      return "template error";
    }
    String first = lines.get(0);
    if (first.endsWith(":") && lines.size() > 1) {
      return first + " " + lines.get(1).replaceFirst("^==>\\s*", "").replaceFirst("\\s*\\[in template .*$", "");
    }
    return first;
  }

  /** A template that cannot be found, parsed or rendered: the file, the line (0 if unknown) and what went wrong. */
  public static final class TemplateProblem extends Exception {
    private final String file;
    private final int line;

    public TemplateProblem(String file, int line, String problem) {
      super(file + (line > 0 ? ":" + line : "") + ": " + problem);
      this.file = file;
      this.line = line;
    }

    public String file() {
      return file;
    }

    public int line() {
      return line;
    }
  }
}

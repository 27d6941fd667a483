package kz.talap.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.talap.model.Language;
import kz.talap.model.Text;

/**
 * The messages of the check in Kazakh, Russian and English ({@code messages_xx.properties} next to this class), with
 * the number, date and plural forms of each language.
 */
public final class Messages {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final Messages INSTANCE = new Messages();

  private final Map<Language, Properties> bundles = new EnumMap<>(Language.class);
  /** Each message split once into literal text and placeholder names, so formatting needs no regex. */
  private final Map<Language, Map<String, List<String>>> parsed = new EnumMap<>(Language.class);

  private Messages() {
    for (Language language : Language.values()) {
      String name = "messages_" + language.code() + ".properties";
      try (InputStream in = Messages.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + name);
        }
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        bundles.put(language, properties);
        Map<String, List<String>> parts = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
          parts.put(key, split(properties.getProperty(key)));
        }
        parsed.put(language, parts);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static Messages get() {
    return INSTANCE;
  }

  /**
   * The message {@code key} in one language with its placeholders filled in from {@code args}: texts in every
   * language, or values said the way each language says them (dates, amounts, whole numbers, quantities), so that a
   * check only keeps its values and the words are made when a report asks for them.
   */
  public String format(Language language, String key, Map<String, ?> args) {
    List<String> parts = parsed.get(language).get(key);
    if (parts == null) {
      throw new IllegalArgumentException("no message " + key + " in " + language.code());
    }
    StringBuilder text = new StringBuilder(160);
    for (int i = 0; i < parts.size(); i++) {
      if (i % 2 == 0) {
        text.append(parts.get(i));
        continue;
      }
      Object value = args.get(parts.get(i));
      if (value == null) {
        throw new IllegalArgumentException("message " + key + " needs {" + parts.get(i) + "}");
      }
      text.append(said(value, language));
    }
    return text.toString();
  }

  /** A value of a message in one language. */
  private String said(Object value, Language language) {
    if (value instanceof Text text) {
      return text.in(language);
    }
    if (value instanceof LocalDate date) {
      return language == Language.EN ? date.toString() : dotted(date);
    }
    if (value instanceof BigDecimal amount) {
      return language.number(amount);
    }
    if (value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof Quantity quantity) {
      return quantity(language, quantity.amount(), quantity.unit());
    }
    throw new IllegalArgumentException("a message cannot say a " + value.getClass().getSimpleName());
  }

  /** A number with a unit, said in the right form in each language (see {@link #quantity(long, String)}). */
  public record Quantity(long amount, String unit) {}

  /** Literal text at even positions, placeholder names at odd ones. */
  private static List<String> split(String template) {
    List<String> parts = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    int end = 0;
    while (matcher.find()) {
      parts.add(template.substring(end, matcher.start()));
      parts.add(matcher.group(1));
      end = matcher.end();
    }
    parts.add(template.substring(end));
    return List.copyOf(parts);
  }

  /** The message {@code key} in all three languages. */
  public Text text(String key, Map<String, ?> args) {
    return new Text(format(Language.KK, key, args), format(Language.RU, key, args), format(Language.EN, key, args));
  }

  public String format(Language language, String key) {
    return format(language, key, Map.of());
  }

  /** A number, the same in every language. */
  public static Text number(long n) {
    String text = Long.toString(n);
    return new Text(text, text, text);
  }

  /** A date as applicants read it: 2026-03-20 in English, 20.03.2026 in Kazakh and Russian. */
  public static Text date(LocalDate date) {
    String dotted = dotted(date);
    return new Text(dotted, dotted, date.toString());
  }

  /** dd.MM.yyyy for a four-digit year, without a formatter (a batch's report says thousands of dates). */
  private static String dotted(LocalDate date) {
    if (date.getYear() < 1000 || date.getYear() > 9999) {
      return DOTTED.format(date);
    }
    int day = date.getDayOfMonth();
    int month = date.getMonthValue();
    int year = date.getYear();
    return new String(new char[] {(char) ('0' + day / 10), (char) ('0' + day % 10), '.', (char) ('0' + month / 10),
        (char) ('0' + month % 10), '.', (char) ('0' + year / 1000), (char) ('0' + year / 100 % 10),
        (char) ('0' + year / 10 % 10), (char) ('0' + year % 10)});
  }

  /** An amount with thousands separated: 17,300 in English, 17 300 (no-break space) in Kazakh and Russian. */
  public static Text amount(BigDecimal amount) {
    return new Text(Language.KK.number(amount), Language.RU.number(amount), Language.EN.number(amount));
  }

  /** A number with a unit in the right form: "1 working day", "45 календарных дней", "45 күнтізбелік күн". */
  public Text quantity(long amount, String unit) {
    return new Text(quantity(Language.KK, amount, unit), quantity(Language.RU, amount, unit),
        quantity(Language.EN, amount, unit));
  }

  private String quantity(Language language, long amount, String unit) {
    String[] options = units.computeIfAbsent(language.code() + "/" + unit,
        k -> bundles.get(language).getProperty("unit." + unit, unit).split("\\|"));
    String form = options[pluralIndex(language, amount, options.length)];
    // "күнтізбелік {n} күн": Kazakh puts the number inside the unit, as seed 003 does.
    return form.contains("{n}") ? form.replace("{n}", Long.toString(amount)) : amount + " " + form;
  }

  /** The forms of each unit word in each language ("day|days"), split once. */
  private final Map<String, String[]> units = new java.util.concurrent.ConcurrentHashMap<>();

  /** The form of a unit word after a number: one / few / many, as many as the message file gives. */
  private static int pluralIndex(Language language, long n, int forms) {
    return switch (language.plural(n)) {
      case ONE -> 0;
      case FEW -> Math.min(1, forms - 1);
      case MANY -> forms - 1;
    };
  }

}

package kz.talap.compile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import kz.talap.model.Text;
import kz.talap.model.Validity;
import kz.talap.source.Diagnostics;
import kz.talap.source.Nearest;
import kz.talap.source.Phrase;
import kz.talap.source.Quoted;
import kz.talap.workbook.RawCell;
import kz.talap.workbook.RawRow;

/** Reads typed values out of raw cells, reporting every bad value at its cell. */
final class Cells {
  static final Pattern CODE = Pattern.compile("[A-Z0-9_]+");
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern HH_MM = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final int MAX_CODE_LENGTH = 64;
  private static final String[] LANGUAGES = {"kk", "ru", "en"};

  /** How many recent texts, validities and citations each pool keeps (see {@link Pool}). */
  private static final int POOL_SIZE = 4096;

  private final Diagnostics diagnostics;
  private final boolean translationsRequired;
  private Citations citations = new Citations(java.util.Map.of());
  /** Citation cells rendered lately: rows of one service cite the same places, versions of a row the same cell. */
  private final java.util.Map<String, Citations.Result> rendered = new java.util.LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<String, Citations.Result> eldest) {
      return size() > POOL_SIZE;
    }
  };
  private final Pool<Optional<Text>> texts = new Pool<>(POOL_SIZE);
  private final Pool<Validity> validities = new Pool<>(POOL_SIZE);

  Cells(Diagnostics diagnostics, boolean translationsRequired) {
    this.diagnostics = diagnostics;
    this.translationsRequired = translationsRequired;
  }

  /** Citations name the acts of these norms (code to official name); set once the Norms sheet is compiled. */
  void norms(java.util.Map<String, Text> norms) {
    this.citations = new Citations(norms);
    rendered.clear();
  }

  /** The citation in the three languages; reports an unknown norm or an unreadable place at the cell. */
  Optional<Text> citation(RawRow row, boolean required) {
    Optional<String> cell = string(row, "citation", required);
    if (cell.isEmpty()) {
      return Optional.empty();
    }
    Citations.Result result = rendered.computeIfAbsent(cell.get(), citations::render);
    result.problem().ifPresent(p -> diagnostics.error("bad-citation", row.cell("citation").where(), p));
    return result.text();
  }

  /** The cell's text, or empty; reports an empty required cell. */
  Optional<String> string(RawRow row, String column, boolean required) {
    RawCell cell = row.cell(column);
    if (cell.isBlank()) {
      if (required) {
        diagnostics.error("empty-cell", cell.where(), Phrase.of("compile.empty-cell", "column", column));
      }
      return Optional.empty();
    }
    return Optional.of(cell.value());
  }

  Optional<String> code(RawRow row, String column, boolean required) {
    return string(row, column, required).filter(value -> validCode(value, row.cell(column)));
  }

  private boolean validCode(String value, RawCell cell) {
    if (!CODE.matcher(value).matches()) {
      diagnostics.error("illegal-code", cell.where(),
          Phrase.of("compile.illegal-code", "value", Quoted.inner(value)));
      return false;
    }
    if (value.length() > MAX_CODE_LENGTH) {
      diagnostics.error("illegal-code", cell.where(),
          Phrase.of("compile.code-too-long", "value", Quoted.inner(value), "max", MAX_CODE_LENGTH));
      return false;
    }
    return true;
  }

  /** Comma-separated codes; each must be a valid code. */
  List<String> codes(RawRow row, String column) {
    List<String> result = new ArrayList<>();
    for (String item : items(row, column)) {
      if (validCode(item, row.cell(column))) {
        result.add(item);
      }
    }
    return result;
  }

  /** Comma-separated values, trimmed, without empties or repeats. */
  List<String> items(RawRow row, String column) {
    Set<String> result = new LinkedHashSet<>();
    for (String item : row.value(column).split(",")) {
      String trimmed = item.strip();
      if (!trimmed.isEmpty() && !result.add(trimmed)) {
        diagnostics.warning("repeated-item", row.cell(column).where(), Phrase.of("compile.listed-twice",
            "value", Quoted.inner(trimmed)));
      }
    }
    return List.copyOf(result);
  }

  Optional<String> name(RawRow row, String column, boolean required) {
    return string(row, column, required).filter(value -> {
      if (NAME.matcher(value).matches()) {
        return true;
      }
      diagnostics.error("illegal-name", row.cell(column).where(),
          Phrase.of("compile.illegal-name", "value", Quoted.inner(value)));
      return false;
    });
  }

  Optional<String> country(RawRow row, String column, boolean required) {
    return string(row, column, required).filter(value -> {
      if (COUNTRY.matcher(value).matches()) {
        return true;
      }
      diagnostics.error("bad-country", row.cell(column).where(),
          Phrase.of("compile.bad-country", "value", Quoted.inner(value)));
      return false;
    });
  }

  <E extends Enum<E>> Optional<E> choice(RawRow row, String column, Class<E> type, boolean required) {
    return string(row, column, required).flatMap(value -> parseChoice(row.cell(column), value, type));
  }

  <E extends Enum<E>> List<E> choices(RawRow row, String column, Class<E> type) {
    List<E> result = new ArrayList<>();
    for (String item : items(row, column)) {
      parseChoice(row.cell(column), item, type).ifPresent(result::add);
    }
    return result;
  }

  private <E extends Enum<E>> Optional<E> parseChoice(RawCell cell, String value, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return Optional.of(constant);
      }
    }
    List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    Optional<Phrase> near = Nearest.suggestion(value, allowed);
    diagnostics.error("bad-value", cell.where(), near.isPresent()
        ? Phrase.of("compile.unknown-value-near", "value", Quoted.inner(value), "near", near.get(), "allowed",
            String.join(", ", allowed))
        : Phrase.of("compile.unknown-value", "value", Quoted.inner(value), "allowed", String.join(", ", allowed)));
    return Optional.empty();
  }

  OptionalInt integer(RawRow row, String column, boolean required) {
    Optional<String> value = string(row, column, required);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(value.get()));
    } catch (NumberFormatException e) {
      diagnostics.error("bad-number", row.cell(column).where(),
          Phrase.of("compile.bad-whole-number", "value", Quoted.inner(value.get()), "column", column));
      return OptionalInt.empty();
    }
  }

  /** A whole number from {@code min} to {@code max}; a number outside is reported with the bounds. */
  OptionalInt integer(RawRow row, String column, boolean required, int min, int max, Phrase why) {
    OptionalInt value = integer(row, column, required);
    if (value.isPresent() && (value.getAsInt() < min || value.getAsInt() > max)) {
      diagnostics.error("bad-number", row.cell(column).where(), Phrase.of("compile.out-of-range",
          "column", column, "value", value.getAsInt(), "min", min, "max", max, "why", why));
      return OptionalInt.empty();
    }
    return value;
  }

  /** The largest amount a fee or parameter may have, and the most decimals it may have. */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
  static final int MAX_DECIMALS = 4;

  Optional<BigDecimal> decimal(RawRow row, String column, boolean required) {
    Optional<String> value = string(row, column, required);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      BigDecimal number = new BigDecimal(value.get().replace(" ", ""));
      if (number.signum() < 0) {
        diagnostics.error("bad-number", row.cell(column).where(), Phrase.of("compile.negative-amount", "value",
            Quoted.of(value.get())));
        return Optional.empty();
      }
      // Compared before anything else is done with it: 1E+999999999 is a valid BigDecimal that no report can print.
      if (number.compareTo(MAX_AMOUNT) > 0) {
        diagnostics.error("bad-number", row.cell(column).where(), Phrase.of("compile.amount-too-large",
            "value", Quoted.of(value.get()), "max", MAX_AMOUNT.toPlainString()));
        return Optional.empty();
      }
      BigDecimal stripped = number.stripTrailingZeros();
      if (stripped.scale() > MAX_DECIMALS) {
        diagnostics.error("bad-number", row.cell(column).where(), Phrase.of("compile.too-many-decimals",
            "value", Quoted.of(value.get()), "max", MAX_DECIMALS));
        return Optional.empty();
      }
      return Optional.of(stripped);
    } catch (NumberFormatException | ArithmeticException e) {
      diagnostics.error("bad-number", row.cell(column).where(), Phrase.of("compile.bad-number", "value", Quoted.of(value.get()), "column", column));
      return Optional.empty();
    }
  }

  boolean bool(RawRow row, String column) {
    Optional<String> value = string(row, column, false);
    if (value.isEmpty()) {
      return false;
    }
    String upper = value.get().toUpperCase(Locale.ROOT);
    if (upper.equals("TRUE") || upper.equals("FALSE")) {
      return upper.equals("TRUE");
    }
    diagnostics.error("bad-value", row.cell(column).where(),
        Phrase.of("compile.bad-boolean", "value", Quoted.inner(value.get()), "column", column));
    return false;
  }

  Optional<LocalDate> date(RawRow row, String column, boolean required) {
    Optional<String> value = string(row, column, required);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (ISO_DATE.matcher(value.get()).matches()) {
        return Optional.of(LocalDate.parse(value.get()));
      }
    } catch (DateTimeParseException e) {
      // falls through to the report below
    }
    diagnostics.error("bad-date", row.cell(column).where(),
        Phrase.of("compile.bad-date", "value", Quoted.inner(value.get()), "column", column));
    return Optional.empty();
  }

  Optional<MonthDay> monthDay(RawRow row, String column, boolean required) {
    Optional<String> value = string(row, column, required);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MonthDay.parse("--" + value.get()));
    } catch (DateTimeParseException e) {
      diagnostics.error("bad-date", row.cell(column).where(),
          Phrase.of("compile.bad-day-of-year", "value", Quoted.inner(value.get()), "column", column));
      return Optional.empty();
    }
  }

  /** A time of day; 24:00 reads as {@link LocalTime#MAX} (the end of the day). */
  Optional<LocalTime> time(RawRow row, String column, boolean required) {
    Optional<String> value = string(row, column, required);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    var matcher = HH_MM.matcher(value.get());
    if (matcher.matches()) {
      int hours = Integer.parseInt(matcher.group(1));
      int minutes = Integer.parseInt(matcher.group(2));
      if (hours == 24 && minutes == 0) {
        return Optional.of(LocalTime.MAX);
      }
      if (hours < 24 && minutes < 60) {
        return Optional.of(LocalTime.of(hours, minutes));
      }
    }
    diagnostics.error("bad-time", row.cell(column).where(),
        Phrase.of("compile.bad-time", "value", Quoted.inner(value.get()), "column", column));
    return Optional.empty();
  }

  /**
   * A text in three languages. A required text must not be empty; a text filled in some language must be filled in
   * all three (an error, or a warning when translations are not required).
   */
  Optional<Text> text(RawRow row, String base, boolean required) {
    String[] values = new String[3];
    int filled = 0;
    for (int i = 0; i < 3; i++) {
      values[i] = row.value(base + "_" + LANGUAGES[i]);
      filled += values[i].isBlank() ? 0 : 1;
    }
    if (filled == 0) {
      if (required) {
        diagnostics.error("empty-cell", row.cell(base + "_kk").where(),
            Phrase.of("compile.empty-text", "column", base));
      }
      return Optional.empty();
    }
    for (int i = 0; i < 3 && filled < 3; i++) {
      if (values[i].isBlank()) {
        String column = base + "_" + LANGUAGES[i];
        Phrase message = Phrase.of("compile.missing-translation-" + LANGUAGES[i], "column", column);
        if (translationsRequired) {
          diagnostics.error("missing-translation", row.cell(column).where(), message);
        } else {
          diagnostics.warning("missing-translation", row.cell(column).where(), message);
        }
      }
    }
    return texts.of(Optional.of(new Text(values[0], values[1], values[2])));
  }

  Validity validity(RawRow row) {
    Optional<LocalDate> from = date(row, "valid_from", false);
    Optional<LocalDate> to = date(row, "valid_to", false);
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      diagnostics.error("bad-validity", row.cell("valid_to").where(),
          Phrase.of("compile.valid-to-before-from", "to", to.get().toString(), "from", from.get().toString()));
      return Validity.ALWAYS;
    }
    return validities.of(new Validity(from, to));
  }
}

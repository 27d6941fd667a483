package kz.talap.workbook;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import kz.talap.source.Phrase;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the XML of one worksheet as it streams past and hands on each row with the text of its cells, so that
 * neither the sheet nor its row numbers cost memory or time: a row numbered 2,147,483,647 is one row like any other.
 * Cell values become text as the user model gave them: dates as YYYY-MM-DD, times as HH:MM, numbers without a
 * trailing ".0", booleans as TRUE and FALSE; a cell holding a spreadsheet error is marked with its error name.
 */
final class SheetEvents extends DefaultHandler {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final java.util.Set<String> MAIN = java.util.Set.of("",
      "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main");

  /** A cell of a row: its 0-based column, its text, and what is wrong when it holds no usable value. */
  record Cell(int column, String text, Phrase error) {}

  /** Receives the rows of a sheet in file order. */
  interface Rows {
    /** One row: its 1-based number and its non-empty cells, by column. */
    void row(int number, List<Cell> cells);
  }

  private final SharedStrings strings;
  private final StylesTable styles;
  private final boolean date1904;
  private final Rows rows;
  /** Whether each cell style is a date format, worked out once per style (POI reads it from XMLBeans). */
  private final Map<Integer, Boolean> dateStyles = new HashMap<>();
  /**
   * Shared strings as text, made once per string and shared by every cell that holds it, in every sheet of the
   * workbook (a document's code is one string in Documents and in every requirement that names it).
   */
  private final Map<Integer, String> texts;
  private final Map<Double, String> numbers = new HashMap<>();

  private int rowNumber;
  private final List<Cell> cells = new ArrayList<>();
  private int column = -1;
  private String type;
  private int style;
  private boolean formula;
  private boolean inValue;
  private boolean inInline;
  private boolean inPhonetic;
  private final StringBuilder value = new StringBuilder();
  private boolean hasValue;

  SheetEvents(SharedStrings strings, Map<Integer, String> texts, StylesTable styles, boolean date1904, Rows rows) {
    this.strings = strings;
    this.texts = texts;
    this.styles = styles;
    this.date1904 = date1904;
    this.rows = rows;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
    if (!MAIN.contains(uri)) {
      return;
    }
    switch (localName) {
      case "row" -> {
        String r = attributes.getValue("r");
        rowNumber = r == null ? rowNumber + 1 : number(r, "row number");
        cells.clear();
        column = -1;
      }
      case "c" -> {
        String r = attributes.getValue("r");
        column = r == null ? column + 1 : column(r);
        type = attributes.getValue("t");
        String s = attributes.getValue("s");
        style = s == null ? 0 : number(s, "style number");
        formula = false;
        hasValue = false;
        value.setLength(0);
      }
      case "f" -> formula = true;
      case "v" -> {
        inValue = true;
        hasValue = true;
      }
      case "is" -> {
        inInline = true;
        hasValue = true;
      }
      case "rPh" -> inPhonetic = true;
      case "t" -> inValue = inInline && !inPhonetic;
      default -> { }
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    if (!MAIN.contains(uri)) {
      return;
    }
    switch (localName) {
      case "v", "t" -> inValue = false;
      case "is" -> inInline = false;
      case "rPh" -> inPhonetic = false;
      case "c" -> cell();
      case "row" -> rows.row(rowNumber, List.copyOf(cells));
      default -> { }
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (inValue) {
      value.append(ch, start, length);
    }
  }

  private void cell() throws SAXException {
    String raw = value.toString();
    String t = type == null ? "n" : type;
    switch (t) {
      case "s" -> {
        if (hasValue) {
          int index = number(raw.strip(), "shared string number");
          String text = texts.get(index);
          if (text == null) {
            text = strings.getItemAt(index).getString().replace("\r\n", "\n");
            texts.put(index, text);
          }
          add(text);
        }
      }
      case "inlineStr", "str" -> {
        if (hasValue) {
          add(new XSSFRichTextString(raw).getString().replace("\r\n", "\n"));
        }
      }
      case "b" -> {
        if (hasValue || formula) {
          add("1".equals(raw) ? "TRUE" : "FALSE");
        }
      }
      case "e" -> {
        if (hasValue || formula) {
          cells.add(new Cell(column, "", Phrase.of("workbook.spreadsheet-error", "error", errorName(raw))));
        }
      }
      default -> {
        // A formula without a cached value reads as 0, as in the user model.
        if (hasValue && !raw.isBlank() || formula) {
          number(hasValue && !raw.isBlank() ? raw : "0");
        }
      }
    }
  }

  private void add(String text) {
    cells.add(new Cell(column, text, null));
  }

  /**
   * A number cell. One that is not a number, or is NaN or infinite, is an error at its cell.
   */
  private void number(String raw) {
    double number;
    try {
      number = Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      cells.add(new Cell(column, "", Phrase.of("workbook.not-a-number", "value", kz.talap.source.Quoted.of(raw))));
      return;
    }
    if (!Double.isFinite(number)) {
      cells.add(new Cell(column, "", Phrase.of(Double.isNaN(number) ? "workbook.nan" : "workbook.infinite")));
      return;
    }
    add(number(number));
  }

  private String number(double number) {
    if (DateUtil.isValidExcelDate(number) && isDateStyle()) {
      LocalDateTime value = DateUtil.getLocalDateTime(number, date1904);
      if (value == null) {
        return "";
      }
      if (number < 1) {
        return value.toLocalTime().format(TIME);
      }
      return value.toLocalTime().equals(LocalTime.MIDNIGHT) ? value.toLocalDate().toString() : value.toString();
    }
    // Numbers repeat (orders, amounts, days): one text per value, shared by the cells that hold it.
    if (numbers.size() > 10_000) {
      numbers.clear();
    }
    return numbers.computeIfAbsent(number, n -> BigDecimal.valueOf(n).stripTrailingZeros().toPlainString());
  }

  private boolean isDateStyle() {
    return dateStyles.computeIfAbsent(style, s -> {
      if (styles == null || s < 0 || s >= styles.getNumCellStyles()) {
        return false;
      }
      XSSFCellStyle cellStyle = styles.getStyleAt(s);
      return cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
    });
  }

  private static String errorName(String raw) {
    try {
      return FormulaError.forString(raw).getString();
    } catch (IllegalArgumentException e) {
      return shorten(raw);
    }
  }

  private static int number(String text, String what) throws SAXException {
    try {
      int n = Integer.parseInt(text);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SAXException("the " + what + " '" + shorten(text) + "' is not a number from 0 to 2147483647");
  }

  /** The 0-based column of a cell reference such as {@code C14}. */
  private static int column(String reference) throws SAXException {
    long n = 0;
    int i = 0;
    while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
      char c = Character.toUpperCase(reference.charAt(i));
      if (c < 'A' || c > 'Z' || n > Integer.MAX_VALUE) {
        break;
      }
      n = n * 26 + (c - 'A' + 1);
      i++;
    }
    if (i == 0 || n > Integer.MAX_VALUE) {
      throw new SAXException("the cell reference '" + shorten(reference) + "' is not a cell address");
    }
    return (int) n - 1;
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}

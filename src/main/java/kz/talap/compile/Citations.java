package kz.talap.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.talap.model.Text;
import kz.talap.source.Nearest;
import kz.talap.source.Phrase;

/**
 * Turns a citation cell ({@code ORDER_992, Annex 3, item 8, sub-item 4); LAW_MIGRATION, art. 49, sub-para 4)}) into
 * the citation in Kazakh, Russian and English: each act by its official name from the Norms sheet, each place in the
 * act in the reader's language ({@code 3-қосымша, 8-тармақ, 4) тармақша}; {@code приложение 3, пункт 8, подпункт 4)}).
 */
final class Citations {
  /** A place in an act: a word and one number or a list of numbers ("items 1, 2 and 4", "sub-items 3) and 4)"). */
  private static final String NUMBER = "[0-9]+(?:-[0-9]+)?\\)?";
  private static final Pattern PART = Pattern.compile(
      "(?<word>[A-Za-z][A-Za-z.\\- ]*?)\\s+(?<numbers>" + NUMBER + "(?:(?:, | and )" + NUMBER + ")*)");

  /** How each place word is said: English singular/plural, Russian singular/plural, Kazakh singular/plural. */
  private enum Place {
    ANNEX("Annex", "Annexes", "приложение", "приложения", "қосымша", "қосымшалар", false),
    ITEM("item", "items", "пункт", "пункты", "тармақ", "тармақтар", false),
    PARA("para", "paras", "пункт", "пункты", "тармақ", "тармақтар", false),
    SUB_ITEM("sub-item", "sub-items", "подпункт", "подпункты", "тармақша", "тармақшалар", true),
    SUB_PARA("sub-para", "sub-paras", "подпункт", "подпункты", "тармақша", "тармақшалар", true),
    PARAGRAPH("paragraph", "paragraphs", "абзац", "абзацы", "абзац", "абзацтар", false),
    ARTICLE("art.", "arts.", "статья", "статьи", "бап", "баптар", false),
    PART("part", "parts", "часть", "части", "бөлік", "бөліктер", false),
    SUB_TYPE("sub-type", "sub-types", "подвид", "подвиды", "кіші түр", "кіші түрлер", false),
    PARAGRAPH_AFTER("paragraph after sub-item", "paragraphs after sub-item", "абзац после подпункта",
        "абзацы после подпункта", "тармақшадан кейінгі абзац", "тармақшадан кейінгі абзацтар", true);

    final String en;
    final String enPlural;
    final String ru;
    final String ruPlural;
    final String kk;
    final String kkPlural;
    /** Numbered with a bracket, "4)": Kazakh puts the word after the number without a hyphen. */
    final boolean bracketed;

    Place(String en, String enPlural, String ru, String ruPlural, String kk, String kkPlural, boolean bracketed) {
      this.en = en;
      this.enPlural = enPlural;
      this.ru = ru;
      this.ruPlural = ruPlural;
      this.kk = kk;
      this.kkPlural = kkPlural;
      this.bracketed = bracketed;
    }

    static Optional<Place> of(String word) {
      for (Place place : values()) {
        if (place.en.equalsIgnoreCase(word) || place.enPlural.equalsIgnoreCase(word)) {
          return Optional.of(place);
        }
      }
      return Optional.empty();
    }

    boolean plural(String word) {
      return enPlural.equalsIgnoreCase(word) && !en.equalsIgnoreCase(word);
    }
  }

  /** The outcome: the citation in three languages, or the reason the cell cannot be read. */
  record Result(Optional<Text> text, Optional<Phrase> problem) {}

  private final Map<String, Text> norms;

  Citations(Map<String, Text> norms) {
    this.norms = Map.copyOf(norms);
  }

  Result render(String cell) {
    List<String> kk = new ArrayList<>();
    List<String> ru = new ArrayList<>();
    List<String> en = new ArrayList<>();
    String previous = null;
    for (String reference : cell.split(";")) {
      String trimmed = reference.strip();
      if (trimmed.isEmpty()) {
        return problem(Phrase.of("citation.empty"));
      }
      String[] parts = trimmed.split(",", 2);
      String code = parts[0].strip();
      Text name = norms.get(code);
      if (name == null) {
        if (Cells.CODE.matcher(code).matches()) {
          Optional<Phrase> near = Nearest.suggestion(code, norms.keySet());
          return new Result(Optional.empty(), Optional.of(near.isPresent()
              ? Phrase.of("compile.unknown-norm-near", "code", code, "near", near.get())
              : Phrase.of("compile.unknown-norm", "code", code)));
        }
        return problem(Phrase.of("citation.starts-with-norm", "code", code));
      }
      // Several places in one act name the act once: "Order No. 992, Annex 3, item 8, sub-item 2); item 8, ...".
      boolean again = code.equals(previous);
      previous = code;
      StringBuilder k = new StringBuilder(again ? "" : name.kk());
      StringBuilder r = new StringBuilder(again ? "" : name.ru());
      StringBuilder e = new StringBuilder(again ? "" : name.en());
      if (parts.length == 2) {
        String places = parts[1].strip();
        Matcher matcher = PART.matcher(places);
        int at = 0;
        while (at < places.length()) {
          if (!matcher.find(at) || matcher.start() != at) {
            return problem(Phrase.of("citation.unreadable-place", "text", places.substring(at), "code", code));
          }
          String word = matcher.group("word").strip();
          Optional<Place> place = Place.of(word);
          if (place.isEmpty()) {
            return problem(Phrase.of("citation.unknown-place", "word", word, "code", code));
          }
          String numbers = matcher.group("numbers");
          boolean plural = place.get().plural(word);
          e.append(", ").append(plural ? place.get().enPlural : place.get().en).append(' ').append(numbers);
          r.append(", ").append(plural ? place.get().ruPlural : place.get().ru).append(' ')
              .append(numbers.replace(" and ", " и "));
          k.append(", ").append(kazakh(place.get(), numbers, plural));
          at = matcher.end();
          if (at < places.length()) {
            if (!places.startsWith(", ", at)) {
              return problem(Phrase.of("citation.separator", "code", code));
            }
            at += 2;
          }
        }
      }
      if (again && parts.length < 2) {
        return problem(Phrase.of("citation.cited-twice", "code", code));
      }
      kk.add(again ? k.substring(2) : k.toString());
      ru.add(again ? r.substring(2) : r.toString());
      en.add(again ? e.substring(2) : e.toString());
    }
    return new Result(Optional.of(new Text(String.join("; ", kk), String.join("; ", ru), String.join("; ", en))),
        Optional.empty());
  }

  /** Kazakh puts the number first: "3-қосымша", "49-бап", "4) тармақша", "1, 2 және 4-тармақтар". */
  private static String kazakh(Place place, String numbers, boolean plural) {
    String word = plural ? place.kkPlural : place.kk;
    String list = numbers.replace(" and ", " және ");
    return place.bracketed || list.endsWith(")") ? list + " " + word : list + "-" + word;
  }

  private static Result problem(Phrase message) {
    return new Result(Optional.empty(), Optional.of(message));
  }
}

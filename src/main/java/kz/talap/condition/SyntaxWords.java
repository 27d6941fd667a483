package kz.talap.condition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.talap.source.Phrase;
import kz.talap.source.Quoted;

/**
 * Says in plain words why a condition cannot be read. CEL's parser reports in its grammar's terms (tokens, "expecting
 * {…}"); an editor needs the first thing to fix, so the source is read again here with a small scanner that knows
 * the mistakes people make: a missing value at the end, unbalanced brackets and quotes, '=' for '==', 'and' for
 * '&&', two values without an operator between them.
 */
final class SyntaxWords {
  /** A problem at a character offset of the source. */
  record At(int offset, Phrase phrase) {}

  private enum Kind { WORD, NUMBER, STRING, OPERATOR, OPEN, CLOSE, COMMA, DOT, OTHER }

  private record Token(Kind kind, String text, int offset) {}

  private static final Set<String> BINARY = Set.of("==", "!=", "<", "<=", ">", ">=", "&&", "||", "+", "*", "/", "%",
      "?", ":", "in");
  private static final String OPENERS = "([{";
  private static final String CLOSERS = ")]}";

  private final String source;
  private final Set<String> names;
  private final List<Token> tokens = new ArrayList<>();

  /** @param names the declared names, so a fact that happens to be called 'and' is not taken for an operator */
  SyntaxWords(String source, Set<String> names) {
    this.source = source;
    this.names = names;
  }

  /**
   * The first problem of the source in plain words; {@code celOffset} is where CEL's parser stopped, used when the
   * scanner finds nothing it knows.
   */
  At explain(int celOffset) {
    Optional<At> lexical = scan();
    if (lexical.isPresent()) {
      return lexical.get();
    }
    return brackets().or(this::structure).orElseGet(() -> fallback(celOffset));
  }

  private Optional<At> scan() {
    int i = 0;
    while (i < source.length()) {
      char ch = source.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
      } else if (ch < 128 && (Character.isLetter(ch) || ch == '_')) {
        int end = i;
        while (end < source.length() && source.charAt(end) < 128
            && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '_')) {
          end++;
        }
        String word = source.substring(i, end);
        Optional<String> symbol = operatorFor(word);
        if (symbol.isPresent() && !names.contains(word)) {
          return Optional.of(new At(i, Phrase.of("condition.word-operator", "word", word, "symbol", symbol.get())));
        }
        tokens.add(new Token(word.equals("in") ? Kind.OPERATOR : Kind.WORD, word, i));
        i = end;
      } else if (ch >= '0' && ch <= '9') {
        int end = i;
        while (end < source.length() && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '.')) {
          end++;
        }
        tokens.add(new Token(Kind.NUMBER, source.substring(i, end), i));
        i = end;
      } else if (ch == '\'' || ch == '"') {
        int end = i + 1;
        while (end < source.length() && source.charAt(end) != ch && source.charAt(end) != '\n') {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        if (end >= source.length() || source.charAt(end) != ch) {
          return Optional.of(new At(i, Phrase.of("condition.unclosed-quote", "quote", String.valueOf(ch))));
        }
        tokens.add(new Token(Kind.STRING, source.substring(i, end + 1), i));
        i = end + 1;
      } else {
        String two = i + 1 < source.length() ? source.substring(i, i + 2) : "";
        if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("&&")
            || two.equals("||")) {
          tokens.add(new Token(Kind.OPERATOR, two, i));
          i += 2;
          continue;
        }
        switch (ch) {
          case '=' -> {
            return Optional.of(new At(i, Phrase.of("condition.single-equals")));
          }
          case '&' -> {
            return Optional.of(new At(i, Phrase.of("condition.single-symbol", "found", "&", "symbol", "&&")));
          }
          case '|' -> {
            return Optional.of(new At(i, Phrase.of("condition.single-symbol", "found", "|", "symbol", "||")));
          }
          case '<', '>', '!', '+', '-', '*', '/', '%', '?', ':' -> tokens.add(new Token(Kind.OPERATOR, "" + ch, i));
          case '(', '[', '{' -> tokens.add(new Token(Kind.OPEN, "" + ch, i));
          case ')', ']', '}' -> tokens.add(new Token(Kind.CLOSE, "" + ch, i));
          case ',' -> tokens.add(new Token(Kind.COMMA, ",", i));
          case '.' -> tokens.add(new Token(Kind.DOT, ".", i));
          default -> {
            String symbol = new String(Character.toChars(source.codePointAt(i)));
            // A Cyrillic letter typed with the keyboard in the wrong layout looks like a Latin one.
            return Optional.of(new At(i, Phrase.of(Character.isLetter(source.codePointAt(i))
                ? "condition.foreign-letter" : "condition.unexpected-symbol", "symbol", Quoted.escape(symbol))));
          }
        }
        i++;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> operatorFor(String word) {
    return switch (word.toLowerCase(java.util.Locale.ROOT)) {
      case "and" -> Optional.of("&&");
      case "or" -> Optional.of("||");
      case "not" -> Optional.of("!");
      default -> Optional.empty();
    };
  }

  private Optional<At> brackets() {
    Deque<Token> open = new ArrayDeque<>();
    for (Token token : tokens) {
      if (token.kind() == Kind.OPEN) {
        open.push(token);
      } else if (token.kind() == Kind.CLOSE) {
        String expected = open.isEmpty() ? null : closer(open.peek().text());
        if (expected == null) {
          return Optional.of(new At(token.offset(), Phrase.of("condition.unopened", "close", token.text(),
              "open", opener(token.text()))));
        }
        if (!expected.equals(token.text())) {
          return Optional.of(new At(token.offset(), Phrase.of("condition.wrong-close", "open", open.peek().text(),
              "close", expected, "found", token.text())));
        }
        open.pop();
      }
    }
    if (!open.isEmpty()) {
      Token last = open.peek();
      return Optional.of(new At(last.offset(), Phrase.of("condition.unclosed", "open", last.text(),
          "close", closer(last.text()))));
    }
    return Optional.empty();
  }

  private static String closer(String opener) {
    return String.valueOf(CLOSERS.charAt(OPENERS.indexOf(opener)));
  }

  private static String opener(String closer) {
    return String.valueOf(OPENERS.charAt(CLOSERS.indexOf(closer)));
  }

  /** Walks the tokens expecting a value or an operator in turn. */
  private Optional<At> structure() {
    boolean wantValue = true;
    Token previous = null;
    for (Token token : tokens) {
      boolean valueStart = token.kind() == Kind.WORD || token.kind() == Kind.NUMBER || token.kind() == Kind.STRING
          || token.kind() == Kind.OPEN || token.text().equals("!") || token.text().equals("-");
      if (wantValue) {
        boolean emptyBrackets = token.kind() == Kind.CLOSE && previous != null && previous.kind() == Kind.OPEN;
        if (!valueStart && !emptyBrackets) {
          return Optional.of(new At(token.offset(), previous == null
              ? Phrase.of("condition.starts-with", "found", shown(token))
              : Phrase.of("condition.missing-value", "after", shown(previous), "found", shown(token))));
        }
        wantValue = token.kind() == Kind.OPEN || token.kind() == Kind.OPERATOR;
      } else {
        if (token.kind() == Kind.WORD || token.kind() == Kind.NUMBER || token.kind() == Kind.STRING) {
          return Optional.of(new At(token.offset(), Phrase.of("condition.missing-operator",
              "found", shown(token), "after", shown(previous))));
        }
        // An opening bracket after a value is a call or an index; an operator, a comma or a dot wants a value.
        wantValue = token.kind() != Kind.CLOSE;
        if (token.kind() == Kind.OPERATOR && !BINARY.contains(token.text()) && !token.text().equals("-")) {
          return Optional.of(new At(token.offset(), Phrase.of("condition.missing-operator",
              "found", shown(token), "after", shown(previous))));
        }
      }
      previous = token;
    }
    if (wantValue) {
      return Optional.of(previous == null
          ? new At(0, Phrase.of("condition.empty"))
          : new At(source.length(), Phrase.of("condition.ends-early", "after", shown(previous))));
    }
    return Optional.empty();
  }

  /** A token as a message shows it: in quotes, a text literal with its own. */
  private static String shown(Token token) {
    return token.kind() == Kind.STRING ? Quoted.inner(token.text()) : "'" + Quoted.inner(token.text()) + "'";
  }

  /** Nothing the scanner knows: say what is at the place CEL's parser stopped. */
  private At fallback(int celOffset) {
    for (Token token : tokens) {
      if (token.offset() >= celOffset) {
        return new At(token.offset(), Phrase.of("condition.unreadable", "found", shown(token)));
      }
    }
    return new At(source.length(), Phrase.of("condition.unreadable-end"));
  }
}

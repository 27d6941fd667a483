package kz.talap.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fast way to evaluate the conditions catalogues actually write — names, whole numbers, texts, yes/no, lists of
 * texts, {@code !}, {@code &&}, {@code ||}, {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=} on
 * whole numbers, and {@code in} — without CEL's runtime, which takes longer to set up than a whole check of one
 * submission. It only answers when it is sure: anything else in the expression (a function, arithmetic, a text
 * comparison by order, an escape in a text) means it is not used for that condition, and anything unusual in the
 * values (a missing name, an unexpected type) means CEL evaluates that one call. What it answers is what CEL
 * answers ({@code SimpleTest} compares them on every condition of the shipped catalogue over many values).
 */
final class Simple {
  /** Conditions by source: many rows share one, and a source is read once. */
  private static final Map<String, Optional<Simple>> READ = new ConcurrentHashMap<>();

  private final Node root;

  private Simple(Node root) {
    this.root = root;
  }

  /** The fast evaluator of a condition, or empty when the expression uses more than it knows. */
  static Optional<Simple> of(String source) {
    return READ.computeIfAbsent(source, s -> Optional.ofNullable(new Reader(s).read()).map(Simple::new));
  }

  /** Whether the condition holds, or null when CEL must say (a name without a value, a value of another type). */
  Boolean test(Map<String, ?> values) {
    try {
      return root.eval(values) instanceof Boolean result ? result : null;
    } catch (Unsure e) {
      return null;
    }
  }

  /** Thrown when the values are not what the fast way expects; CEL then evaluates the condition. */
  private static final class Unsure extends RuntimeException {
    static final Unsure INSTANCE = new Unsure();

    private Unsure() {
      super(null, null, false, false);
    }
  }

  private interface Node {
    Object eval(Map<String, ?> values);
  }

  private record Literal(Object value) implements Node {
    @Override
    public Object eval(Map<String, ?> values) {
      return value;
    }
  }

  private record Name(String name) implements Node {
    @Override
    public Object eval(Map<String, ?> values) {
      Object value = values.get(name);
      if (value instanceof Boolean || value instanceof Long || value instanceof String || value instanceof List) {
        return value;
      }
      throw Unsure.INSTANCE;
    }
  }

  private record Not(Node operand) implements Node {
    @Override
    public Object eval(Map<String, ?> values) {
      return !bool(operand.eval(values));
    }
  }

  /** {@code &&} and {@code ||}, left to right; the right side is not read once the left decides. */
  private record Logic(boolean and, Node left, Node right) implements Node {
    @Override
    public Object eval(Map<String, ?> values) {
      boolean first = bool(left.eval(values));
      if (first != and) {
        return first;
      }
      return bool(right.eval(values));
    }
  }

  private record Relation(String operator, Node left, Node right) implements Node {
    @Override
    public Object eval(Map<String, ?> values) {
      Object a = left.eval(values);
      Object b = right.eval(values);
      switch (operator) {
        case "in" -> {
          if (b instanceof List<?> list && (a instanceof String || a instanceof Long)) {
            for (Object item : list) {
              if (!item.getClass().equals(a.getClass())) {
                throw Unsure.INSTANCE;
              }
            }
            return list.contains(a);
          }
          throw Unsure.INSTANCE;
        }
        case "==", "!=" -> {
          if (a.getClass().equals(b.getClass()) && !(a instanceof List)) {
            return a.equals(b) == operator.equals("==");
          }
          throw Unsure.INSTANCE;
        }
        default -> {
          if (a instanceof Long x && b instanceof Long y) {
            int order = Long.compare(x, y);
            return switch (operator) {
              case "<" -> order < 0;
              case "<=" -> order <= 0;
              case ">" -> order > 0;
              default -> order >= 0;
            };
          }
          throw Unsure.INSTANCE;
        }
      }
    }
  }

  private static boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw Unsure.INSTANCE;
  }

  /** A recursive-descent reader of CEL's grammar, cut down to what {@link Simple} evaluates; null for the rest. */
  private static final class Reader {
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    Node read() {
      try {
        Node node = or();
        space();
        return at == text.length() ? node : null;
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    private Node or() {
      Node node = and();
      while (take("||")) {
        node = new Logic(false, node, and());
      }
      return node;
    }

    private Node and() {
      Node node = relation();
      while (take("&&")) {
        node = new Logic(true, node, relation());
      }
      return node;
    }

    private Node relation() {
      Node left = unary();
      for (String operator : List.of("==", "!=", "<=", ">=", "<", ">")) {
        if (take(operator)) {
          return new Relation(operator, left, unary());
        }
      }
      space();
      if (text.startsWith("in", at) && (at + 2 == text.length() || !word(text.charAt(at + 2)))) {
        at += 2;
        return new Relation("in", left, unary());
      }
      return left;
    }

    private Node unary() {
      space();
      if (peek('!') && !text.startsWith("!=", at)) {
        at++;
        return new Not(unary());
      }
      return primary();
    }

    private Node primary() {
      space();
      if (at >= text.length()) {
        throw new IllegalArgumentException();
      }
      char c = text.charAt(at);
      if (c == '(') {
        at++;
        Node inner = or();
        expect(')');
        return inner;
      }
      if (c == '[') {
        at++;
        List<Object> items = new ArrayList<>();
        space();
        if (!peek(']')) {
          do {
            Node item = primary();
            if (!(item instanceof Literal literal)) {
              throw new IllegalArgumentException();
            }
            items.add(literal.value());
            space();
          } while (take(","));
        }
        expect(']');
        return new Literal(List.copyOf(items));
      }
      if (c == '\'' || c == '"') {
        int end = text.indexOf(c, at + 1);
        if (end < 0 || text.substring(at + 1, end).indexOf('\\') >= 0 || text.substring(at + 1, end).contains("\n")) {
          throw new IllegalArgumentException();
        }
        String value = text.substring(at + 1, end);
        at = end + 1;
        return new Literal(value);
      }
      if (c == '-' || Character.isDigit(c)) {
        int start = at;
        at++;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
          at++;
        }
        if (at < text.length() && (word(text.charAt(at)) || text.charAt(at) == '.')) {
          throw new IllegalArgumentException(); // 1u, 1.5, 0x1F: not whole numbers written plainly
        }
        return new Literal(Long.parseLong(text.substring(start, at))); // too large: NumberFormatException
      }
      if (word(c) && !Character.isDigit(c)) {
        int start = at;
        while (at < text.length() && word(text.charAt(at))) {
          at++;
        }
        String name = text.substring(start, at);
        space();
        if (peek('(') || peek('.')) {
          throw new IllegalArgumentException(); // a function or a field: CEL's
        }
        return switch (name) {
          case "true" -> new Literal(Boolean.TRUE);
          case "false" -> new Literal(Boolean.FALSE);
          case "null", "in" -> throw new IllegalArgumentException();
          default -> new Name(name);
        };
      }
      throw new IllegalArgumentException();
    }

    private static boolean word(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private void space() {
      while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t' || text.charAt(at) == '\n'
          || text.charAt(at) == '\r')) {
        at++;
      }
    }

    private boolean peek(char c) {
      return at < text.length() && text.charAt(at) == c;
    }

    private boolean take(String token) {
      space();
      if (text.startsWith(token, at)) {
        at += token.length();
        return true;
      }
      return false;
    }

    private void expect(char c) {
      space();
      if (!peek(c)) {
        throw new IllegalArgumentException();
      }
      at++;
    }
  }
}

package kz.talap.condition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.talap.model.Enums.FactType;
import kz.talap.source.Nearest;
import kz.talap.source.Phrase;
import kz.talap.source.Quoted;

/**
 * Says in plain words what CEL's checker found: an unknown fact, country group or function (with the nearest known
 * names), values that cannot be compared, 'in' without a list, a condition that is not yes or no. The checker's own
 * words (overloads, candidates, type parameters) never reach the editor.
 */
final class TypeWords {
  private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'.*");
  private static final Pattern OVERLOAD =
      Pattern.compile("found no matching overload for '([^']*)' applied to '\\((.*)\\)'.*", Pattern.DOTALL);
  private static final Pattern RESULT = Pattern.compile("expected type 'bool' but found '([^']*)'.*");
  /** The functions and macros a condition may call. */
  static final Set<String> FUNCTIONS = Set.of("size", "startsWith", "endsWith", "contains", "matches", "has", "all",
      "exists", "exists_one", "map", "filter", "int", "string");
  private static final Map<String, String> OPERATORS = Map.ofEntries(Map.entry("_==_", "=="),
      Map.entry("_!=_", "!="), Map.entry("_<_", "<"), Map.entry("_<=_", "<="), Map.entry("_>_", ">"),
      Map.entry("_>=_", ">="), Map.entry("@in", "in"), Map.entry("_+_", "+"), Map.entry("_-_", "-"),
      Map.entry("_*_", "*"), Map.entry("_/_", "/"), Map.entry("_%_", "%"), Map.entry("!_", "!"),
      Map.entry("-_", "-"), Map.entry("_&&_", "&&"), Map.entry("_||_", "||"), Map.entry("_?_:_", "?"),
      Map.entry("_[_]", "[]"));
  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

  private final Map<String, FactType> facts;
  private final Set<String> lists;

  TypeWords(Map<String, FactType> facts, Set<String> lists) {
    this.facts = facts;
    this.lists = lists;
  }

  /** The issue in plain words; {@code parsed} is the condition as parsed, before the check failed. */
  Phrase explain(CelIssue issue, CelAbstractSyntaxTree parsed, String found) {
    String message = issue.getMessage();
    Matcher undeclared = UNDECLARED.matcher(message);
    if (undeclared.matches()) {
      return unknown(undeclared.group(1), parsed.getExpr());
    }
    Matcher overload = OVERLOAD.matcher(message);
    if (overload.matches()) {
      Optional<CelExpr> call = find(parsed.getExpr(), issue.getExprId());
      return overload(overload.group(1), types(overload.group(2)), call);
    }
    Matcher result = RESULT.matcher(message);
    if (result.matches()) {
      return Phrase.of("condition.not-yes-no", "type", type(result.group(1)));
    }
    return Phrase.of("condition.does-not-fit", "found", found);
  }

  private Phrase unknown(String name, CelExpr root) {
    if (facts.get(name) == FactType.DATE) {
      return Phrase.of("condition.date-fact", "name", name);
    }
    if (calls(root, name)) {
      return withSuggestion("condition.unknown-function", name, FUNCTIONS);
    }
    if (inGroup(root, name) || (!lists.isEmpty() && !Nearest.to(name, lists).isEmpty()
        && Nearest.to(name, facts.keySet()).isEmpty())) {
      return withSuggestion("condition.unknown-group", name, lists);
    }
    List<String> known = new ArrayList<>();
    facts.forEach((fact, type) -> {
      if (type != FactType.DATE) {
        known.add(fact);
      }
    });
    known.addAll(lists);
    return withSuggestion("condition.unknown-fact", name, known);
  }

  private static Phrase withSuggestion(String key, String name, java.util.Collection<String> known) {
    Optional<Phrase> near = Nearest.suggestion(name, known);
    return near.isPresent()
        ? Phrase.of(key + "-near", "name", Quoted.inner(name), "near", near.get())
        : Phrase.of(key, "name", Quoted.inner(name));
  }

  private Phrase overload(String function, List<String> types, Optional<CelExpr> call) {
    List<CelExpr> operands = new ArrayList<>();
    call.filter(e -> e.exprKind().getKind() == CelExpr.ExprKind.Kind.CALL).ifPresent(e -> {
      e.call().target().ifPresent(operands::add);
      operands.addAll(e.call().args());
    });
    List<Phrase> said = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      said.add(operand(i < operands.size() ? Optional.of(operands.get(i)) : Optional.empty(), types.get(i)));
    }
    String operator = OPERATORS.get(function);
    if (operator == null) {
      return Phrase.of("condition.function-cannot-take", "name", Quoted.inner(function), "values", and(said));
    }
    if (operator.equals("in") && said.size() == 2) {
      return types.get(1).startsWith("list(") || types.get(1).startsWith("map(")
          ? Phrase.of("condition.in-wrong-element", "left", said.get(0), "right", said.get(1))
          : Phrase.of("condition.in-not-list", "right", said.get(1));
    }
    if (COMPARISONS.contains(operator) && said.size() == 2) {
      for (int i = 0; i < 2; i++) {
        Optional<String> fact = operands.size() == 2 ? ident(operands.get(i)) : Optional.empty();
        if (fact.isPresent() && facts.get(fact.get()) == FactType.BOOL && types.get(1 - i).equals("string")) {
          return Phrase.of("condition.yes-no-compared", "name", fact.get(), "other", said.get(1 - i));
        }
      }
      return Phrase.of("condition.cannot-compare", "left", said.get(0), "right", said.get(1), "operator", operator);
    }
    return Phrase.of("condition.operator-cannot-take", "operator", operator, "values", and(said));
  }

  private static Phrase and(List<Phrase> said) {
    if (said.size() == 1) {
      return said.get(0);
    }
    return Phrase.of("condition.values-two", "a", said.get(0), "b", said.get(1));
  }

  private static Optional<String> ident(CelExpr expr) {
    return expr.exprKind().getKind() == CelExpr.ExprKind.Kind.IDENT ? Optional.of(expr.ident().name())
        : Optional.empty();
  }

  /** One operand as the message names it: the fact or group, the literal, or only its type. */
  private Phrase operand(Optional<CelExpr> expr, String celType) {
    if (expr.isPresent()) {
      Optional<String> name = ident(expr.get());
      if (name.isPresent() && facts.containsKey(name.get())) {
        return Phrase.of("condition.operand-fact", "name", name.get(), "type", factType(facts.get(name.get())));
      }
      if (name.isPresent() && lists.contains(name.get())) {
        return Phrase.of("condition.operand-group", "name", name.get());
      }
      if (expr.get().exprKind().getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
        return Phrase.of("condition.operand-literal", "type", type(celType), "value",
            literal(expr.get().constant()));
      }
    }
    return type(celType);
  }

  private static String literal(CelConstant constant) {
    return switch (constant.getKind()) {
      case STRING_VALUE -> "'" + Quoted.inner(constant.stringValue()) + "'";
      case INT64_VALUE -> String.valueOf(constant.int64Value());
      case UINT64_VALUE -> constant.uint64Value() + "u";
      case DOUBLE_VALUE -> String.valueOf(constant.doubleValue());
      case BOOLEAN_VALUE -> String.valueOf(constant.booleanValue());
      default -> "null";
    };
  }

  private static Phrase factType(FactType type) {
    return Phrase.of(switch (type) {
      case BOOL -> "type.bool";
      case INT -> "type.int";
      case COUNTRY -> "type.country";
      default -> "type.string";
    });
  }

  /** A CEL type name in words. */
  static Phrase type(String celType) {
    if (celType.startsWith("list(")) {
      return Phrase.of("type.list");
    }
    return switch (celType) {
      case "int", "uint" -> Phrase.of("type.int");
      case "string" -> Phrase.of("type.string");
      case "bool" -> Phrase.of("type.bool");
      case "double" -> Phrase.of("type.double");
      case "null_type" -> Phrase.of("type.null");
      default -> Phrase.of("type.other");
    };
  }

  /** The argument types of "applied to '(int, list(string))'", split at the top-level commas. */
  static List<String> types(String list) {
    List<String> types = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < list.length(); i++) {
      char ch = list.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        types.add(list.substring(start, i).strip());
        start = i + 1;
      }
    }
    if (!list.isBlank()) {
      types.add(list.substring(start).strip());
    }
    return types;
  }

  private static boolean calls(CelExpr expr, String function) {
    return any(expr, e -> e.exprKind().getKind() == CelExpr.ExprKind.Kind.CALL && e.call().target().isEmpty()
        && e.call().function().equals(function));
  }

  private static boolean inGroup(CelExpr expr, String name) {
    return any(expr, e -> e.exprKind().getKind() == CelExpr.ExprKind.Kind.CALL && e.call().function().equals("@in")
        && e.call().args().size() == 2 && ident(e.call().args().get(1)).filter(name::equals).isPresent());
  }

  private static Optional<CelExpr> find(CelExpr expr, long id) {
    List<CelExpr> found = new ArrayList<>();
    any(expr, e -> {
      if (e.id() == id) {
        found.add(e);
        return true;
      }
      return false;
    });
    return found.stream().findFirst();
  }

  private static boolean any(CelExpr expr, java.util.function.Predicate<CelExpr> test) {
    if (test.test(expr)) {
      return true;
    }
    for (CelExpr child : children(expr)) {
      if (any(child, test)) {
        return true;
      }
    }
    return false;
  }

  private static List<CelExpr> children(CelExpr expr) {
    List<CelExpr> children = new ArrayList<>();
    switch (expr.exprKind().getKind()) {
      case CALL -> {
        expr.call().target().ifPresent(children::add);
        children.addAll(expr.call().args());
      }
      case SELECT -> children.add(expr.select().operand());
      case LIST -> children.addAll(expr.list().elements());
      case MAP -> expr.map().entries().forEach(e -> {
        children.add(e.key());
        children.add(e.value());
      });
      case COMPREHENSION -> {
        children.add(expr.comprehension().iterRange());
        children.add(expr.comprehension().accuInit());
        children.add(expr.comprehension().loopCondition());
        children.add(expr.comprehension().loopStep());
        children.add(expr.comprehension().result());
      }
      default -> { }
    }
    return children;
  }
}

package kz.talap.condition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.talap.source.Nearest;
import kz.talap.source.Phrase;
import kz.talap.source.Quoted;

/**
 * Finds texts that a fact with allowed values can never have ({@code purpose == 'WROK'}): the condition would type-check
 * and silently never hold, so it is an error with the nearest allowed values.
 */
final class ValueWords {
  private final Map<String, List<String>> allowed;

  ValueWords(Map<String, List<String>> allowed) {
    this.allowed = allowed;
  }

  List<ConditionCompiler.Problem> unknownValues(String source, CelAbstractSyntaxTree ast) {
    List<ConditionCompiler.Problem> problems = new ArrayList<>();
    if (!allowed.isEmpty()) {
      visit(ast.getExpr(), source, ast, problems);
    }
    return problems;
  }

  private void visit(CelExpr expr, String source, CelAbstractSyntaxTree ast, List<ConditionCompiler.Problem> out) {
    if (expr.exprKind().getKind() == CelExpr.ExprKind.Kind.CALL) {
      String function = expr.call().function();
      List<CelExpr> args = expr.call().args();
      if (args.size() == 2 && (function.equals("_==_") || function.equals("_!=_"))) {
        check(args.get(0), List.of(args.get(1)), source, ast, out);
        check(args.get(1), List.of(args.get(0)), source, ast, out);
      } else if (args.size() == 2 && function.equals("@in")
          && args.get(1).exprKind().getKind() == CelExpr.ExprKind.Kind.LIST) {
        check(args.get(0), args.get(1).list().elements(), source, ast, out);
      }
      expr.call().target().ifPresent(t -> visit(t, source, ast, out));
      args.forEach(a -> visit(a, source, ast, out));
    } else if (expr.exprKind().getKind() == CelExpr.ExprKind.Kind.LIST) {
      expr.list().elements().forEach(e -> visit(e, source, ast, out));
    } else if (expr.exprKind().getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
      visit(expr.comprehension().iterRange(), source, ast, out);
      visit(expr.comprehension().loopStep(), source, ast, out);
    }
  }

  private void check(CelExpr fact, List<CelExpr> values, String source, CelAbstractSyntaxTree ast,
      List<ConditionCompiler.Problem> out) {
    if (fact.exprKind().getKind() != CelExpr.ExprKind.Kind.IDENT) {
      return;
    }
    String name = fact.ident().name();
    List<String> known = allowed.getOrDefault(name, List.of());
    if (known.isEmpty()) {
      return;
    }
    for (CelExpr value : values) {
      if (value.exprKind().getKind() != CelExpr.ExprKind.Kind.CONSTANT
          || value.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
        continue;
      }
      String text = value.constant().stringValue();
      if (known.contains(text)) {
        continue;
      }
      Optional<Phrase> near = Nearest.suggestion(text, known);
      Phrase phrase = near.isPresent()
          ? Phrase.of("condition.unknown-value-near", "value", Quoted.inner(text), "name", name, "near", near.get(),
              "allowed", String.join(", ", known))
          : Phrase.of("condition.unknown-value", "value", Quoted.inner(text), "name", name, "allowed",
              String.join(", ", known));
      int offset = ast.getSource().getPositionsMap().getOrDefault(value.id(), 0);
      out.add(ConditionCompiler.problemAt(source, Math.min(offset, source.length()), phrase));
    }
  }
}

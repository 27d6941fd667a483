package kz.talap.condition;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.expr.CheckedExpr;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.talap.model.Enums.FactType;

/** Compiles CEL conditions against the declared facts and country groups, with positions for every problem. */
public final class ConditionCompiler {
  private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'.*");
  private CelCompiler compiler;
  private final Map<String, FactType> facts;
  private final Set<String> lists;
  /**
   * Results by source text. Checking builds CEL's standard environment again on every call, and a catalogue repeats
   * a few expressions in thousands of cells; a result is immutable, so equal sources share one.
   */
  private final Map<String, Result> compiled = new HashMap<>();

  /** A problem in a condition: 1-based line, 0-based column in that line, and the message. */
  public record Problem(int line, int column, String message) {}

  /** A compiled condition, or the problems that prevented it. */
  public record Result(Optional<Condition> condition, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  /**
   * @param facts the declared facts by name; DATE facts cannot be used in conditions
   * @param lists names of list-of-string variables (country groups)
   */
  public ConditionCompiler(Map<String, FactType> facts, Set<String> lists) {
    this.facts = Map.copyOf(facts);
    this.lists = Set.copyOf(lists);
  }

  /** CEL's runtime, built when the first condition is made into a program. */
  private static final class Runtime {
    static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  }

  /** The CEL compiler for the declared names, built on first use: a loaded catalogue may never need it. */
  private synchronized CelCompiler compiler() {
    if (compiler == null) {
      CelCompilerBuilder builder =
          CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL);
      facts.forEach((name, type) -> {
        if (type != FactType.DATE) {
          builder.addVar(name, celType(type));
        }
      });
      for (String list : lists) {
        builder.addVar(list, ListType.create(SimpleType.STRING));
      }
      compiler = builder.build();
    }
    return compiler;
  }

  /**
   * A condition that compiled before (in a compiled catalogue), with the names and literals found then; it is
   * compiled again only when first evaluated, so loading a catalogue costs no CEL work.
   */
  public Condition compiled(String source, byte[] checked, Set<String> names, Set<Long> integers,
      Set<String> strings) {
    byte[] bytes = checked.clone();
    return new Condition(source, () -> {
      try {
        // The stored, type-checked expression needs neither CEL's parser nor its checker.
        return Runtime.RUNTIME.createProgram(
            CelProtoAbstractSyntaxTree.fromCheckedExpr(CheckedExpr.parseFrom(bytes)).getAst());
      } catch (InvalidProtocolBufferException | CelEvaluationException | RuntimeException e) {
        Result result = compile(source);
        if (result.condition().isEmpty()) {
          throw new IllegalStateException("condition '" + source + "' no longer compiles: " + result.problems());
        }
        return result.condition().get().program();
      }
    }, () -> bytes, names, integers, strings);
  }

  private static CelType celType(FactType type) {
    return switch (type) {
      case BOOL -> SimpleType.BOOL;
      case INT -> SimpleType.INT;
      default -> SimpleType.STRING;
    };
  }

  /** Compiles one condition; the same source compiled again gives the same result without compiling it again. */
  public synchronized Result compile(String source) {
    Result result = compiled.get(source);
    if (result == null) {
      result = compileNew(source);
      compiled.put(source, result);
    }
    return result;
  }

  private Result compileNew(String source) {
    CelCompiler compiler = compiler();
    CelValidationResult parsed = compiler.parse(source);
    if (parsed.hasError()) {
      return failure(parsed, "syntax error: ");
    }
    try {
      CelValidationResult checked = compiler.check(parsed.getAst());
      if (checked.hasError()) {
        return failure(checked, "type error: ");
      }
      CelAbstractSyntaxTree ast = checked.getAst();
      Set<String> names = new TreeSet<>();
      collectNames(ast.getExpr(), names);
      Set<Long> integers = new TreeSet<>();
      Set<String> strings = new TreeSet<>();
      collectLiterals(ast.getExpr(), integers, strings);
      byte[][] stored = new byte[1][];
      java.util.function.Supplier<byte[]> serialised = () -> {
        synchronized (stored) {
          if (stored[0] == null) {
            stored[0] = CelProtoAbstractSyntaxTree.fromCelAst(ast).toCheckedExpr().toByteArray();
          }
          return stored[0];
        }
      };
      return new Result(Optional.of(new Condition(source, Runtime.RUNTIME.createProgram(ast), serialised, names,
          integers, strings)), List.of());
    } catch (CelValidationException | CelEvaluationException e) {
      return new Result(Optional.empty(), List.of(new Problem(1, 0, e.getMessage())));
    }
  }

  private Result failure(CelValidationResult result, String prefix) {
    List<Problem> problems = result.getErrors().stream().map(issue -> problem(issue, prefix)).toList();
    return new Result(Optional.empty(), problems);
  }

  private Problem problem(CelIssue issue, String prefix) {
    int line = Math.max(1, issue.getSourceLocation().getLine());
    int column = Math.max(0, issue.getSourceLocation().getColumn());
    Matcher undeclared = UNDECLARED.matcher(issue.getMessage());
    if (undeclared.matches()) {
      String name = undeclared.group(1);
      String message = facts.get(name) == FactType.DATE
          ? "fact '" + name + "' is a date and cannot be used in a condition; use a fact derived from it"
          : "undeclared fact '" + name + "' (declare it in the Facts sheet)";
      return new Problem(line, column, message);
    }
    return new Problem(line, column, prefix + issue.getMessage());
  }

  private static void collectNames(CelExpr expr, Set<String> names) {
    switch (expr.exprKind().getKind()) {
      case IDENT -> names.add(expr.ident().name());
      case CALL -> {
        expr.call().target().ifPresent(t -> collectNames(t, names));
        expr.call().args().forEach(a -> collectNames(a, names));
      }
      case SELECT -> collectNames(expr.select().operand(), names);
      case LIST -> expr.list().elements().forEach(e -> collectNames(e, names));
      case COMPREHENSION -> {
        collectNames(expr.comprehension().iterRange(), names);
        collectNames(expr.comprehension().loopStep(), names);
      }
      default -> { }
    }
  }

  private static void collectLiterals(CelExpr expr, Set<Long> integers, Set<String> strings) {
    switch (expr.exprKind().getKind()) {
      case CONSTANT -> {
        CelConstant constant = expr.constant();
        if (constant.getKind() == CelConstant.Kind.INT64_VALUE) {
          integers.add(constant.int64Value());
        } else if (constant.getKind() == CelConstant.Kind.STRING_VALUE) {
          strings.add(constant.stringValue());
        }
      }
      case CALL -> {
        expr.call().target().ifPresent(t -> collectLiterals(t, integers, strings));
        expr.call().args().forEach(a -> collectLiterals(a, integers, strings));
      }
      case SELECT -> collectLiterals(expr.select().operand(), integers, strings);
      case LIST -> expr.list().elements().forEach(e -> collectLiterals(e, integers, strings));
      case MAP -> expr.map().entries().forEach(e -> {
        collectLiterals(e.key(), integers, strings);
        collectLiterals(e.value(), integers, strings);
      });
      case COMPREHENSION -> {
        collectLiterals(expr.comprehension().iterRange(), integers, strings);
        collectLiterals(expr.comprehension().accuInit(), integers, strings);
        collectLiterals(expr.comprehension().loopCondition(), integers, strings);
        collectLiterals(expr.comprehension().loopStep(), integers, strings);
        collectLiterals(expr.comprehension().result(), integers, strings);
      }
      default -> { }
    }
  }
}

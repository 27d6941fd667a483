package kz.talap.condition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
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
import dev.cel.parser.CelStandardMacro;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.expr.CheckedExpr;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kz.talap.model.Enums.FactType;
import kz.talap.source.Phrase;
import kz.talap.source.Quoted;

/** Compiles CEL conditions against the declared facts and country groups, with positions for every problem. */
public final class ConditionCompiler {
  private CelCompiler compiler;
  private final Map<String, FactType> facts;
  private final Set<String> lists;
  private final Map<String, List<String>> allowed;
  /**
   * What a source text compiled to, by source. Checking builds CEL's standard environment again on every call, and a
   * catalogue repeats a few expressions in thousands of cells: equal sources share one check and one program, while
   * each cell's condition still names its own cell.
   */
  private final Map<String, Checked> checked = new java.util.HashMap<>();

  /** One source, type-checked and made into a program (or the problems that prevented it). */
  private record Checked(Result failure, CelRuntime.Program program, java.util.function.Supplier<byte[]> bytes,
      Condition.Names names) {}

  /** CEL's runtime, built when the first condition is made into a program. */
  private static final class Runtime {
    static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  }
  /** The values every condition is evaluated with once at compile time: a type-checked condition can still fail. */
  private final Map<String, Object> defaults;

  /** A problem in a condition: 1-based line (0: the whole condition), 0-based column in that line, what is wrong. */
  public record Problem(int line, int column, Phrase phrase) {
    /** What is wrong, in English. */
    public String message() {
      return phrase.toString();
    }
  }

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
    this(facts, lists, Map.of());
  }

  /**
   * @param allowed the allowed values of TEXT facts that have them, by fact: a condition comparing such a fact with
   *     another text is an error
   */
  public ConditionCompiler(Map<String, FactType> facts, Set<String> lists, Map<String, List<String>> allowed) {
    this.allowed = Map.copyOf(allowed);
    this.facts = Map.copyOf(facts);
    this.lists = Set.copyOf(lists);
    Map<String, Object> values = new java.util.HashMap<>();
    facts.forEach((name, type) -> values.put(name, switch (type) {
      case BOOL -> false;
      case INT -> 0L;
      default -> "";
    }));
    lists.forEach(list -> values.put(list, List.of()));
    this.defaults = Map.copyOf(values);
  }

  /** The CEL compiler for the declared names, built on first use: a loaded catalogue may never need it. */
  private synchronized CelCompiler compiler() {
    if (compiler == null) {
      CelCompilerBuilder builder =
          CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL)
              // has(), all(), exists(), exists_one(), map() and filter() are macros: without them the parser reads
              // eaeu.all(c, c == 'KZ') as a call of an undeclared 'all'.
              .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
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
   * A condition that compiled before (in a compiled catalogue), with the names and literals found then; it is made
   * into a program only when first evaluated, so loading a catalogue costs no CEL work.
   */
  public Condition compiled(String source, String where, byte[] checkedExpr, Set<String> names, Set<Long> integers,
      Set<String> strings) {
    byte[] bytes = checkedExpr.clone();
    return new Condition(source, where, () -> {
      try {
        // The stored, type-checked expression needs neither CEL's parser nor its checker.
        return Runtime.RUNTIME.createProgram(
            CelProtoAbstractSyntaxTree.fromCheckedExpr(CheckedExpr.parseFrom(bytes)).getAst());
      } catch (InvalidProtocolBufferException | CelEvaluationException | RuntimeException e) {
        Result result = compile(source, where);
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

  public Result compile(String source) {
    return compile(source, "");
  }

  /**
   * Compiles a condition written at {@code where} (such as {@code residence.xlsx: Requirements!H5}), which an
   * evaluation failure will name.
   */
  public Result compile(String source, String where) {
    return compile(source, (Object) where);
  }

  /** As {@link #compile(String, String)}, for a condition written in a cell: its location becomes text when needed. */
  public Result compile(String source, kz.talap.source.CellRef where) {
    return compile(source, (Object) where);
  }

  private synchronized Result compile(String source, Object where) {
    Checked done = checked.computeIfAbsent(source, this::check);
    if (done.failure() != null) {
      return done.failure();
    }
    return new Result(Optional.of(new Condition(source, where, done.program(), done.bytes(), done.names())),
        List.of());
  }

  private Checked check(String source) {
    CelCompiler compiler = compiler();
    CelValidationResult parsed = compiler.parse(source);
    if (parsed.hasError()) {
      return failed(syntaxFailure(source, parsed));
    }
    try {
      CelValidationResult checked = compiler.check(parsed.getAst());
      if (checked.hasError()) {
        return failed(typeFailure(source, parsed.getAst(), checked));
      }
      CelAbstractSyntaxTree ast = checked.getAst();
      List<Problem> values = new ValueWords(allowed).unknownValues(source, ast);
      if (!values.isEmpty()) {
        return failed(new Result(Optional.empty(), values));
      }
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
      CelRuntime.Program program = Runtime.RUNTIME.createProgram(ast);
      Condition.Names shared = new Condition.Names(names, integers, strings);
      Condition condition = new Condition(source, "", program, serialised, shared);
      try {
        condition.test(defaults);
      } catch (Condition.Failure e) {
        return failed(new Result(Optional.empty(), List.of(new Problem(0, 0,
            Phrase.of("condition.cannot-evaluate", "reason", e.reason())))));
      }
      return new Checked(null, program, serialised, shared);
    } catch (CelValidationException | CelEvaluationException e) {
      return failed(new Result(Optional.empty(), List.of(new Problem(1, 0,
          Phrase.of("condition.does-not-fit", "found", "'" + Quoted.inner(source) + "'")))));
    }
  }

  private static Checked failed(Result failure) {
    return new Checked(failure, null, null, null);
  }

  /** One problem in plain words: the first thing to fix, as CEL's later problems follow from it. */
  private Result syntaxFailure(String source, CelValidationResult parsed) {
    CelIssue first = parsed.getErrors().get(0);
    int celOffset = offset(source, Math.max(1, first.getSourceLocation().getLine()),
        Math.max(0, first.getSourceLocation().getColumn()));
    Set<String> names = new TreeSet<>(facts.keySet());
    names.addAll(lists);
    SyntaxWords.At at = new SyntaxWords(source, names).explain(celOffset);
    return new Result(Optional.empty(), List.of(problemAt(source, at.offset(), at.phrase())));
  }

  private Result typeFailure(String source, CelAbstractSyntaxTree ast, CelValidationResult checked) {
    TypeWords words = new TypeWords(facts, lists);
    List<Problem> problems = new java.util.ArrayList<>();
    for (CelIssue issue : checked.getErrors()) {
      int line = Math.max(1, issue.getSourceLocation().getLine());
      int column = Math.max(0, issue.getSourceLocation().getColumn());
      String found = "'" + Quoted.inner(wordAt(source, offset(source, line, column))) + "'";
      Problem problem = new Problem(line, column, words.explain(issue, ast, found));
      if (!problems.contains(problem)) {
        problems.add(problem);
      }
    }
    return new Result(Optional.empty(), problems);
  }

  /** The word or symbol at {@code offset}, for a message that can only point at it. */
  private static String wordAt(String source, int offset) {
    if (offset >= source.length()) {
      return source.strip();
    }
    int end = offset;
    while (end < source.length() && !Character.isWhitespace(source.charAt(end))) {
      end++;
    }
    return end == offset ? source.substring(offset, offset + 1) : source.substring(offset, end);
  }

  static Problem problemAt(String source, int offset, Phrase phrase) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < Math.min(offset, source.length()); i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Problem(line, offset - lineStart, phrase);
  }

  private static int offset(String source, int line, int column) {
    int offset = 0;
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < line - 1 && i < lines.length; i++) {
      offset += lines[i].length() + 1;
    }
    return Math.min(source.length(), offset + column);
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
        // The iteration and accumulator variables of a macro are not facts.
        Set<String> inner = new TreeSet<>();
        collectNames(expr.comprehension().loopStep(), inner);
        collectNames(expr.comprehension().loopCondition(), inner);
        collectNames(expr.comprehension().result(), inner);
        inner.remove(expr.comprehension().iterVar());
        inner.remove(expr.comprehension().accuVar());
        names.addAll(inner);
        collectNames(expr.comprehension().iterRange(), names);
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

package kz.talap.condition;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A type-checked CEL condition over applicant facts, ready to evaluate. */
public final class Condition {
  private final String source;
  /** Where the condition was written: its text, or a cell's location made into text when asked for. */
  private final Object where;
  /** The program, or null until a condition loaded from a compiled catalogue is first evaluated. */
  private volatile CelRuntime.Program program;
  /** Makes the program of a condition loaded from a compiled catalogue; null when the program was given. */
  private final java.util.function.Supplier<CelRuntime.Program> compile;
  /** The type-checked expression as CEL's protobuf CheckedExpr, kept so a compiled catalogue can store it. */
  private final java.util.function.Supplier<byte[]> checked;
  private final Set<String> facts;
  private final Set<Long> integers;
  /** The fast evaluator of this expression (empty if it uses more than that knows), or null until first needed. */
  private volatile Optional<Simple> simple;
  private final Set<String> strings;

  Condition(String source, String where, CelRuntime.Program program, java.util.function.Supplier<byte[]> checked,
      Set<String> facts, Set<Long> integers, Set<String> strings) {
    this(source, where, program, checked, new Names(facts, integers, strings));
  }

  /**
   * A condition of a source checked before, sharing its program and names: a catalogue repeats a few expressions in
   * hundreds of thousands of cells, and each cell's condition then costs little more than its location.
   */
  Condition(String source, Object where, CelRuntime.Program program, java.util.function.Supplier<byte[]> checked,
      Names names) {
    this.source = source;
    this.where = where;
    this.compile = null;
    this.program = program;
    this.checked = checked;
    this.facts = names.facts;
    this.integers = names.integers;
    this.strings = names.strings;
  }

  /** The names and literals of an expression, as the immutable sets a condition returns; shared by equal sources. */
  static final class Names {
    final Set<String> facts;
    final Set<Long> integers;
    final Set<String> strings;

    Names(Set<String> facts, Set<Long> integers, Set<String> strings) {
      this.facts = Set.copyOf(facts);
      this.integers = Collections.unmodifiableSet(new TreeSet<>(integers));
      this.strings = Collections.unmodifiableSet(new TreeSet<>(strings));
    }
  }

  /** A condition checked before, whose program is made when it is first evaluated. */
  Condition(String source, String where, java.util.function.Supplier<CelRuntime.Program> compile,
      java.util.function.Supplier<byte[]> checked, Set<String> facts, Set<Long> integers, Set<String> strings) {
    this.source = source;
    this.where = where;
    this.compile = compile;
    this.checked = checked;
    Names names = new Names(facts, integers, strings);
    this.facts = names.facts;
    this.integers = names.integers;
    this.strings = names.strings;
  }

  /** The expression as the editor wrote it. */
  public String source() {
    return source;
  }

  /** The type-checked expression, serialised (CEL's CheckedExpr protobuf): what a compiled catalogue stores. */
  public byte[] checkedExpression() {
    return checked.get().clone();
  }

  /** Where the condition was written, such as {@code residence.xlsx: Requirements!H5} (empty if not known). */
  public String where() {
    // A cell's location is kept as the cell, not as its text: a catalogue has a condition in 180,000 cells.
    return where.toString();
  }

  /** The fact and list names the expression uses. */
  public Set<String> facts() {
    return facts;
  }

  /** The integer literals in the expression, ascending (such as 14 and 18 in {@code age >= 14 && age < 18}). */
  public Set<Long> integerLiterals() {
    return integers;
  }

  /** The string literals in the expression, sorted (such as {@code CN} in {@code citizenship == 'CN'}). */
  public Set<String> stringLiterals() {
    return strings;
  }

  /**
   * Evaluates the condition. Values: {@code Boolean}, {@code Long}, {@code String}, and {@code List<String>} for
   * country groups; every declared name must be present.
   *
   * @throws Failure when the expression type-checks but cannot be evaluated for these values (an integer overflow,
   *     a division by zero, {@code int('x')}, a bad regular expression, an index out of range)
   */
  public boolean test(Map<String, ?> values) {
    Optional<Simple> fast = simple;
    if (fast == null) {
      fast = Simple.of(source);
      simple = fast;
    }
    if (fast.isPresent()) {
      Boolean result = fast.get().test(values);
      if (result != null) {
        return result;
      }
    }
    try {
      // A resolver reads the caller's map directly; eval(Map) would copy it on every call.
      return Boolean.TRUE.equals(program().eval(name -> java.util.Optional.ofNullable(values.get(name))));
    } catch (CelEvaluationException | RuntimeException e) {
      throw new Failure(this, reason(e));
    }
  }

  CelRuntime.Program program() {
    CelRuntime.Program made = program;
    if (made == null) {
      synchronized (this) {
        made = program;
        if (made == null) {
          made = compile.get();
          program = made;
        }
      }
    }
    return made;
  }

  /**
   * What went wrong in words ("division by zero"), then CEL's own message without its "evaluation error at
   * <input>:12:" prefix, on one line.
   */
  static String reason(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = message.replaceFirst("^evaluation error(?: at [^:]*:\\d+)?: ", "");
    message = kz.talap.source.Quoted.inner(message.lines().findFirst().orElse(message));
    if (!(e instanceof CelEvaluationException cel) || cel.getErrorCode() == null) {
      return message;
    }
    String kind = switch (cel.getErrorCode()) {
      case DIVIDE_BY_ZERO -> "division by zero";
      case NUMERIC_OVERFLOW -> "number too large";
      case INDEX_OUT_OF_BOUNDS -> "no such element in the list";
      case ATTRIBUTE_NOT_FOUND -> "no such key";
      case BAD_FORMAT -> "cannot convert the text";
      case INVALID_ARGUMENT -> "invalid argument";
      case ITERATION_BUDGET_EXCEEDED -> "too many steps";
      default -> "";
    };
    return kind.isEmpty() ? message : kind + " (" + message + ")";
  }

  /** A condition that type-checks but cannot be evaluated for some values: a catalogue error, located at its cell. */
  public static final class Failure extends RuntimeException {
    private final transient Condition condition;
    private final String reason;

    Failure(Condition condition, String reason) {
      super((condition.where().isEmpty() ? "the condition " : condition.where() + ": the condition ")
          + kz.talap.source.Quoted.of(condition.source) + " cannot be evaluated: " + reason, null, false, false);
      this.condition = condition;
      this.reason = reason;
    }

    /** Why the evaluation failed, such as "/ by zero". */
    public String reason() {
      return reason;
    }

    public Condition condition() {
      return condition;
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Condition c && c.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return source;
  }
}

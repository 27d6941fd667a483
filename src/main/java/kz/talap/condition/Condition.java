package kz.talap.condition;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A type-checked CEL condition over applicant facts, ready to evaluate. */
public final class Condition {
  private final String source;
  /** The program, or null until a condition loaded from a compiled catalogue is first evaluated. */
  private volatile CelRuntime.Program program;
  private final java.util.function.Supplier<CelRuntime.Program> compile;
  /** The type-checked expression as CEL's protobuf CheckedExpr, kept so a compiled catalogue can store it. */
  private final java.util.function.Supplier<byte[]> checked;
  private final Set<String> facts;
  private final Set<Long> integers;
  private final Set<String> strings;

  Condition(String source, CelRuntime.Program program, java.util.function.Supplier<byte[]> checked,
      Set<String> facts, Set<Long> integers, Set<String> strings) {
    this(source, () -> program, checked, facts, integers, strings);
    this.program = program;
  }

  /** A condition checked before, whose program is made when it is first evaluated. */
  Condition(String source, java.util.function.Supplier<CelRuntime.Program> compile,
      java.util.function.Supplier<byte[]> checked, Set<String> facts, Set<Long> integers, Set<String> strings) {
    this.source = source;
    this.compile = compile;
    this.checked = checked;
    this.facts = Set.copyOf(facts);
    this.integers = Collections.unmodifiableSet(new TreeSet<>(integers));
    this.strings = Collections.unmodifiableSet(new TreeSet<>(strings));
  }

  /** The expression as the editor wrote it. */
  public String source() {
    return source;
  }

  /** The type-checked expression, serialised (CEL's CheckedExpr protobuf): what a compiled catalogue stores. */
  public byte[] checkedExpression() {
    return checked.get().clone();
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
   */
  public boolean test(Map<String, ?> values) {
    try {
      // A resolver reads the caller's map directly; eval(Map) would copy it on every call.
      return Boolean.TRUE.equals(program().eval(name -> java.util.Optional.ofNullable(values.get(name))));
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("condition '" + source + "' failed: " + e.getMessage(), e);
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

package kz.talap.condition;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.Set;

/** A type-checked CEL condition over applicant facts, ready to evaluate. */
public final class Condition {
  private final String source;
  private final CelRuntime.Program program;
  private final Set<String> facts;

  Condition(String source, CelRuntime.Program program, Set<String> facts) {
    this.source = source;
    this.program = program;
    this.facts = Set.copyOf(facts);
  }

  /** The expression as the editor wrote it. */
  public String source() {
    return source;
  }

  /** The fact and list names the expression uses. */
  public Set<String> facts() {
    return facts;
  }

  /**
   * Evaluates the condition. Values: {@code Boolean}, {@code Long}, {@code String}, and {@code List<String>} for
   * country groups; every declared name must be present.
   */
  public boolean test(Map<String, ?> values) {
    try {
      // A resolver reads the caller's map directly; eval(Map) would copy it on every call.
      return Boolean.TRUE.equals(program.eval(name -> java.util.Optional.ofNullable(values.get(name))));
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("condition '" + source + "' failed: " + e.getMessage(), e);
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

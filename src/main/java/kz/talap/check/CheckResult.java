package kz.talap.check;

import java.util.List;
import java.util.Optional;
import kz.talap.calendar.DueDate;

/**
 * What a check concluded about one submission.
 *
 * @param applicantSet the document set that applied: {@code STANDARD} or the code of a category with a reduced set
 * @param due when the result is due; only for a complete submission of a service whose term is counted in days,
 *     months or years
 */
public record CheckResult(Submission submission, Verdict verdict, String applicantSet, List<Finding> findings,
    Optional<DueDate> due) {

  /** Whether the package can be accepted as it is. */
  public enum Verdict { COMPLETE, INCOMPLETE }

  public CheckResult {
    findings = List.copyOf(findings);
  }
}

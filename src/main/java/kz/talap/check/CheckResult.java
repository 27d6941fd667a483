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

  /**
   * Whether the package can be accepted as it is: COMPLETE; INCOMPLETE (documents missing or invalid: the provider
   * refuses to accept it until they are put right); NOT_ACCEPTED (no package can be accepted at all: the service is
   * a draft or not in force on the day, or the applicant's deadline has passed and Rules para 9-1 bars acceptance).
   */
  public enum Verdict { COMPLETE, INCOMPLETE, NOT_ACCEPTED }

  public CheckResult {
    findings = List.copyOf(findings);
  }
}

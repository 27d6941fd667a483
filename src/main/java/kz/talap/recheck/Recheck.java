package kz.talap.recheck;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.talap.check.CheckResult;
import kz.talap.check.Checker;
import kz.talap.check.Finding;
import kz.talap.json.JournalJson;
import kz.talap.json.JournalJson.StoredResult;
import kz.talap.json.SubmissionJson;
import kz.talap.journal.CheckRecord;
import kz.talap.model.Catalogue;

/**
 * A journal entry checked again against another catalogue (today's): what the verdict, the due date and the findings
 * would be now, beside what was answered then.
 *
 * @param problems why today's catalogue cannot read the stored submission (an unknown code, say); then no result
 * @param gone findings answered then that would not be raised now
 * @param added findings that would be raised now and were not then
 */
public record Recheck(CheckRecord record, StoredResult before, Optional<CheckResult> now, List<String> problems,
    List<Finding> gone, List<Finding> added) {

  public Recheck {
    problems = List.copyOf(problems);
    gone = List.copyOf(gone);
    added = List.copyOf(added);
  }

  /** Checks the stored submission of {@code record} against {@code catalogue} and compares. */
  public static Recheck of(CheckRecord record, Catalogue catalogue) {
    StoredResult before = JournalJson.read(record.result());
    SubmissionJson.Parsed parsed = SubmissionJson.read(record.submission(), catalogue);
    if (parsed.submission().isEmpty()) {
      List<String> problems = parsed.problems().stream().map(Object::toString).toList();
      return new Recheck(record, before, Optional.empty(), problems, List.of(), List.of());
    }
    CheckResult now = new Checker(catalogue).check(parsed.submission().get());
    List<Finding> gone = new ArrayList<>(before.findings());
    gone.removeAll(now.findings());
    List<Finding> added = new ArrayList<>(now.findings());
    added.removeAll(before.findings());
    return new Recheck(record, before, Optional.of(now), List.of(), gone, added);
  }

  /** The verdict now, lower case as stored; empty if the submission cannot be read now. */
  public Optional<String> verdictNow() {
    return now.map(r -> r.verdict().name().toLowerCase(Locale.ROOT));
  }

  public Optional<LocalDate> dueNow() {
    return now.flatMap(r -> r.due()).map(d -> d.due());
  }

  /** Whether anything would be answered differently today. */
  public boolean changed() {
    return now.isEmpty() || !verdictNow().get().equals(before.verdict()) || !dueNow().equals(before.dueDate())
        || !gone.isEmpty() || !added.isEmpty();
  }
}

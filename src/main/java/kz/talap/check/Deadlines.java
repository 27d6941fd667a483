package kz.talap.check;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.talap.calendar.WorkingCalendar;
import kz.talap.check.Finding.Kind;
import kz.talap.check.Finding.Severity;
import kz.talap.model.Catalogue;
import kz.talap.model.Enums.RuleKind;
import kz.talap.model.Enums.TermKind;
import kz.talap.model.Outage;
import kz.talap.model.Rule;
import kz.talap.model.Term;
import kz.talap.model.Text;

/**
 * Deadlines that depend on the applicant's dates: the 16th birthday, renewal before expiry, replacement after a
 * loss, the validity of an approval, and whether a permit that expired did so during an information-system outage.
 */
final class Deadlines {
  /** A yes/no fact: the applicant turned 16 while living in Kazakhstan (Rules para 5). */
  static final String TURNED_16_IN_KZ = "turned_16_in_kz";
  /** A yes/no fact: an act on the information-system failure, signed by the State Corporation and the provider. */
  static final String OUTAGE_ACT = "outage_act";
  /** A yes/no fact: held liable under Administrative Code art. 517 for not leaving Kazakhstan in time. */
  static final String HELD_LIABLE = "held_liable_art_517";
  /** A date fact: the last day of the applicant's permitted period of stay in Kazakhstan. */
  static final String STAY_EXPIRED_ON = "stay_expired_on";

  private final WorkingCalendar calendar;

  Deadlines(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  void check(Submission submission, Day today, Catalogue all, List<Finding> findings) {
    sixteenthBirthday(submission, today, findings);
    stayExpired(submission, today, findings);
    for (Term term : today.countedFromFacts(submission.service())) {
      boolean applies = (term.subtype().isEmpty() || term.subtype().equals(submission.subtype()))
          && (term.stage().isEmpty() || term.stage().equals(submission.stage()))
          && submission.facts().get(term.countedFrom().get()) instanceof LocalDate;
      if (applies) {
        dated(submission, today, all, term, (LocalDate) submission.facts().get(term.countedFrom().get()), findings);
      }
    }
  }

  private void dated(Submission submission, Day today, Catalogue all, Term term, LocalDate from,
      List<Finding> findings) {
    LocalDate day = submission.submittedOn();
    Messages.Quantity unit = new Messages.Quantity(term.amount(), term.unit().name());
    switch (term.kind()) {
      case APPLY_BEFORE_EXPIRY -> {
        LocalDate deadline = minus(from, term);
        if (day.isAfter(deadline)) {
          findings.add(finding(Severity.WARNING, Kind.LATE_APPLICATION, term.code(), term.citation(),
              "LATE_BEFORE_EXPIRY", Map.of("deadline", deadline, "term", unit,
                  "date", from)));
        }
        if (from.isBefore(day)) {
          expired(submission, today, all, from, findings);
        }
      }
      case APPLY_AFTER_LOSS -> {
        LocalDate deadline = calendar.onOrAfter(plus(from, term));
        if (day.isAfter(deadline)) {
          findings.add(finding(Severity.WARNING, Kind.LATE_APPLICATION, term.code(), term.citation(),
              "LATE_AFTER_LOSS", Map.of("deadline", deadline, "term", unit,
                  "date", from)));
        }
      }
      case APPROVAL_VALIDITY -> {
        LocalDate last = plus(from, term);
        if (day.isAfter(last)) {
          Optional<Term> wait = today.term(submission.service(), submission.subtype(), TermKind.REAPPLY_AFTER);
          LocalDate again = wait.map(w -> plus(last, w)).orElse(last);
          Text citation = wait.map(Term::citation).filter(c -> !c.equals(term.citation()))
              .map(c -> term.citation().and(c, "; ")).orElse(term.citation());
          findings.add(finding(Severity.ERROR, Kind.APPROVAL_LAPSED, term.code(), citation, "APPROVAL_LAPSED",
              Map.of("date", from, "last", last, "again", again)));
        }
      }
      default -> { }
    }
  }

  /** A permit that expired before the application: no fine if it expired during an outage, otherwise a penalty. */
  private void expired(Submission submission, Day today, Catalogue all, LocalDate expiry,
      List<Finding> findings) {
    Optional<Outage> outage = all.outages().stream().filter(o -> o.covers(expiry)).findFirst();
    if (outage.isPresent()) {
      findings.add(finding(Severity.INFO, Kind.EXPIRED_DURING_OUTAGE, outage.get().code(), outage.get().citation(),
          "EXPIRED_DURING_OUTAGE", Map.of("date", expiry, "system", outage.get().system(),
              "from", outage.get().from(), "to", outage.get().to())));
      return;
    }
    Optional<Outage> maybe = all.outages().stream().filter(o -> o.mayCover(expiry)).findFirst();
    if (maybe.isPresent()) {
      // The source gives the end only roughly ("early October"): neither "no fine" nor "penalties" can be said.
      findings.add(finding(Severity.WARNING, Kind.OUTAGE_END_UNCERTAIN, maybe.get().code(), maybe.get().citation(),
          "OUTAGE_END_UNCERTAIN", Map.of("date", expiry, "system", maybe.get().system(),
              "from", maybe.get().from(), "to", maybe.get().to(),
              "end", maybe.get().mayEndBy().orElseThrow())));
      return;
    }
    Optional<Rule> penalty = rule(today, submission, RuleKind.PENALTY);
    findings.add(finding(Severity.WARNING, Kind.OVERSTAY_PENALTY, penalty.map(Rule::code).orElse(null),
        penalty.map(Rule::citation).orElse(new Text("", "", "")), "OVERSTAY_PENALTY", Map.of("date", expiry)));
  }

  /**
   * Rules para 5: an immigrant who turns 16 in Kazakhstan applies within 10 calendar days of the birthday. Para 9-1:
   * late documents are still accepted with an outage act, or within ten days for a person held liable under
   * art. 517.
   */
  private void sixteenthBirthday(Submission submission, Day today, List<Finding> findings) {
    Optional<Term> term = today.term(submission.service(), submission.subtype(), TermKind.APPLY_AFTER_16TH_BIRTHDAY);
    if (term.isEmpty() || !Boolean.TRUE.equals(submission.facts().get(TURNED_16_IN_KZ))
        || !(submission.facts().get("birth_date") instanceof LocalDate birth)) {
      return;
    }
    LocalDate birthday = birth.plusYears(16);
    // A term that ends on a day off ends on the next working day (Civil Code art. 178).
    LocalDate deadline = calendar.onOrAfter(plus(birthday, term.get()));
    LocalDate day = submission.submittedOn();
    if (!day.isAfter(deadline)) {
      return;
    }
    Map<String, ?> args = Map.of("deadline", deadline,
        "days", (long) term.get().amount(), "birthday", birthday);
    Optional<Rule> late = rule(today, submission, RuleKind.LATE_ACCEPTANCE);
    Optional<Term> grace = today.term(submission.service(), submission.subtype(), TermKind.LATE_ACCEPTANCE_MAX);
    boolean outageAct = Boolean.TRUE.equals(submission.facts().get(OUTAGE_ACT));
    boolean liable = Boolean.TRUE.equals(submission.facts().get(HELD_LIABLE))
        && grace.isPresent() && !day.isAfter(plus(deadline, grace.get()));
    if (late.isPresent() && (outageAct || liable)) {
      findings.add(finding(Severity.INFO, Kind.LATE_ACCEPTED, late.get().code(), late.get().citation(),
          outageAct ? "LATE_ACCEPTED_OUTAGE" : "LATE_ACCEPTED_LIABLE", args));
      return;
    }
    findings.add(finding(Severity.ERROR, Kind.LATE_AFTER_16TH_BIRTHDAY, term.get().code(),
        late.map(r -> term.get().citation().and(r.citation(), "; ")).orElse(term.get().citation()), "LATE_AFTER_16TH_BIRTHDAY", args));
  }

  /**
   * Rules para 9-1: documents of a person whose period of stay has expired are accepted only with an act on an
   * information-system failure signed by the State Corporation and the provider, or from a person held liable under
   * Administrative Code art. 517 when no more than ten days have passed since the deadline; "in other cases acceptance
   * is not allowed". Applies to the services that carry a LATE_ACCEPTANCE rule (every TRP sub-type).
   */
  private void stayExpired(Submission submission, Day today, List<Finding> findings) {
    if (!(submission.facts().get(STAY_EXPIRED_ON) instanceof LocalDate last)) {
      return;
    }
    LocalDate day = submission.submittedOn();
    Optional<Rule> late = rule(today, submission, RuleKind.LATE_ACCEPTANCE);
    if (!day.isAfter(last) || late.isEmpty()) {
      return;
    }
    Optional<Term> grace = today.term(submission.service(), submission.subtype(), TermKind.LATE_ACCEPTANCE_MAX);
    boolean outageAct = Boolean.TRUE.equals(submission.facts().get(OUTAGE_ACT));
    boolean liable = Boolean.TRUE.equals(submission.facts().get(HELD_LIABLE))
        && grace.isPresent() && !day.isAfter(plus(last, grace.get()));
    long days = grace.map(Term::amount).orElse(0);
    Map<String, ?> args = Map.of("date", last, "days", (long) days,
        "deadline", last);
    if (outageAct || liable) {
      findings.add(finding(Severity.INFO, Kind.LATE_ACCEPTED, late.get().code(), late.get().citation(),
          outageAct ? "LATE_ACCEPTED_STAY_OUTAGE" : "LATE_ACCEPTED_STAY_LIABLE", args));
      return;
    }
    findings.add(finding(Severity.ERROR, Kind.STAY_EXPIRED, late.get().code(), late.get().citation(),
        Boolean.TRUE.equals(submission.facts().get(HELD_LIABLE)) ? "STAY_EXPIRED_LIABLE_TOO_LATE" : "STAY_EXPIRED",
        args));
  }

  private LocalDate plus(LocalDate from, Term term) {
    return switch (term.unit()) {
      case WORKING_DAYS -> calendar.plusWorkingDays(from, term.amount());
      case MONTHS -> from.plusMonths(term.amount());
      case YEARS -> from.plusYears(term.amount());
      default -> from.plusDays(term.amount());
    };
  }

  /** The last day to act "at least N before" a date. */
  private static LocalDate minus(LocalDate from, Term term) {
    return switch (term.unit()) {
      case MONTHS -> from.minusMonths(term.amount());
      case YEARS -> from.minusYears(term.amount());
      default -> from.minusDays(term.amount());
    };
  }

  private static Optional<Rule> rule(Day today, Submission submission, RuleKind kind) {
    return today.rule(submission.service(), submission.subtype(), kind);
  }

  private Finding finding(Severity severity, Kind kind, String subject, Text citation, String key,
      Map<String, ?> args) {
    return Finding.of(severity, kind, Optional.ofNullable(subject), Optional.empty(), citation, key, args);
  }
}

package kz.talap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code talap due} on the shipped catalogue: working and calendar days over the 2026 holidays. */
class DueCommandTest {
  private static final String TRP_TERM = "TRP: Term of the public service from the day the required package of "
      + "documents is submitted to the service provider, the State Corporation or through the portal: 1 working day "
      + "(Order of the Minister of Internal Affairs of the RK No. 992 of 4 December 2015, Annex 1-1, item 3)\n";

  @Test
  void due_trpBeforeNauryz_skipsTheMovedDaysOff() {
    CliRun run = CliRun.of("due", "--service", "TRP", "--at", "2026-03-20T17:00");
    assertEquals(0, run.exit(), run.err());
    assertEquals(TRP_TERM
        + "Submitted: 2026-03-20 Friday 17:00\n"
        + "Counted from: 2026-03-20 Friday\n"
        + "Due: 2026-03-26 Thursday (Civil Code of the Republic of Kazakhstan (General Part), arts. 176-178)\n", run.out());
  }

  @Test
  void due_afterHours_countsFromTheNextWorkingDay() {
    CliRun run = CliRun.of("due", "--service", "TRP", "--at", "2026-03-20T18:45");
    assertEquals(0, run.exit(), run.err());
    assertEquals(TRP_TERM
        + "Submitted: 2026-03-20 Friday 18:45\n"
        + "Counted from: 2026-03-26 Thursday (Order of the Minister of Internal Affairs of the RK No. 992 of "
        + "4 December 2015, Annex 1-1, item 7, sub-item 1); Annex 3, item 7, sub-item 1))\n"
        + "Due: 2026-03-27 Friday (Civil Code of the Republic of Kazakhstan (General Part), arts. 176-178)\n", run.out());
  }

  @Test
  void due_prp45CalendarDays_endingOnADayOff_movesToTheNextWorkingDay() {
    CliRun run = CliRun.of("due", "--service", "PRP", "--at", "2026-02-05T10:00");
    assertEquals(0, run.exit(), run.err());
    // 5 Feb + 45 days = Sun 22 Mar; 23 Mar is Nauryz, 24-25 Mar are moved days off.
    assertEquals("Due: 2026-03-26 Thursday (Civil Code of the Republic of Kazakhstan (General Part), arts. 176-178)",
        run.out().lines().reduce((a, b) -> b).orElseThrow());
  }

  @Test
  void due_womensDayMovedToMonday() {
    CliRun run = CliRun.of("due", "--service", "TRP", "--at", "2026-03-06T12:00");
    assertEquals("Due: 2026-03-10 Tuesday (Civil Code of the Republic of Kazakhstan (General Part), arts. 176-178)",
        run.out().lines().reduce((a, b) -> b).orElseThrow());
  }

  @Test
  void due_appealTermsApplyToEveryService() {
    CliRun run = CliRun.of("due", "--service", "PRP", "--at", "2026-05-22T10:00", "--term", "COMPLAINT_CONSIDERATION");
    assertEquals(0, run.exit(), run.err());
    // 5 working days from Fri 22 May: 25, 26 May, (27 May Kurban Ait), 28, 29 May, 1 June.
    assertEquals("Due: 2026-06-01 Monday (Civil Code of the Republic of Kazakhstan (General Part), arts. 176-178)",
        run.out().lines().reduce((a, b) -> b).orElseThrow());
  }

  @Test
  void due_unknownService_isAnInputError() {
    CliRun run = CliRun.of("due", "--service", "XX", "--at", "2026-03-20");
    assertEquals(2, run.exit());
    assertEquals("talap due: unknown service 'XX' on 2026-03-20 (known: PRP, PRP_PILOT, RP_CARD, TRP)\n", run.err());
  }

  @Test
  void due_badDateTime_isAnInputError() {
    CliRun run = CliRun.of("due", "--service", "TRP", "--at", "2026-02-30T10:00");
    assertEquals(2, run.exit());
    assertEquals("talap due: bad date-time '2026-02-30T10:00' for --at (expected YYYY-MM-DDTHH:MM or YYYY-MM-DD)\n",
        run.err());
  }

  @Test
  void due_termInMinutes_hasNoDueDate() {
    CliRun run = CliRun.of("due", "--service", "TRP", "--at", "2026-03-20", "--term", "MAX_WAIT");
    assertEquals(2, run.exit());
    assertEquals("talap due: term TRP_TERM_MAX_WAIT is measured in minutes and has no due date\n", run.err());
  }
}

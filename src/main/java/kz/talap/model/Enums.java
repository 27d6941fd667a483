package kz.talap.model;

/** Closed vocabularies used by the catalogue; each constant's name is what editors type in the workbook. */
public final class Enums {
  private Enums() {}

  /** Whether a service is law in force, a pilot, or only a draft. */
  public enum ServiceStatus { IN_FORCE, PILOT, DRAFT }

  /** Who receives the service. */
  public enum Recipient { INDIVIDUAL, LEGAL_ENTITY }

  /** Where a document comes from; decides whether translation and legalisation rules apply. */
  public enum Origin { APPLICANT, KZ, FOREIGN, ANY }

  /**
   * Who draws up a document: a state body, court or notary (AUTHORITY: legalisation rules apply to a foreign one), a
   * company, insurer or person (PRIVATE: never legalised), or either, depending on the document presented.
   */
  public enum Issuer { AUTHORITY, PRIVATE, EITHER }

  /** What a procedural rule is about. */
  public enum RuleKind { TRANSLATION, LEGALISATION, VERIFICATION, LATE_ACCEPTANCE, PENALTY, WHO_APPLIES, NOTE }

  /** The unit of a fee. */
  public enum MoneyUnit { MCI, KZT }

  /** The unit of a term. */
  public enum TermUnit { WORKING_DAYS, CALENDAR_DAYS, MINUTES, HOURS, MONTHS, YEARS }

  /** What a term measures. */
  public enum TermKind {
    SERVICE,
    MAX_WAIT,
    MAX_SERVICE_TIME,
    APPLY_AFTER_16TH_BIRTHDAY,
    PERMIT_VALIDITY,
    PERMIT_VALIDITY_MAX,
    APPEAL_CONSIDERATION,
    APPEAL_REFERRAL,
    APPEAL_EXTENSION_MAX,
    APPEAL_EXTENSION_NOTICE,
    COMPLAINT_FILING,
    COMPLAINT_CONSIDERATION,
    /** A deadline before a date fact, e.g. renewal at least one month before the permit expires. */
    APPLY_BEFORE_EXPIRY,
    /** A deadline after a date fact, e.g. a lost card replaced within 3 days. */
    APPLY_AFTER_LOSS,
    /** How long an approval stays valid after the date fact it counts from. */
    APPROVAL_VALIDITY,
    /** How long to wait before applying again after an approval lapsed. */
    REAPPLY_AFTER,
    /** How long a stage (such as a test) lasts. */
    STAGE_DURATION,
    /** Rules para 9-1: how long after the deadline a person held liable may still apply. */
    LATE_ACCEPTANCE_MAX;

    /** Deadlines counted backwards from their date fact. */
    public boolean countsBackwards() {
      return this == APPLY_BEFORE_EXPIRY;
    }
  }

  /** Which part of an office's day a schedule row describes. */
  public enum SchedulePart { WORKING_HOURS, LUNCH_BREAK, RECEPTION, DUTY_HOURS, ROUND_THE_CLOCK }

  /** The days of the week a schedule row covers. */
  public enum DaySet { MON_FRI, SAT, MON_SAT, MON_SUN }

  /** The type of an applicant fact. */
  public enum FactType { BOOL, INT, TEXT, COUNTRY, DATE }

  /** The kinds of rows in the working calendar. */
  public enum CalendarKind { FIXED_HOLIDAY, DATED_HOLIDAY, EXTRA_DAY_OFF, EXTRA_WORKING_DAY }
}

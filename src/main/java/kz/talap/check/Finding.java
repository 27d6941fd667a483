package kz.talap.check;

import java.util.Optional;
import kz.talap.model.Text;

/**
 * One thing a check found: what rule fired, against which catalogue row (a requirement, group, fee, term or rule
 * code), the norm it comes from, and a message in Kazakh, Russian and English.
 */
public record Finding(Severity severity, Kind kind, Optional<String> subject, Optional<String> document,
    Text citation, Text message) {

  /** How bad a finding is; only errors make a submission incomplete. */
  public enum Severity { ERROR, WARNING, INFO }

  /** The rule that produced a finding; stable names for reports and scripts. */
  public enum Kind {
    SERVICE_NOT_IN_FORCE,
    NOT_ELIGIBLE,
    CHANNEL_NOT_OFFERED,
    RECIPIENT_NOT_SERVED,
    MISSING_DOCUMENT,
    MISSING_ONE_OF,
    NOT_REQUIRED,
    EXPIRED,
    VALIDITY_TOO_SHORT,
    ISSUED_TOO_LONG_AGO,
    ORIGINAL_NOT_SHOWN,
    NO_TRANSLATION,
    NOT_LEGALISED,
    NOT_APOSTILLED,
    FEE_MISSING,
    FEE_TOO_LOW,
    PAYMENT_AFTER_SUBMISSION,
    PAYMENT_NOT_NEEDED,
    LATE_AFTER_16TH_BIRTHDAY,
    STAY_EXPIRED,
    LATE_ACCEPTED,
    LATE_APPLICATION,
    APPROVAL_LAPSED,
    EXPIRED_DURING_OUTAGE,
    OUTAGE_END_UNCERTAIN,
    OVERSTAY_PENALTY,
    DRAFT_SERVICE
  }
}

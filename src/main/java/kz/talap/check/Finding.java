package kz.talap.check;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.talap.model.Language;
import kz.talap.model.Text;

/**
 * One thing a check found: what rule fired, against which catalogue row (a requirement, group, fee, term or rule
 * code), the norm it comes from, and a message in Kazakh, Russian and English. A finding made by the checker keeps
 * its message as a key and arguments and renders it only when a report asks for it, in the language asked for: most
 * of a batch's findings are only counted.
 */
public final class Finding {
  private final Severity severity;
  private final Kind kind;
  private final Optional<String> subject;
  private final Optional<String> document;
  private final Text citation;
  /** The message's key in the message files and its arguments; null for a finding made with its text. */
  private final String key;
  private final Map<String, ?> args;
  /** The message in all three languages, once rendered. */
  private Text message;

  /** A finding whose message is given as text (one read back from a journal). */
  public Finding(Severity severity, Kind kind, Optional<String> subject, Optional<String> document, Text citation,
      Text message) {
    this(severity, kind, subject, document, citation, null, null, Objects.requireNonNull(message));
  }

  private Finding(Severity severity, Kind kind, Optional<String> subject, Optional<String> document, Text citation,
      String key, Map<String, ?> args, Text message) {
    this.severity = Objects.requireNonNull(severity);
    this.kind = Objects.requireNonNull(kind);
    this.subject = Objects.requireNonNull(subject);
    this.document = Objects.requireNonNull(document);
    this.citation = Objects.requireNonNull(citation);
    this.key = key;
    this.args = args;
    this.message = message;
  }

  /** A finding whose message is the message {@code key} with these arguments, rendered when first asked for. */
  static Finding of(Severity severity, Kind kind, Optional<String> subject, Optional<String> document, Text citation,
      String key, Map<String, ?> args) {
    return new Finding(severity, kind, subject, document, citation, Objects.requireNonNull(key), args, null);
  }

  public Severity severity() {
    return severity;
  }

  public Kind kind() {
    return kind;
  }

  /** The catalogue row the finding is about. */
  public Optional<String> subject() {
    return subject;
  }

  /** The presented or missing document, if the finding is about one. */
  public Optional<String> document() {
    return document;
  }

  /** The norm the finding comes from, in every language. */
  public Text citation() {
    return citation;
  }

  /** The message in Kazakh, Russian and English. */
  public Text message() {
    Text text = message;
    if (text == null) {
      text = Messages.get().text(key, args);
      message = text;
    }
    return text;
  }

  /** The message in one language; renders only that language unless all three are rendered already. */
  public String message(Language language) {
    Text text = message;
    return text != null ? text.in(language) : Messages.get().format(language, key, args);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Finding f && severity == f.severity && kind == f.kind && subject.equals(f.subject)
        && document.equals(f.document) && citation.equals(f.citation) && message().equals(f.message());
  }

  @Override
  public int hashCode() {
    return Objects.hash(severity, kind, subject, document, citation, message());
  }

  @Override
  public String toString() {
    return "Finding[severity=" + severity + ", kind=" + kind + ", subject=" + subject + ", document=" + document
        + ", citation=" + citation + ", message=" + message() + "]";
  }

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

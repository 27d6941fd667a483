package kz.talap.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.talap.model.Enums.Issuer;
import kz.talap.model.Enums.Recipient;

/**
 * An applicant's submission as staff enter it: the service asked for, how and when, the applicant's facts, the
 * documents presented and the payments made. Facts hold {@code Boolean}, {@code Long}, {@code String} (texts and
 * country codes) or {@code LocalDate} values, already checked against the catalogue's declarations.
 *
 * @param id an optional reference chosen by the user (a case number), echoed in reports
 * @param stage for a multi-stage procedure, the stage whose documents are being checked
 * @param submittedAt local date-time in Asia/Almaty
 */
public record Submission(
    Optional<String> id,
    String service,
    Optional<String> subtype,
    Optional<String> stage,
    String channel,
    Recipient recipient,
    LocalDateTime submittedAt,
    Map<String, Object> facts,
    List<PresentedDocument> documents,
    List<Payment> payments) {

  public Submission {
    facts = Map.copyOf(facts);
    documents = List.copyOf(documents);
    payments = List.copyOf(payments);
  }

  public LocalDate submittedOn() {
    return submittedAt.toLocalDate();
  }

  /**
   * A document the applicant presented.
   *
   * @param language ISO 639-1 code of the document's language; empty for documents in Kazakh or Russian
   * @param issuedIn ISO 3166 alpha-2 code of the country whose authority issued it, when known
   * @param legalised legalised by a consul (accepted also where an apostille would do)
   * @param apostille carries an apostille (Hague Convention of 5 October 1961)
   * @param issuer for a document that a state body or a private party may draw up: which one drew up this one
   */
  public record PresentedDocument(
      String code,
      Optional<LocalDate> issuedOn,
      Optional<LocalDate> validUntil,
      Optional<String> language,
      boolean notarisedTranslation,
      Optional<String> issuedIn,
      boolean legalised,
      boolean apostille,
      Optional<Issuer> issuer,
      boolean originalShown) {}

  /** A payment of a fee or duty, in tenge. */
  public record Payment(BigDecimal amountKzt, LocalDate paidOn) {}
}

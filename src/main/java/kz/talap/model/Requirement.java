package kz.talap.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import kz.talap.condition.Condition;
import kz.talap.model.Enums.Recipient;

/**
 * That a service (or one sub-type) needs a document: for which applicants, through which channels, and what the
 * document must satisfy.
 */
public record Requirement(
    String code,
    String service,
    Optional<String> subtype,
    int order,
    String document,
    Optional<String> group,
    List<String> applicantSets,
    Optional<Condition> condition,
    Optional<Text> explanation,
    List<String> channels,
    List<Recipient> recipients,
    boolean originalShown,
    OptionalInt maxAgeDays,
    OptionalInt minValidityDays,
    Optional<String> stage,
    Text citation,
    Validity validity) {

  /** The name of the standard document set in {@link #applicantSets()}. */
  public static final String STANDARD = "STANDARD";

  public Requirement {
    applicantSets = List.copyOf(applicantSets);
    channels = List.copyOf(channels);
    recipients = List.copyOf(recipients);
  }
}

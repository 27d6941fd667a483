package kz.talap.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import kz.talap.condition.Condition;
import kz.talap.model.Enums.Recipient;
import kz.talap.model.Enums.ServiceStatus;

/**
 * A public service passport.
 *
 * @param shortName the plain name for links, titles and headings ("Temporary residence"), if the catalogue gives one
 * @param intent what the applicant wants to do with this service ({@code LIVE_TEMPORARILY}), which groups the index
 * @param intentOrder the place of the intent on the index, 1 first
 */
public record Service(
    String code,
    ServiceStatus status,
    Text name,
    Optional<Text> shortName,
    Optional<String> intent,
    OptionalInt intentOrder,
    Text provider,
    Text form,
    Text result,
    List<String> channels,
    List<Recipient> recipients,
    Optional<Condition> eligibility,
    Optional<Text> eligibilityExplanation,
    Text citation,
    Validity validity) {
  public Service {
    channels = List.copyOf(channels);
    recipients = List.copyOf(recipients);
  }
}

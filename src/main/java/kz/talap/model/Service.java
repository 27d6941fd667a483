package kz.talap.model;

import java.util.List;
import java.util.Optional;
import kz.talap.condition.Condition;
import kz.talap.model.Enums.Recipient;
import kz.talap.model.Enums.ServiceStatus;

/**
 * A public service passport.
 *
 * @param shortName the plain name for links, titles and headings ("Temporary residence"), if the catalogue gives one
 */
public record Service(
    String code,
    ServiceStatus status,
    Text name,
    Optional<Text> shortName,
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

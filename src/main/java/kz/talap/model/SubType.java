package kz.talap.model;

import java.util.Optional;
import kz.talap.condition.Condition;

/**
 * A sub-type of a service, such as the TRP for the purpose of work.
 *
 * @param shortName the plain name for links, titles and headings ("Work"), if the catalogue gives one
 */
public record SubType(
    String code,
    String service,
    int number,
    Text name,
    Optional<Text> shortName,
    Optional<Condition> eligibility,
    Optional<Text> eligibilityExplanation,
    Text citation,
    Validity validity) {}

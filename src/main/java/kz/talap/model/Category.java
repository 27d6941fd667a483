package kz.talap.model;

import kz.talap.condition.Condition;

/** A category of applicants who present a reduced set of documents. */
public record Category(
    String code,
    String service,
    int order,
    Condition condition,
    Text name,
    Text explanation,
    Text citation,
    Validity validity) {}

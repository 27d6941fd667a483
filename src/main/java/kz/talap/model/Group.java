package kz.talap.model;

import java.util.Optional;

/** A "one of" group: the applicant presents at least one of its documents. */
public record Group(String code, String service, Optional<String> subtype, Text name, Text citation,
    Validity validity) {}

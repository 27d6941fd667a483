package kz.talap.model;

import java.util.Optional;

/** A stage of a multi-stage procedure, such as the Kazakh language test of the 2026 pilot. */
public record Stage(String code, String service, Optional<String> subtype, int order, Text name,
    Optional<Text> description, Text citation, Validity validity) {}

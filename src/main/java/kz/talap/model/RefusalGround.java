package kz.talap.model;

import java.util.Optional;

/** A ground for refusing the service. */
public record RefusalGround(String code, String service, Optional<String> subtype, int number, Text text,
    Optional<Text> note, Text citation, Validity validity) {}

package kz.talap.model;

import java.util.Optional;
import kz.talap.model.Enums.RuleKind;

/** A procedural rule the applicant must know, such as the translation rule. */
public record Rule(String code, String service, Optional<String> subtype, RuleKind kind, Text text, Text citation,
    Validity validity) {}

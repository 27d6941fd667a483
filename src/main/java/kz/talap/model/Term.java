package kz.talap.model;

import java.util.Optional;
import kz.talap.model.Enums.TermKind;
import kz.talap.model.Enums.TermUnit;

/** A term or time limit, such as "1 working day" or "45 calendar days". */
public record Term(String code, Optional<String> service, Optional<String> subtype, TermKind kind, int amount,
    TermUnit unit, Text name, Optional<String> stage, Optional<String> countedFrom, Text citation,
    Validity validity) {}

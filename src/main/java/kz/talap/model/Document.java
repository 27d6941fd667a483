package kz.talap.model;

import java.util.Optional;
import kz.talap.model.Enums.Origin;

/**
 * A document an applicant may have to present.
 *
 * @param noLegalisation the document is never legalised even when issued abroad (a passport, for instance)
 */
public record Document(String code, Text name, Origin origin, Optional<Text> note, boolean noLegalisation) {}

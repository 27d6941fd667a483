package kz.talap.model;

import java.util.Optional;
import kz.talap.model.Enums.Issuer;
import kz.talap.model.Enums.Origin;

/**
 * A document an applicant may have to present.
 *
 * @param issuer who draws it up: only documents of foreign authorities are legalised
 * @param noLegalisation the document is never legalised even when issued abroad (a passport, for instance)
 */
public record Document(String code, Text name, Origin origin, Issuer issuer, Optional<Text> note,
    boolean noLegalisation) {}

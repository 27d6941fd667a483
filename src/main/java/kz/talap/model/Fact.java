package kz.talap.model;

import java.util.List;
import java.util.Optional;
import kz.talap.model.Enums.FactType;

/** A fact about the applicant that conditions may use. */
public record Fact(String name, FactType type, List<String> allowedValues, Optional<String> derivedFrom,
    boolean required, Text label) {
  public Fact {
    allowedValues = List.copyOf(allowedValues);
  }
}

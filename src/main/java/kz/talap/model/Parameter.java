package kz.talap.model;

import java.math.BigDecimal;
import kz.talap.model.Enums.MoneyUnit;

/** The value of a dated parameter, such as the MCI, for a period. */
public record Parameter(String code, BigDecimal amount, MoneyUnit unit, Text citation, Validity validity) {}

package kz.talap.model;

import java.math.BigDecimal;
import java.util.Optional;
import kz.talap.model.Enums.MoneyUnit;

/** What a service costs: an amount in MCI or tenge; zero means free. */
public record Fee(String code, String service, Optional<String> subtype, BigDecimal amount, MoneyUnit unit,
    Text name, Text citation, Validity validity) {

  public boolean free() {
    return amount.signum() == 0;
  }
}

package io.fieldops.booking.identity;

import io.fieldops.booking.rules.DateOrder;
import java.util.UUID;

/** An organisation as auth-service resolves it for a public request. */
public record Organization(
    UUID id, String slug, String name, String defaultPhoneRegion, String dateOrder) {

  /** The organisation's date order; day-first unless it says MDY. */
  public DateOrder order() {
    return "MDY".equalsIgnoreCase(dateOrder) ? DateOrder.MDY : DateOrder.DMY;
  }
}

package io.fieldops.booking.booking;

import io.fieldops.booking.rules.Slot;
import java.util.UUID;

/**
 * A booking about to be inserted, with the customer as auth-service (or the customer's own token)
 * describes them.
 *
 * @param source {@code agent} (public endpoint), {@code customer} (for themselves) or {@code staff}
 */
public record NewBooking(
    UUID orgId,
    UUID userId,
    String serviceName,
    Slot slot,
    String notes,
    Person person,
    String source) {

  /** The customer's identity at booking time (seed 001's {@code user_details}). */
  public record Person(
      String username, String firstName, String lastName, String email, String phone) {}
}

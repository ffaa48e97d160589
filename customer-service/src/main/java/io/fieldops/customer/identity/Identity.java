package io.fieldops.customer.identity;

import io.fieldops.platform.security.CurrentUser;
import java.util.UUID;

/**
 * Who a linked customer is, as auth-service (or the caller's own token) says; never stored here.
 */
public record Identity(
    UUID userId, String email, String firstName, String lastName, String phoneNumber) {

  public static Identity of(CurrentUser user) {
    return new Identity(
        user.id(), user.email(), user.givenName(), user.familyName(), user.phoneNumber());
  }
}

package io.fieldops.auth.provisioning;

import java.util.UUID;

/** {@code created} tells booking-service whether the user is new (201) or was found (200). */
public record ProvisionResponse(boolean created, ProvisionedUser user) {

  /** The identity booking-service needs; never a password or anything secret. */
  public record ProvisionedUser(
      UUID id,
      String username,
      String firstName,
      String lastName,
      String email,
      String phone,
      boolean isActive) {}
}

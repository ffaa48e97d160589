package io.fieldops.auth.provisioning;

import java.util.UUID;

/**
 * {@code created} tells booking-service whether this call created the account (201) or found it
 * (200). {@code user} is what the organisation may know of the person: the account's identity when
 * the person shares it with the organisation, else what the request sent (see {@link
 * Provisioning}).
 */
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

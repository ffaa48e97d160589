package io.fieldops.platform.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles of docs/architecture.md "Identity and tenancy", in the {@code roles} claim as their
 * names.
 */
public enum Role {
  CUSTOMER,
  AGENT,
  TECHNICIAN,
  SUPERVISOR,
  ADMIN;

  /** Staff are everyone who works for the organisation: AGENT and above. */
  public boolean isStaff() {
    return this != CUSTOMER;
  }

  /** The Spring Security authority this role grants, e.g. {@code ROLE_ADMIN}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** Unknown names (a role added later by auth-service) are ignored rather than fatal. */
  public static Optional<Role> fromClaim(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

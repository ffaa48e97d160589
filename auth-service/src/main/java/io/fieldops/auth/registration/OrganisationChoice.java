package io.fieldops.auth.registration;

import java.util.Optional;

/**
 * Seed 004's {@code organization_name} founds a new organisation; {@code organization} (id or slug)
 * joins an existing one. A registration naming both used to found a new organisation silently,
 * leaving the person outside the one they meant to join; it is refused instead, naming both
 * members. Blank counts as absent, as everywhere else in the registration.
 */
public final class OrganisationChoice {

  public static final String BOTH = "auth.register.organization-both";

  private OrganisationChoice() {}

  /** The message key when both are given; empty otherwise. */
  public static Optional<String> check(String organization, String organizationName) {
    return hasText(organization) && hasText(organizationName)
        ? Optional.of(BOTH)
        : Optional.empty();
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}

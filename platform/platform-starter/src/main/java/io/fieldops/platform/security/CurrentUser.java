package io.fieldops.platform.security;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fieldops.platform.error.ForbiddenException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The caller, as the access token describes them. Controllers take it as a method argument; it is
 * never read from a header or the request body (docs/architecture.md "Identity and tenancy": no
 * service trusts a header for identity).
 *
 * @param level 0 technician_l1, 1 other staff, 2 supervisor, 3 admin; {@link #NO_LEVEL} when the
 *     token carries none, so that {@link #requireLevel(Level)} never passes by accident
 */
public record CurrentUser(
    UUID id,
    UUID orgId,
    String email,
    String givenName,
    String familyName,
    String phoneNumber,
    Set<Role> roles,
    int level) {

  public static final int NO_LEVEL = -1;

  public CurrentUser {
    // enum order, so JSON and logs list roles the same way every time
    EnumSet<Role> ordered = EnumSet.noneOf(Role.class);
    if (roles != null) {
      ordered.addAll(roles);
    }
    roles = Collections.unmodifiableSet(ordered);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(Role... wanted) {
    return Arrays.stream(wanted).anyMatch(roles::contains);
  }

  /** AGENT, TECHNICIAN, SUPERVISOR or ADMIN. */
  @JsonIgnore // derived from roles; not a member when a controller returns the user
  public boolean isStaff() {
    return roles.stream().anyMatch(Role::isStaff);
  }

  /** Answers 403 unless the user has at least one of {@code wanted}. */
  public CurrentUser requireRole(Role... wanted) {
    if (!hasAnyRole(wanted)) {
      throw ForbiddenException.accessDenied();
    }
    return this;
  }

  /** Answers 403 unless the user's level is at least {@code minimum}. */
  public CurrentUser requireLevel(Level minimum) {
    if (!minimum.allows(level)) {
      throw ForbiddenException.accessDenied();
    }
    return this;
  }

  /**
   * Staff of level 1 or more: they see and change all of the organisation's data, where a level 0
   * technician sees only what is assigned to them (and a customer only their own).
   */
  @JsonIgnore // derived; not a member when a controller returns the user
  public boolean worksOrganisationData() {
    return isStaff() && Level.STAFF.allows(level);
  }

  /** Answers 403 unless the user {@link #worksOrganisationData()}. */
  public CurrentUser requireWorksOrganisationData() {
    if (!worksOrganisationData()) {
      throw ForbiddenException.accessDenied();
    }
    return this;
  }

  /** Answers 403 for customers (and for tokens with no staff role). */
  public CurrentUser requireStaff() {
    if (!isStaff()) {
      throw ForbiddenException.accessDenied();
    }
    return this;
  }

  public String fullName() {
    String given = givenName == null ? "" : givenName;
    String family = familyName == null ? "" : familyName;
    return (given + " " + family).trim();
  }
}

package io.fieldops.auth.user;

import java.util.List;
import java.util.UUID;

/**
 * Payloads of the events on topic {@code users} (inside the platform's envelope). customer-service
 * creates customer records from them (seed 004), so they carry what it needs and nothing secret.
 */
public final class UserEvents {

  public static final String USER_REGISTERED = "user.registered";
  public static final String MEMBERSHIP_CHANGED = "membership.changed";

  private UserEvents() {}

  /** A new account, with the membership it was created in. */
  public record UserRegistered(
      UUID userId,
      String username,
      String email,
      String firstName,
      String lastName,
      String phoneNumber,
      UUID organizationId,
      List<String> roles,
      int level,
      String kind) {

    public static UserRegistered of(AppUser user, Membership membership) {
      return new UserRegistered(
          user.getId(),
          user.getUsername(),
          user.getEmail(),
          user.getFirstName(),
          user.getLastName(),
          user.getPhoneNumber(),
          membership.getOrganisationId(),
          membership.getRoles(),
          membership.getLevel(),
          membership.getKind().name());
    }
  }

  /** A membership appeared or its roles/level changed. */
  public record MembershipChanged(
      UUID membershipId,
      UUID userId,
      UUID organizationId,
      List<String> roles,
      int level,
      String kind) {

    public static MembershipChanged of(Membership membership) {
      return new MembershipChanged(
          membership.getId(),
          membership.getUserId(),
          membership.getOrganisationId(),
          membership.getRoles(),
          membership.getLevel(),
          membership.getKind().name());
    }
  }
}

package io.fieldops.auth.user;

import io.fieldops.platform.events.EventTypes;
import java.util.List;
import java.util.UUID;

/**
 * Payloads of the events on topic {@code users} (inside the platform's envelope). customer-service
 * creates customer records from them (seed 004), so they carry what it needs and nothing secret.
 */
public final class UserEvents {

  // The type names live once, in the platform, where consumers read them too.
  public static final String USER_REGISTERED = EventTypes.Users.REGISTERED;
  public static final String MEMBERSHIP_CHANGED = EventTypes.Users.MEMBERSHIP_CHANGED;
  public static final String USER_UPDATED = EventTypes.Users.UPDATED;
  public static final String USER_DEACTIVATED = EventTypes.Users.DEACTIVATED;

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

  /**
   * A membership appeared, was reactivated, or its roles/level changed; {@code active} says whether
   * it may be used now (an admin may change the roles of a deactivated member).
   */
  public record MembershipChanged(
      UUID membershipId,
      UUID userId,
      UUID organizationId,
      List<String> roles,
      int level,
      String kind,
      boolean active) {

    public static MembershipChanged of(Membership membership) {
      return new MembershipChanged(
          membership.getId(),
          membership.getUserId(),
          membership.getOrganisationId(),
          membership.getRoles(),
          membership.getLevel(),
          membership.getKind().name(),
          membership.isActive());
    }
  }

  /**
   * Identity fields changed through the profile: {@code changed} names them (snake_case, as on the
   * wire); the other members are the user's identity as it is now.
   */
  public record UserUpdated(
      UUID userId,
      String username,
      String email,
      String firstName,
      String lastName,
      String phoneNumber,
      List<String> changed) {

    public static UserUpdated of(AppUser user, List<String> changed) {
      return new UserUpdated(
          user.getId(),
          user.getUsername(),
          user.getEmail(),
          user.getFirstName(),
          user.getLastName(),
          user.getPhoneNumber(),
          List.copyOf(changed));
    }
  }

  /** An organisation admin deactivated the user's membership in that organisation. */
  public record UserDeactivated(UUID userId, UUID membershipId, UUID organizationId) {

    public static UserDeactivated of(Membership membership) {
      return new UserDeactivated(
          membership.getUserId(), membership.getId(), membership.getOrganisationId());
    }
  }
}

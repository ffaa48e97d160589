package io.fieldops.platform.security;

import io.fieldops.platform.error.ForbiddenException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a {@link CurrentUser} from the claims of docs/architecture.md "Identity and tenancy": sub,
 * org_id, email, given_name, family_name, phone_number, roles, level.
 */
public final class CurrentUserClaims {

  public static final String ORG_ID = "org_id";
  public static final String EMAIL = "email";
  public static final String GIVEN_NAME = "given_name";
  public static final String FAMILY_NAME = "family_name";
  public static final String PHONE_NUMBER = "phone_number";
  public static final String ROLES = "roles";
  public static final String LEVEL = "level";

  private CurrentUserClaims() {}

  /**
   * @throws ForbiddenException when the token names no user (a client-credentials token's subject
   *     is a client id, not a user UUID): such callers may not use user endpoints
   */
  public static CurrentUser from(Jwt jwt) {
    UUID id = uuid(jwt.getSubject());
    if (id == null) {
      throw new ForbiddenException("fieldops.problem.user-token-required");
    }
    return new CurrentUser(
        id,
        uuid(jwt.getClaimAsString(ORG_ID)),
        jwt.getClaimAsString(EMAIL),
        jwt.getClaimAsString(GIVEN_NAME),
        jwt.getClaimAsString(FAMILY_NAME),
        jwt.getClaimAsString(PHONE_NUMBER),
        roles(jwt),
        level(jwt.getClaim(LEVEL)));
  }

  static Set<Role> roles(Jwt jwt) {
    Object claim = jwt.getClaims().get(ROLES);
    Collection<?> values =
        claim instanceof Collection<?> list
            ? list
            : claim instanceof String text ? List.of(text.split("[ ,]+")) : List.of();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object value : values) {
      Role.fromClaim(String.valueOf(value)).ifPresent(roles::add);
    }
    return roles;
  }

  static int level(Object claim) {
    if (claim instanceof Number number) {
      return number.intValue();
    }
    if (claim instanceof String text) {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        return CurrentUser.NO_LEVEL;
      }
    }
    return CurrentUser.NO_LEVEL;
  }

  private static UUID uuid(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

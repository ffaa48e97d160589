package io.fieldops.auth.members;

import io.fieldops.platform.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the roles and level an admin grants: exact names, and the level a role implies. */
final class MemberRoles {

  /** The ticket seed's admin level. */
  static final int ADMIN_LEVEL = 3;

  private MemberRoles() {}

  /** Distinct roles in the order given; null (and a problem for {@code roles}) when any is bad. */
  static List<Role> parse(List<String> names, Map<String, String> problems) {
    List<Role> roles = new ArrayList<>();
    for (String name : names) {
      Role parsed = parseOne(name);
      if (parsed == null) {
        problems.put("roles", "auth.members.role-invalid");
        return null;
      }
      if (!roles.contains(parsed)) {
        roles.add(parsed);
      }
    }
    if (roles.isEmpty()) {
      problems.put("roles", "auth.members.roles-required");
      return null;
    }
    return roles;
  }

  /** Exact enum names only (upper case): "admin" is refused rather than guessed. */
  static Role parseOne(String name) {
    if (name == null) {
      return null;
    }
    try {
      return Role.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The ticket seed's levels: the highest role decides. */
  static int defaultLevel(List<Role> roles) {
    if (roles.contains(Role.ADMIN)) {
      return ADMIN_LEVEL;
    }
    if (roles.contains(Role.SUPERVISOR)) {
      return 2;
    }
    if (roles.contains(Role.AGENT)) {
      return 1;
    }
    return 0;
  }

  /** Whether {@code level} is one of the ticket seed's (0-3). */
  static boolean validLevel(int level) {
    return level >= 0 && level <= ADMIN_LEVEL;
  }
}

package io.fieldops.auth.directory;

import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff of an organisation look up the identity of its members by id, a batch at a time: what
 * customer-service calls (relaying the staff member's token) to put names beside the customers it
 * lists, since identity lives only here (seed 002).
 */
@Service
class UserDirectory {

  static final int MAX_IDS = 100;

  private final NamedParameterJdbcTemplate jdbc;

  UserDirectory(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Staff only: a CUSTOMER token answers 403. */
  @Transactional(readOnly = true)
  DirectoryPage lookup(CurrentUser caller, List<UUID> ids) {
    caller.requireRole(Role.AGENT, Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMIN);
    List<UUID> wanted = ids.stream().distinct().toList();
    if (wanted.size() > MAX_IDS) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("ids", "auth.directory.too-many-ids"));
    }
    if (wanted.isEmpty()) {
      return new DirectoryPage(List.of());
    }
    List<DirectoryEntry> results =
        jdbc.query(
            "select u.id, u.username, u.email, u.first_name, u.last_name, u.phone,"
                + " u.is_active and m.is_active as active"
                + " from membership m join app_user u on u.id = m.user_id"
                + " where m.organisation_id = :org and m.user_id in (:ids)",
            Map.of("org", caller.orgId(), "ids", wanted),
            (rs, n) ->
                new DirectoryEntry(
                    rs.getObject("id", UUID.class),
                    rs.getString("username"),
                    rs.getString("email"),
                    rs.getString("first_name"),
                    rs.getString("last_name"),
                    rs.getString("phone"),
                    rs.getBoolean("active")));
    return new DirectoryPage(results);
  }
}

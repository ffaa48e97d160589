package io.fieldops.platform.events.members;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks staff up in the local read model instead of asking auth-service per request
 * (docs/architecture.md "Calls between services"): a write path that names a technician or an
 * assigner checks them here, inside its own transaction, with no remote call.
 *
 * <p>Every lookup takes the organisation: a member of another organisation is never returned, even
 * for a user id that exists there. The model is eventually consistent with auth-service (usually
 * milliseconds behind); a person who has just joined may not be here yet.
 */
public class OrganisationMembers {

  private static final String COLUMNS =
      "SELECT org_id, user_id, roles, level, active, first_name, last_name, email, phone_number,"
          + " updated_at FROM organisation_member";

  private final JdbcClient jdbc;

  public OrganisationMembers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The member, active or not; callers that assign work check {@link Member#active()}. */
  public Optional<Member> find(UUID orgId, UUID userId) {
    return jdbc.sql(COLUMNS + " WHERE org_id = :org AND user_id = :user")
        .param("org", orgId)
        .param("user", userId)
        .query(OrganisationMembers::member)
        .optional();
  }

  /** Active members with any role but CUSTOMER, by first name, last name. */
  public List<Member> staff(UUID orgId) {
    return jdbc.sql(
            COLUMNS
                + " WHERE org_id = :org AND active AND NOT (roles <@ ARRAY['CUSTOMER'])"
                + " ORDER BY lower(first_name), lower(last_name), user_id")
        .param("org", orgId)
        .query(OrganisationMembers::member)
        .list();
  }

  /**
   * The members of {@code orgId} among {@code userIds}, by user id; ids that are not members there
   * are absent from the map.
   */
  public Map<UUID, Member> find(UUID orgId, Collection<UUID> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql(COLUMNS + " WHERE org_id = :org AND user_id IN (:users)")
        .param("org", orgId)
        .param("users", List.copyOf(userIds))
        .query(OrganisationMembers::member)
        .stream()
        .collect(Collectors.toUnmodifiableMap(Member::userId, Function.identity()));
  }

  private static Member member(ResultSet rs, int row) throws SQLException {
    Array roles = rs.getArray("roles");
    try {
      return new Member(
          rs.getObject("org_id", UUID.class),
          rs.getObject("user_id", UUID.class),
          List.of((String[]) roles.getArray()),
          rs.getInt("level"),
          rs.getBoolean("active"),
          rs.getString("first_name"),
          rs.getString("last_name"),
          rs.getString("email"),
          rs.getString("phone_number"),
          rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    } finally {
      roles.free();
    }
  }
}

package io.fieldops.auth.directory;

import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Role;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff of an organisation look up the identity of its members by id, a batch at a time, or find
 * members by a piece of their name, email or phone: what customer-service calls (relaying the staff
 * member's token) to put names beside the customers it lists and to search them by name, since
 * identity lives only here (seed 002).
 */
@Service
class UserDirectory {

  static final int MAX_IDS = 100;
  static final int MAX_MATCHES = 100;
  static final int MAX_SEARCH_LENGTH = 100;

  /**
   * What an organisation sees of its members (the view {@code organisation_member}, migration V6):
   * for a person it only added through an agent booking, what its own agent typed, never the
   * account's identity. Searches run over the same columns, so they cannot find such a member by a
   * name or email the organisation was never told.
   */
  private static final String SELECT =
      "select user_id, username, email, first_name, last_name, phone,"
          + " account_active and membership_active as active"
          + " from organisation_member where organisation_id = :org";

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
    return new DirectoryPage(
        jdbc.query(
            SELECT + " and user_id in (:ids)",
            Map.of("org", caller.orgId(), "ids", wanted),
            UserDirectory::entry));
  }

  /**
   * Members whose first name, last name, both together, email, username or phone contains {@code
   * text} (case-insensitive; for a phone the digits typed, in any format), at most {@value
   * #MAX_MATCHES}, by name. Staff only.
   */
  @Transactional(readOnly = true)
  DirectoryPage search(CurrentUser caller, String text) {
    caller.requireRole(Role.AGENT, Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMIN);
    String wanted = text == null ? "" : text.strip();
    if (wanted.isEmpty() || wanted.length() > MAX_SEARCH_LENGTH) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("search", "auth.directory.search-invalid"));
    }
    String pattern = "%" + like(wanted.toLowerCase(Locale.ROOT)) + "%";
    // Phones are stored as written and keyed by E.164 where valid: "081-234-5678" is found by its
    // digits without the trunk 0, in either ("0812345678" and "+66812345678" both contain them).
    String digits = wanted.replaceAll("\\D", "").replaceFirst("^0", "");
    return new DirectoryPage(
        jdbc.query(
            SELECT
                + " and (lower(first_name) like :pattern or lower(last_name) like :pattern"
                + " or lower(first_name || ' ' || last_name) like :pattern"
                + " or lower(email) like :pattern or lower(username) like :pattern"
                + " or (:digits <> '' and (phone like :phone or phone_key like :phone)))"
                + " order by lower(first_name), lower(last_name), user_id limit :limit",
            Map.of(
                "org", caller.orgId(),
                "pattern", pattern,
                "digits", digits,
                "phone", "%" + digits + "%",
                "limit", MAX_MATCHES),
            UserDirectory::entry));
  }

  /** LIKE's wildcards typed by the user match literally ({@code like ... escape '\\'}). */
  private static String like(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static DirectoryEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new DirectoryEntry(
        rs.getObject("user_id", UUID.class),
        rs.getString("username"),
        rs.getString("email"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("phone"),
        rs.getBoolean("active"));
  }
}

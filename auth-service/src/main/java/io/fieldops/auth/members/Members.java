package io.fieldops.auth.members;

import io.fieldops.auth.token.RefreshTokens;
import io.fieldops.auth.user.AppUser;
import io.fieldops.auth.user.Membership;
import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.auth.user.UserEvents;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.error.ProblemException;
import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.outbox.Outbox;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisation admin: the members of the caller's own organisation (list, roles and level,
 * deactivate, reactivate; inviting is {@link MemberInvite}). Only an active ADMIN at level 3 may
 * use it; another organisation's user answers 404 exactly like a missing one.
 *
 * <p>What the admin sees of a member is the database view {@code organisation_member}: the
 * account's identity, except for a person the organisation only added through an agent booking,
 * whose name, email and phone are what its own agent typed (migration V6).
 */
@Service
class Members {

  static final int MAX_PAGE_SIZE = 100;
  static final String LAST_ADMIN = "auth.members.last-admin";
  private static final Logger log = LoggerFactory.getLogger(Members.class);

  /** What an organisation sees of its members: one definition, in the database. */
  private static final String MEMBER_COLUMNS =
      "select user_id, username, email, first_name, last_name, phone, roles, level, kind,"
          + " membership_active from organisation_member";

  private final OrganisationAdmin admins;
  private final MembershipRepository memberships;
  private final RefreshTokens refreshTokens;
  private final Outbox outbox;
  private final NamedParameterJdbcTemplate jdbc;

  Members(
      OrganisationAdmin admins,
      MembershipRepository memberships,
      RefreshTokens refreshTokens,
      Outbox outbox,
      NamedParameterJdbcTemplate jdbc) {
    this.admins = admins;
    this.memberships = memberships;
    this.refreshTokens = refreshTokens;
    this.outbox = outbox;
    this.jdbc = jdbc;
  }

  /**
   * Undoes a deactivation: the person may log in to the organisation again (refresh tokens revoked
   * at deactivation stay revoked). Publishes {@code membership.changed}; idempotent.
   */
  @Transactional
  MemberResponse reactivate(CurrentUser caller, UUID userId) {
    admins.require(caller);
    lockOrganisation(caller.orgId());
    Membership membership = find(caller, userId);
    if (membership.reactivate()) {
      memberships.saveAndFlush(membership);
      outbox.publish(
          Topics.USERS,
          userId,
          EventEnvelope.of(
              UserEvents.MEMBERSHIP_CHANGED,
              caller.orgId(),
              UserEvents.MembershipChanged.of(membership)));
      log.info(
          "Admin {} reactivated user {} in organisation {}", caller.id(), userId, caller.orgId());
    }
    return response(membership);
  }

  @Transactional(readOnly = true)
  MemberPage list(CurrentUser caller, int page, int size, String role) {
    admins.require(caller);
    Map<String, String> problems = new LinkedHashMap<>();
    if (page < 0) {
      problems.put("page", "auth.members.page-invalid");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      problems.put("size", "auth.members.size-invalid");
    }
    Role wanted = null;
    if (role != null && !role.isBlank()) {
      wanted = MemberRoles.parseOne(role);
      if (wanted == null) {
        problems.put("role", "auth.members.role-invalid");
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("fieldops.problem.validation-failed", problems);
    }
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("org", caller.orgId())
            .addValue("role", wanted == null ? null : wanted.name())
            .addValue("limit", size)
            .addValue("offset", (long) page * size);
    String where =
        " where organisation_id = :org"
            + " and (cast(:role as text) is null or cast(:role as text) = any(roles))";
    Long count =
        jdbc.queryForObject("select count(*) from organisation_member" + where, params, Long.class);
    List<MemberResponse> results =
        jdbc.query(
            MEMBER_COLUMNS
                + where
                + " order by lower(first_name), lower(last_name), user_id"
                + " limit :limit offset :offset",
            params,
            (rs, n) -> row(rs));
    return new MemberPage(count == null ? 0 : count, page, size, results);
  }

  @Transactional
  MemberResponse change(CurrentUser caller, UUID userId, MemberChangeRequest request) {
    admins.require(caller);
    Map<String, String> problems = new LinkedHashMap<>();
    List<Role> roles =
        request.roles() == null ? null : MemberRoles.parse(request.roles(), problems);
    if (request.level() != null
        && (request.level() < 0 || request.level() > Membership.ADMIN_LEVEL)) {
      problems.put("level", "auth.members.level-invalid");
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("fieldops.problem.validation-failed", problems);
    }
    lockOrganisation(caller.orgId());
    Membership membership = find(caller, userId);
    List<Role> newRoles =
        roles != null
            ? roles
            : membership.getRoles().stream().map(Role::fromClaim).flatMap(o -> o.stream()).toList();
    int newLevel = request.level() != null ? request.level() : membership.getLevel();
    boolean wasAdmin = membership.isEffectiveAdmin();
    boolean staysAdmin = newRoles.contains(Role.ADMIN) && newLevel == Membership.ADMIN_LEVEL;
    if (wasAdmin && !staysAdmin) {
      requireAnotherAdmin(caller.orgId());
    }
    List<String> before = membership.getRoles();
    int levelBefore = membership.getLevel();
    membership.change(newRoles, newLevel);
    if (!before.equals(membership.getRoles()) || levelBefore != newLevel) {
      memberships.saveAndFlush(membership);
      outbox.publish(
          Topics.USERS,
          membership.getUserId(),
          EventEnvelope.of(
              UserEvents.MEMBERSHIP_CHANGED,
              caller.orgId(),
              UserEvents.MembershipChanged.of(membership)));
      log.info(
          "Admin {} set user {} in organisation {} to {} level {}",
          caller.id(),
          userId,
          caller.orgId(),
          membership.getRoles(),
          newLevel);
    }
    return response(membership);
  }

  @Transactional
  MemberResponse deactivate(CurrentUser caller, UUID userId) {
    admins.require(caller);
    lockOrganisation(caller.orgId());
    Membership membership = find(caller, userId);
    if (membership.isEffectiveAdmin()) {
      requireAnotherAdmin(caller.orgId());
    }
    if (membership.deactivate()) {
      memberships.saveAndFlush(membership);
      int revoked = refreshTokens.revokeAllIn(userId, caller.orgId());
      outbox.publish(
          Topics.USERS,
          userId,
          EventEnvelope.of(
              UserEvents.USER_DEACTIVATED,
              caller.orgId(),
              UserEvents.UserDeactivated.of(membership)));
      log.info(
          "Admin {} deactivated user {} in organisation {} ({} refresh tokens revoked)",
          caller.id(),
          userId,
          caller.orgId(),
          revoked);
    }
    return response(membership);
  }

  private Membership find(CurrentUser caller, UUID userId) {
    return memberships
        .findByUserIdAndOrganisationId(userId, caller.orgId())
        .orElseThrow(() -> NotFoundException.of("User"));
  }

  /**
   * Role and level changes and deactivations of one organisation run one at a time, so two admins
   * demoting each other at once cannot leave the organisation without an admin.
   */
  private void lockOrganisation(UUID organisationId) {
    jdbc.queryForList(
        "select id from organisation where id = :org for update",
        Map.of("org", organisationId),
        UUID.class);
  }

  private void requireAnotherAdmin(UUID organisationId) {
    Long admins =
        jdbc.queryForObject(
            "select count(*) from membership where organisation_id = :org and is_active"
                + " and level = 3 and 'ADMIN' = any(roles)",
            Map.of("org", organisationId),
            Long.class);
    if (admins == null || admins <= 1) {
      throw new ProblemException(HttpStatus.CONFLICT, "last-admin", LAST_ADMIN);
    }
  }

  /** As the list shows it, read after the change was flushed. */
  private MemberResponse response(Membership membership) {
    return jdbc.queryForObject(
        MEMBER_COLUMNS + " where membership_id = :id",
        Map.of("id", membership.getId()),
        (rs, n) -> row(rs));
  }

  /** A member whose account the organisation created just now: the account's identity. */
  static MemberResponse response(AppUser user, Membership membership) {
    return new MemberResponse(
        user.getId(),
        user.getUsername(),
        user.getEmail(),
        user.getFirstName(),
        user.getLastName(),
        user.getPhoneNumber(),
        membership.getRoles(),
        membership.getLevel(),
        membership.getKind().name(),
        membership.isActive());
  }

  private static MemberResponse row(ResultSet rs) throws SQLException {
    Array roles = rs.getArray("roles");
    return new MemberResponse(
        rs.getObject("user_id", UUID.class),
        rs.getString("username"),
        rs.getString("email"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("phone"),
        Arrays.asList((String[]) roles.getArray()),
        rs.getInt("level"),
        rs.getString("kind"),
        rs.getBoolean("membership_active"));
  }
}

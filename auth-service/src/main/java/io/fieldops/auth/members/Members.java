package io.fieldops.auth.members;

import io.fieldops.auth.organisation.OrganisationRepository;
import io.fieldops.auth.passwordsetup.PasswordSetup;
import io.fieldops.auth.passwordsetup.SetupTokenResponse;
import io.fieldops.auth.token.RefreshTokens;
import io.fieldops.auth.user.AppUser;
import io.fieldops.auth.user.Membership;
import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.auth.user.UniqueFields;
import io.fieldops.auth.user.UserEvents;
import io.fieldops.auth.user.UserRepository;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.ForbiddenException;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.error.ProblemException;
import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.outbox.Outbox;
import io.fieldops.platform.phone.PhoneNumber;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Level;
import io.fieldops.platform.security.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisation admin: the members of the caller's own organisation. Only an active ADMIN at level 3
 * may use it; another organisation's user answers 404 exactly like a missing one.
 */
@Service
class Members {

  static final int MAX_PAGE_SIZE = 100;
  static final String LAST_ADMIN = "auth.members.last-admin";
  static final String ALREADY_MEMBER = "auth.members.already-member";
  private static final Logger log = LoggerFactory.getLogger(Members.class);

  private final MembershipRepository memberships;
  private final UserRepository users;
  private final RefreshTokens refreshTokens;
  private final Outbox outbox;
  private final NamedParameterJdbcTemplate jdbc;
  private final OrganisationRepository organisations;
  private final PasswordSetup passwordSetup;
  private final Clock clock;

  Members(
      MembershipRepository memberships,
      UserRepository users,
      RefreshTokens refreshTokens,
      Outbox outbox,
      NamedParameterJdbcTemplate jdbc,
      OrganisationRepository organisations,
      PasswordSetup passwordSetup,
      Clock clock) {
    this.memberships = memberships;
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.organisations = organisations;
    this.passwordSetup = passwordSetup;
    this.clock = clock;
  }

  /**
   * Adds someone to the caller's organisation by email. An unknown email becomes a new account
   * without a password (the answer carries its one-time set-up token) and {@code user.registered}
   * is published; a known one gets a membership and {@code membership.changed}. Concurrent
   * invitations of one email: the unique indexes on email and on (user, organisation) let one
   * through, the others answer 409.
   */
  @Transactional
  InviteResponse invite(CurrentUser caller, InviteRequest request) {
    requireAdmin(caller);
    Map<String, String> problems = new LinkedHashMap<>();
    List<Role> roles = parseRoles(request.roles(), problems);
    Integer level = request.level();
    if (level != null && (level < 0 || level > Membership.ADMIN_LEVEL)) {
      problems.put("level", "auth.members.level-invalid");
    }
    String email = request.email().trim().toLowerCase(Locale.ROOT);
    AppUser existing = users.findByEmail(email).orElse(null);
    PhoneNumber phone = null;
    if (existing == null) {
      if (request.firstName() == null || request.firstName().isBlank()) {
        problems.put("first_name", "auth.field.blank");
      }
      if (request.phoneNumber() != null && !request.phoneNumber().isBlank()) {
        phone =
            organisations
                .findById(caller.orgId())
                .orElseThrow()
                .phoneRule()
                .read(request.phoneNumber())
                .orElse(null);
        if (phone == null) {
          problems.put("phone_number", "auth.phone.invalid");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("fieldops.problem.validation-failed", problems);
    }
    int grantedLevel = level != null ? level : defaultLevel(roles);
    Instant now = clock.instant();

    boolean created = existing == null;
    AppUser user = existing;
    if (created) {
      if (phone != null && users.existsByPhoneKey(phone.key())) {
        throw UniqueFields.taken(UniqueFields.PHONE);
      }
      user =
          AppUser.invited(
              email,
              request.firstName().trim(),
              request.lastName() == null ? "" : request.lastName().trim(),
              phone,
              now);
      try {
        users.saveAndFlush(user);
      } catch (DataIntegrityViolationException duplicate) {
        throw UniqueFields.fromViolation(duplicate);
      }
    } else if (memberships
        .findByUserIdAndOrganisationId(user.getId(), caller.orgId())
        .isPresent()) {
      throw alreadyMember();
    }
    Membership membership =
        Membership.granted(user.getId(), caller.orgId(), roles, grantedLevel, now);
    try {
      memberships.saveAndFlush(membership);
    } catch (DataIntegrityViolationException concurrentInvite) {
      throw alreadyMember();
    }

    SetupTokenResponse setup = null;
    if (created) {
      setup = passwordSetup.issueFor(user.getId(), caller.orgId(), caller.id());
      outbox.publish(
          Topics.USERS,
          user.getId(),
          EventEnvelope.of(
              UserEvents.USER_REGISTERED,
              caller.orgId(),
              UserEvents.UserRegistered.of(user, membership)));
    } else {
      outbox.publish(
          Topics.USERS,
          user.getId(),
          EventEnvelope.of(
              UserEvents.MEMBERSHIP_CHANGED,
              caller.orgId(),
              UserEvents.MembershipChanged.of(membership)));
    }
    log.info(
        "Admin {} invited user {} ({}) to organisation {} as {} level {}",
        caller.id(),
        user.getId(),
        created ? "new account" : "existing account",
        caller.orgId(),
        membership.getRoles(),
        grantedLevel);
    return new InviteResponse(
        created,
        response(user, membership),
        setup == null ? null : setup.token(),
        setup == null ? null : setup.expiresAt());
  }

  /**
   * Undoes a deactivation: the person may log in to the organisation again (refresh tokens revoked
   * at deactivation stay revoked). Publishes {@code membership.changed}; idempotent.
   */
  @Transactional
  MemberResponse reactivate(CurrentUser caller, UUID userId) {
    requireAdmin(caller);
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

  /** The ticket seed's levels: the highest role decides. */
  static int defaultLevel(List<Role> roles) {
    if (roles.contains(Role.ADMIN)) {
      return Membership.ADMIN_LEVEL;
    }
    if (roles.contains(Role.SUPERVISOR)) {
      return 2;
    }
    if (roles.contains(Role.AGENT)) {
      return 1;
    }
    return roles.contains(Role.TECHNICIAN) ? 0 : Membership.CUSTOMER_LEVEL;
  }

  private static ProblemException alreadyMember() {
    return new ProblemException(HttpStatus.CONFLICT, "already-member", ALREADY_MEMBER);
  }

  @Transactional(readOnly = true)
  MemberPage list(CurrentUser caller, int page, int size, String role) {
    requireAdmin(caller);
    Map<String, String> problems = new LinkedHashMap<>();
    if (page < 0) {
      problems.put("page", "auth.members.page-invalid");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      problems.put("size", "auth.members.size-invalid");
    }
    Role wanted = null;
    if (role != null && !role.isBlank()) {
      wanted = parseRole(role);
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
        " from membership m join app_user u on u.id = m.user_id where m.organisation_id = :org"
            + " and (cast(:role as text) is null or cast(:role as text) = any(m.roles))";
    Long count = jdbc.queryForObject("select count(*)" + where, params, Long.class);
    List<MemberResponse> results =
        jdbc.query(
            "select u.id, u.username, u.email, u.first_name, u.last_name, u.phone, m.roles,"
                + " m.level, m.kind, m.is_active"
                + where
                + " order by lower(u.first_name), lower(u.last_name), u.id"
                + " limit :limit offset :offset",
            params,
            (rs, n) -> row(rs));
    return new MemberPage(count == null ? 0 : count, page, size, results);
  }

  @Transactional
  MemberResponse change(CurrentUser caller, UUID userId, MemberChangeRequest request) {
    requireAdmin(caller);
    Map<String, String> problems = new LinkedHashMap<>();
    List<Role> roles = request.roles() == null ? null : parseRoles(request.roles(), problems);
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
    requireAdmin(caller);
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

  /** The token must say ADMIN at level 3, and the membership must still be an active admin one. */
  private void requireAdmin(CurrentUser caller) {
    caller.requireRole(Role.ADMIN).requireLevel(Level.ADMIN);
    if (!memberships.isEffectiveAdmin(caller.id(), caller.orgId())) {
      throw ForbiddenException.accessDenied();
    }
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

  /** Distinct roles in the order given; null (and a problem for {@code roles}) when any is bad. */
  private static List<Role> parseRoles(List<String> names, Map<String, String> problems) {
    List<Role> roles = new ArrayList<>();
    for (String name : names) {
      Role parsed = parseRole(name);
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

  private MemberResponse response(Membership membership) {
    return response(users.findById(membership.getUserId()).orElseThrow(), membership);
  }

  private static MemberResponse response(AppUser user, Membership membership) {
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
        rs.getObject("id", UUID.class),
        rs.getString("username"),
        rs.getString("email"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("phone"),
        Arrays.asList((String[]) roles.getArray()),
        rs.getInt("level"),
        rs.getString("kind"),
        rs.getBoolean("is_active"));
  }

  /** Exact enum names only (upper case): "admin" is refused rather than guessed. */
  private static Role parseRole(String name) {
    if (name == null) {
      return null;
    }
    try {
      return Role.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

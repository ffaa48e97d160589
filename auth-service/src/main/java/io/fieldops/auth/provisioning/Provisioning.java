package io.fieldops.auth.provisioning;

import io.fieldops.auth.organisation.Organisation;
import io.fieldops.auth.organisation.Organisations;
import io.fieldops.auth.organisation.PhoneRule;
import io.fieldops.auth.user.AppUser;
import io.fieldops.auth.user.Membership;
import io.fieldops.auth.user.MembershipKind;
import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.auth.user.UniqueFields;
import io.fieldops.auth.user.UserEvents;
import io.fieldops.auth.user.UserRepository;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.outbox.Outbox;
import io.fieldops.platform.phone.PhoneNumber;
import io.fieldops.platform.security.Role;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Find-or-create a user by phone inside an organisation, for booking-service's public agent booking
 * (seed 001). The user gets no usable password (null hash): they claim the account later with a
 * one-time password set-up token, so nobody can log in as them in the meantime.
 *
 * <p>The phone is read by the organisation's {@link PhoneRule} and the user found by its key, so
 * {@code 081-234-5678} and {@code +66 81 234 5678} are one user in a Thai organisation; the user is
 * created with the number as written, which is also their username. An organisation with strict
 * validation refuses to create a user for a number it does not accept, but still finds one stored
 * before it turned strict (the booking of an existing customer keeps working).
 *
 * <p>Races are settled by the database: the user and the membership are inserted with {@code on
 * conflict do nothing}, so of any number of concurrent calls for one phone exactly one inserts, and
 * the others (which wait for it to commit) insert nothing and read the winner's row. No exception
 * marks the transaction rollback-only, so there is nothing to retry.
 */
@Service
public class Provisioning {

  private static final Logger log = LoggerFactory.getLogger(Provisioning.class);

  private final UserRepository users;
  private final MembershipRepository memberships;
  private final Organisations organisations;
  private final JdbcTemplate jdbc;
  private final Outbox outbox;
  private final Clock clock;

  Provisioning(
      UserRepository users,
      MembershipRepository memberships,
      Organisations organisations,
      JdbcTemplate jdbc,
      Outbox outbox,
      Clock clock) {
    this.users = users;
    this.memberships = memberships;
    this.organisations = organisations;
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public ProvisionResponse provision(ProvisionRequest request) {
    Organisation organisation = organisations.resolve(request.organization());
    PhoneRule phoneRule = organisation.phoneRule();
    PhoneNumber phone =
        phoneRule.readToFind(request.phone()).orElseThrow(Provisioning::invalidPhone);
    String email = blankToNull(request.email());
    if (email != null) {
      email = email.toLowerCase(Locale.ROOT);
    }

    boolean created = false;
    AppUser user = users.findByPhoneKey(phone.key()).orElse(null);
    if (user == null) {
      if (phoneRule.read(request.phone()).isEmpty()) {
        // nobody has it, and this organisation's strict validation does not accept it as new
        throw invalidPhone();
      }
      if (email != null && users.existsByEmail(email)) {
        throw UniqueFields.taken(UniqueFields.EMAIL);
      }
      created = insertUser(phone, email, request) == 1;
      final String wanted = email;
      user =
          users
              .findByPhoneKey(phone.key())
              // nothing inserted and nobody has the phone: the email (or the username) was taken
              .orElseThrow(
                  () ->
                      wanted != null && users.existsByEmail(wanted)
                          ? UniqueFields.taken(UniqueFields.EMAIL)
                          : UniqueFields.taken(UniqueFields.PHONE));
    }

    boolean membershipAdded = false;
    Membership membership =
        memberships.findByUserIdAndOrganisationId(user.getId(), organisation.getId()).orElse(null);
    if (membership == null) {
      membershipAdded = insertCustomerMembership(user.getId(), organisation.getId()) == 1;
      membership =
          memberships
              .findByUserIdAndOrganisationId(user.getId(), organisation.getId())
              .orElseThrow();
    }

    if (created) {
      outbox.publish(
          Topics.USERS,
          user.getId(),
          EventEnvelope.of(
              UserEvents.USER_REGISTERED,
              organisation.getId(),
              UserEvents.UserRegistered.of(user, membership)));
      log.info("User {} provisioned in organisation {}", user.getId(), organisation.getId());
    }
    if (membershipAdded) {
      outbox.publish(
          Topics.USERS,
          user.getId(),
          EventEnvelope.of(
              UserEvents.MEMBERSHIP_CHANGED,
              organisation.getId(),
              UserEvents.MembershipChanged.of(membership)));
      log.info("User {} became a customer of organisation {}", user.getId(), organisation.getId());
    }
    return new ProvisionResponse(
        created,
        new ProvisionResponse.ProvisionedUser(
            user.getId(),
            user.getUsername(),
            user.getFirstName(),
            user.getLastName(),
            user.getEmail(),
            user.getPhoneNumber(),
            user.isActive()));
  }

  private static BadRequestException invalidPhone() {
    return new BadRequestException(
        "fieldops.problem.validation-failed", Map.of("phone", "auth.phone.invalid"));
  }

  /** 1 when inserted, 0 when any unique rule (phone key, username, email) stopped it. */
  private int insertUser(PhoneNumber phone, String email, ProvisionRequest request) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    UUID id = UUID.randomUUID();
    return jdbc.update(
        """
        insert into app_user (id, username, email, phone, phone_key, first_name, last_name,
                              gender, country, password_hash, is_active, created_at, updated_at,
                              version)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, true, ?, ?, 0)
        on conflict do nothing
        """,
        id,
        username(phone, id),
        new SqlParameterValue(Types.VARCHAR, email),
        phone.written(),
        phone.key(),
        trimmed(request.firstName()),
        trimmed(request.lastName()),
        new SqlParameterValue(Types.VARCHAR, blankToNull(request.gender())),
        new SqlParameterValue(Types.VARCHAR, blankToNull(request.country())),
        now,
        now);
  }

  /**
   * Agent-created users are known by their phone as written (seed 001: "used as username"). One
   * spelling can be two numbers in two regions ({@code 0812345670} is a Thai mobile in a Thai
   * organisation, ten digits in an Indian one), so when the written form is someone's username
   * already, the new user's is the number's key, or failing that the written form and the user's
   * id: usernames stay unique without refusing a number nobody has.
   */
  private String username(PhoneNumber phone, UUID id) {
    if (!users.existsByUsername(phone.written())) {
      return phone.written();
    }
    return users.existsByUsername(phone.key()) ? phone.written() + "#" + id : phone.key();
  }

  private int insertCustomerMembership(UUID userId, UUID organisationId) {
    return jdbc.update(
        """
        insert into membership (id, user_id, organisation_id, roles, level, kind, created_at)
        values (?, ?, ?, cast(array[?] as text[]), ?, ?, ?)
        on conflict (user_id, organisation_id) do nothing
        """,
        UUID.randomUUID(),
        userId,
        organisationId,
        Role.CUSTOMER.name(),
        Membership.CUSTOMER_LEVEL,
        MembershipKind.CUSTOMER.name(),
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  private static String trimmed(String value) {
    return value == null ? "" : value.trim();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

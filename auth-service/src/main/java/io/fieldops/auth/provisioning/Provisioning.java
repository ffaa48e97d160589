package io.fieldops.auth.provisioning;

import io.fieldops.auth.organisation.Organisation;
import io.fieldops.auth.organisation.Organisations;
import io.fieldops.auth.organisation.PhoneRule;
import io.fieldops.auth.user.AppUser;
import io.fieldops.auth.user.Membership;
import io.fieldops.auth.user.MembershipKind;
import io.fieldops.auth.user.MembershipOrigin;
import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.auth.user.UniqueFields;
import io.fieldops.auth.user.UserEvents;
import io.fieldops.auth.user.UserRepository;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.outbox.Outbox;
import io.fieldops.platform.person.Gender;
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
 * <p>The phone is public input: anyone can book with anyone's number. So a phone that belongs to an
 * account this organisation did not create, and the person never shared with it, gets a CUSTOMER
 * membership of origin {@code ADDED} that reveals nothing: the answer carries what the request
 * sent, never the stored name, email or username, and nothing stored about the account changes.
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
    String gender = Gender.read(request.gender(), "gender");
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
      created = insertUser(phone, email, gender, request, organisation.getId()) == 1;
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

    // a user this call created has no membership yet: one query fewer on the booking hot path
    Membership membership =
        created
            ? null
            : memberships
                .findByUserIdAndOrganisationId(user.getId(), organisation.getId())
                .orElse(null);
    boolean membershipAdded = false;
    if (membership == null) {
      // An account that existed already is added without the person's consent: the organisation
      // keeps only what it told us (the request) and never sees the account's own identity.
      MembershipOrigin origin = created ? MembershipOrigin.CREATED : MembershipOrigin.ADDED;
      membershipAdded =
          insertCustomerMembership(user.getId(), organisation.getId(), origin, phone, request) == 1;
      membership =
          memberships
              .findByUserIdAndOrganisationId(user.getId(), organisation.getId())
              .orElseThrow();
    }

    // A new account's user.registered carries its first membership, so membership.changed is
    // only for an existing account that this call added to the organisation.
    if (created) {
      outbox.publish(
          Topics.USERS,
          user.getId(),
          EventEnvelope.of(
              UserEvents.USER_REGISTERED,
              organisation.getId(),
              UserEvents.UserRegistered.of(user, membership)));
      log.info("User {} provisioned in organisation {}", user.getId(), organisation.getId());
    } else if (membershipAdded) {
      outbox.publish(
          Topics.USERS,
          user.getId(),
          EventEnvelope.of(
              UserEvents.MEMBERSHIP_CHANGED,
              organisation.getId(),
              UserEvents.MembershipChanged.of(membership)));
      log.info("User {} became a customer of organisation {}", user.getId(), organisation.getId());
    }
    return new ProvisionResponse(created, identity(user, membership, phone, request));
  }

  /**
   * What this organisation may know of the person. Their account's identity only when the
   * membership shares it: the account was created here (by this call too), or the person joined or
   * accepted an invitation. Otherwise (the phone belongs to someone this organisation merely added,
   * now or on an earlier call) the identity is what this request sent: names and email as sent, and
   * the phone as written in the request, which is also the {@code username} (an agent-created
   * user's username is their written phone, seed 001, so the answer keeps its usual look without
   * showing the account's real username, often an email).
   */
  private static ProvisionResponse.ProvisionedUser identity(
      AppUser user, Membership membership, PhoneNumber phone, ProvisionRequest request) {
    if (membership.sharesIdentity()) {
      return new ProvisionResponse.ProvisionedUser(
          user.getId(),
          user.getUsername(),
          user.getFirstName(),
          user.getLastName(),
          user.getEmail(),
          user.getPhoneNumber(),
          user.isActive());
    }
    return new ProvisionResponse.ProvisionedUser(
        user.getId(),
        phone.written(),
        trimmed(request.firstName()),
        trimmed(request.lastName()),
        blankToNull(request.email()),
        phone.written(),
        membership.isActive());
  }

  private static BadRequestException invalidPhone() {
    return new BadRequestException(
        "fieldops.problem.validation-failed", Map.of("phone", "auth.phone.invalid"));
  }

  /** 1 when inserted, 0 when any unique rule (phone key, username, email) stopped it. */
  private int insertUser(
      PhoneNumber phone,
      String email,
      String gender,
      ProvisionRequest request,
      UUID organisationId) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    UUID id = UUID.randomUUID();
    return jdbc.update(
        """
        insert into app_user (id, username, email, phone, phone_key, first_name, last_name,
                              gender, country, password_hash, password_set_at,
                              created_by_organisation_id, is_active, created_at, updated_at,
                              version)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, true, ?, ?, 0)
        on conflict do nothing
        """,
        id,
        username(phone, id),
        new SqlParameterValue(Types.VARCHAR, email),
        phone.written(),
        phone.key(),
        trimmed(request.firstName()),
        trimmed(request.lastName()),
        new SqlParameterValue(Types.VARCHAR, gender),
        new SqlParameterValue(Types.VARCHAR, blankToNull(request.country())),
        organisationId,
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

  /**
   * 1 when inserted, 0 when a concurrent call inserted it first. An {@code ADDED} membership keeps
   * what this organisation's request said about the person ({@code contact_*}): all its members
   * list and directory will ever show of them.
   */
  private int insertCustomerMembership(
      UUID userId,
      UUID organisationId,
      MembershipOrigin origin,
      PhoneNumber phone,
      ProvisionRequest request) {
    boolean added = origin == MembershipOrigin.ADDED;
    return jdbc.update(
        """
        insert into membership (id, user_id, organisation_id, roles, level, kind, origin,
                                contact_first_name, contact_last_name, contact_email,
                                contact_phone, created_at)
        values (?, ?, ?, cast(array[?] as text[]), ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (user_id, organisation_id) do nothing
        """,
        UUID.randomUUID(),
        userId,
        organisationId,
        Role.CUSTOMER.name(),
        Membership.CUSTOMER_LEVEL,
        MembershipKind.CUSTOMER.name(),
        origin.name(),
        new SqlParameterValue(Types.VARCHAR, added ? trimmed(request.firstName()) : null),
        new SqlParameterValue(Types.VARCHAR, added ? trimmed(request.lastName()) : null),
        new SqlParameterValue(Types.VARCHAR, added ? blankToNull(request.email()) : null),
        new SqlParameterValue(Types.VARCHAR, added ? phone.written() : null),
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  private static String trimmed(String value) {
    return value == null ? "" : value.trim();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

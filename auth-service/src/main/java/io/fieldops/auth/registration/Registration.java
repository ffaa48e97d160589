package io.fieldops.auth.registration;

import io.fieldops.auth.organisation.Organisation;
import io.fieldops.auth.organisation.Organisations;
import io.fieldops.auth.organisation.PhoneRule;
import io.fieldops.auth.token.AuthResponse;
import io.fieldops.auth.token.Sessions;
import io.fieldops.auth.user.AppUser;
import io.fieldops.auth.user.Membership;
import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.auth.user.UniqueFields;
import io.fieldops.auth.user.UserEvents;
import io.fieldops.auth.user.UserRepository;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.outbox.Outbox;
import io.fieldops.platform.phone.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seed 002's registration with seed 004's organisations: the user, their membership, the events and
 * the first tokens commit together or not at all.
 */
@Service
public class Registration {

  private static final Logger log = LoggerFactory.getLogger(Registration.class);

  private final UserRepository users;
  private final MembershipRepository memberships;
  private final Organisations organisations;
  private final Credentials credentials;
  private final PasswordEncoder passwordEncoder;
  private final Sessions sessions;
  private final Outbox outbox;
  private final Clock clock;

  Registration(
      UserRepository users,
      MembershipRepository memberships,
      Organisations organisations,
      Credentials credentials,
      PasswordEncoder passwordEncoder,
      Sessions sessions,
      Outbox outbox,
      Clock clock) {
    this.users = users;
    this.memberships = memberships;
    this.organisations = organisations;
    this.credentials = credentials;
    this.passwordEncoder = passwordEncoder;
    this.sessions = sessions;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public AuthResponse register(RegisterRequest request) {
    OrganisationChoice.check(request.organization(), request.organizationName())
        .ifPresent(
            key -> {
              throw new BadRequestException(
                  key, Map.of("organization", key, "organization_name", key));
            });
    String email = request.email().trim().toLowerCase(Locale.ROOT);
    boolean founding = hasText(request.organizationName());
    Organisation organisation = founding ? null : organisations.resolve(request.organization());
    // a founder's phone is read the way the organisation they found will read numbers
    PhoneRule phoneRule =
        founding ? organisations.newOrganisationPhoneRule() : organisation.phoneRule();

    Map<String, String> problems = new LinkedHashMap<>();
    PasswordConfirmation.check(request.password1(), request.password2())
        .ifPresent(key -> problems.put("password2", key));
    PhoneNumber phone = null;
    if (hasText(request.phoneNumber())) {
      phone = phoneRule.read(request.phoneNumber()).orElse(null);
      if (phone == null) {
        problems.put("phone_number", "auth.phone.invalid");
      }
    }
    credentials
        .checkPassword(
            request.password1(),
            email,
            request.firstName(),
            request.lastName(),
            phone == null ? null : phone.written())
        .ifPresent(key -> problems.put("password1", key));
    if (!problems.isEmpty()) {
      throw new BadRequestException("fieldops.problem.validation-failed", problems);
    }
    // Friendly answer for the common case; the unique indexes decide races (see below).
    if (users.existsByEmail(email)) {
      throw UniqueFields.taken(UniqueFields.EMAIL);
    }
    // one user per phone, whichever way it is spelt: compared by key
    if (phone != null && users.existsByPhoneKey(phone.key())) {
      throw UniqueFields.taken(UniqueFields.PHONE);
    }

    Instant now = clock.instant();
    if (founding) {
      // before the user, who records the organisation they were created in; a lost race below
      // rolls it back with everything else
      organisation = organisations.create(request.organizationName());
    }
    AppUser user =
        AppUser.registered(
            email,
            request.firstName().trim(),
            request.lastName() == null ? "" : request.lastName().trim(),
            phone,
            passwordEncoder.encode(request.password1()),
            organisation.getId(),
            now);
    try {
      // Flushed here so that a concurrent registration with the same email or phone (in any
      // spelling: the index is on the phone's key) fails on the unique index now, inside this
      // method, and becomes a 409 naming the field.
      users.saveAndFlush(user);
    } catch (DataIntegrityViolationException duplicate) {
      throw UniqueFields.fromViolation(duplicate);
    }
    Membership membership =
        memberships.save(
            founding
                ? Membership.founder(user.getId(), organisation.getId(), now)
                : Membership.customer(user.getId(), organisation.getId(), now));

    // user.registered carries the new account's first membership: no membership.changed with it
    outbox.publish(
        Topics.USERS,
        user.getId(),
        EventEnvelope.of(
            UserEvents.USER_REGISTERED,
            organisation.getId(),
            UserEvents.UserRegistered.of(user, membership)));
    log.info(
        "User {} registered in organisation {} as {}",
        user.getId(),
        organisation.getId(),
        membership.getRoles());
    return sessions.start(user, membership, organisation);
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}

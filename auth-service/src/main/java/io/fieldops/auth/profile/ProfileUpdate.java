package io.fieldops.auth.profile;

import io.fieldops.auth.organisation.Organisation;
import io.fieldops.auth.organisation.OrganisationRepository;
import io.fieldops.auth.user.AppUser;
import io.fieldops.auth.user.Membership;
import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.auth.user.UniqueFields;
import io.fieldops.auth.user.UserEvents;
import io.fieldops.auth.user.UserMapper;
import io.fieldops.auth.user.UserRepository;
import io.fieldops.auth.user.UserResponse;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.outbox.Outbox;
import io.fieldops.platform.phone.PhoneNumber;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.web.ETags;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's own profile: read it with its version, change names, email and phone. */
@Service
class ProfileUpdate {

  static final String BLANK = "auth.field.blank";

  private final UserRepository users;
  private final MembershipRepository memberships;
  private final OrganisationRepository organisations;
  private final UserMapper mapper;
  private final Outbox outbox;
  private final Clock clock;

  ProfileUpdate(
      UserRepository users,
      MembershipRepository memberships,
      OrganisationRepository organisations,
      UserMapper mapper,
      Outbox outbox,
      Clock clock) {
    this.users = users;
    this.memberships = memberships;
    this.organisations = organisations;
    this.mapper = mapper;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The profile and the version its ETag carries. */
  record Versioned(UserResponse user, long version) {}

  @Transactional(readOnly = true)
  Versioned read(CurrentUser caller) {
    Context context = load(caller);
    return new Versioned(
        mapper.toResponse(context.user, context.membership, context.organisation),
        context.user.getVersion());
  }

  /**
   * @param expectedVersion the version from {@code If-Match}, or null when the client sent none
   */
  @Transactional
  Versioned update(CurrentUser caller, ProfileUpdateRequest request, Long expectedVersion) {
    Context context = load(caller);
    AppUser user = context.user;
    ETags.requireVersion(expectedVersion, user.getVersion());
    Map<String, String> problems = new LinkedHashMap<>();
    String email = null;
    if (request.email() != null) {
      email = request.email().trim().toLowerCase(Locale.ROOT);
      if (email.isEmpty()) {
        problems.put("email", BLANK);
      }
    }
    if (request.firstName() != null && request.firstName().isBlank()) {
      problems.put("first_name", BLANK);
    }
    PhoneNumber phone = null;
    boolean clearPhone = false;
    if (request.phoneNumber() != null) {
      if (request.phoneNumber().isBlank()) {
        clearPhone = true;
        if (user.getEmail() == null && email == null) {
          // a user without email is known by phone only: removing it would lock them out
          problems.put("phone_number", BLANK);
        }
      } else {
        phone = context.organisation.phoneRule().read(request.phoneNumber()).orElse(null);
        if (phone == null) {
          problems.put("phone_number", "auth.phone.invalid");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("fieldops.problem.validation-failed", problems);
    }

    Instant now = clock.instant();
    List<String> changed = new ArrayList<>();
    if (email != null && !email.equals(user.getEmail())) {
      // Friendly answer for the common case; the unique index decides races (below).
      if (users.existsByEmail(email)) {
        throw UniqueFields.taken(UniqueFields.EMAIL);
      }
      user.changeEmail(email, now);
      changed.add("email");
    }
    if (phone != null && !user.hasPhone(phone)) {
      // another spelling of their own number is a change of how it is shown, not a conflict
      if (users.existsByPhoneKeyAndIdNot(phone.key(), user.getId())) {
        throw UniqueFields.taken(UniqueFields.PHONE);
      }
      user.changePhoneNumber(phone, now);
      changed.add("phone_number");
    } else if (clearPhone && user.getPhoneNumber() != null) {
      user.changePhoneNumber(null, now);
      changed.add("phone_number");
    }
    String firstName =
        request.firstName() == null ? user.getFirstName() : request.firstName().trim();
    String lastName = request.lastName() == null ? user.getLastName() : request.lastName().trim();
    if (!Objects.equals(firstName, user.getFirstName())) {
      changed.add("first_name");
    }
    if (!Objects.equals(lastName, user.getLastName())) {
      changed.add("last_name");
    }
    if (changed.contains("first_name") || changed.contains("last_name")) {
      user.changeNames(firstName, lastName, now);
    }
    if (changed.isEmpty()) {
      // nothing to change: no new version, no event
      return new Versioned(
          mapper.toResponse(user, context.membership, context.organisation), user.getVersion());
    }
    try {
      // Flushed here: a concurrent change (version) or a lost uniqueness race surfaces now, as a
      // 409 stale-version or a 409 naming the field.
      users.saveAndFlush(user);
    } catch (DataIntegrityViolationException duplicate) {
      throw UniqueFields.fromViolation(duplicate);
    }
    outbox.publish(
        Topics.USERS,
        user.getId(),
        EventEnvelope.of(
            UserEvents.USER_UPDATED,
            context.organisation.getId(),
            UserEvents.UserUpdated.of(user, changed)));
    return new Versioned(
        mapper.toResponse(user, context.membership, context.organisation), user.getVersion());
  }

  private record Context(AppUser user, Membership membership, Organisation organisation) {}

  /**
   * The caller as stored now, in the organisation the token is for. A user, or a membership removed
   * or deactivated since the token was issued, reads as not found.
   */
  private Context load(CurrentUser caller) {
    AppUser user = users.findById(caller.id()).orElseThrow(() -> NotFoundException.of("User"));
    Membership membership =
        memberships
            .findByUserIdAndOrganisationId(caller.id(), caller.orgId())
            .filter(Membership::isActive)
            .orElseThrow(() -> NotFoundException.of("User"));
    Organisation organisation =
        organisations.findById(caller.orgId()).orElseThrow(() -> NotFoundException.of("User"));
    return new Context(user, membership, organisation);
  }
}

package io.fieldops.auth.members;

import io.fieldops.auth.invitation.Invitations;
import io.fieldops.auth.invitation.SentInvitation;
import io.fieldops.auth.organisation.OrganisationRepository;
import io.fieldops.auth.passwordsetup.PasswordSetup;
import io.fieldops.auth.passwordsetup.SetupTokenResponse;
import io.fieldops.auth.user.AppUser;
import io.fieldops.auth.user.Membership;
import io.fieldops.auth.user.MembershipOrigin;
import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.auth.user.UniqueFields;
import io.fieldops.auth.user.UserEvents;
import io.fieldops.auth.user.UserRepository;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.ProblemException;
import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.outbox.Outbox;
import io.fieldops.platform.phone.PhoneNumber;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin invites someone to the organisation by email ({@code POST
 * /api/auth/organization/members/}).
 *
 * <ul>
 *   <li>Nobody has the email: a new account without a password, created by this organisation and a
 *       member of it alone, with a one-time set-up link for the person; {@code user.registered}.
 *   <li>Someone has it: a pending invitation ({@link Invitations}) and nothing else. Typing an
 *       email must neither add a person to the organisation without their consent nor tell the
 *       admin who owns it; the membership appears when the person accepts.
 * </ul>
 */
@Service
class MemberInvite {

  static final String ALREADY_MEMBER = "auth.members.already-member";
  private static final Logger log = LoggerFactory.getLogger(MemberInvite.class);

  private final OrganisationAdmin admins;
  private final MembershipRepository memberships;
  private final UserRepository users;
  private final OrganisationRepository organisations;
  private final PasswordSetup passwordSetup;
  private final Invitations invitations;
  private final Outbox outbox;
  private final Clock clock;

  MemberInvite(
      OrganisationAdmin admins,
      MembershipRepository memberships,
      UserRepository users,
      OrganisationRepository organisations,
      PasswordSetup passwordSetup,
      Invitations invitations,
      Outbox outbox,
      Clock clock) {
    this.admins = admins;
    this.memberships = memberships;
    this.users = users;
    this.organisations = organisations;
    this.passwordSetup = passwordSetup;
    this.invitations = invitations;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Concurrent invitations of one new email: the unique indexes on email and on (user,
   * organisation) let one through, the others answer 409; of one existing account, the partial
   * unique index on pending invitations does the same.
   */
  @Transactional
  InviteResponse invite(CurrentUser caller, InviteRequest request) {
    admins.require(caller);
    Map<String, String> problems = new LinkedHashMap<>();
    List<Role> roles = MemberRoles.parse(request.roles(), problems);
    Integer level = request.level();
    if (level != null && !MemberRoles.validLevel(level)) {
      problems.put("level", "auth.members.level-invalid");
    }
    String email = request.email().trim().toLowerCase(Locale.ROOT);
    AppUser existing = users.findByEmail(email).orElse(null);
    PhoneNumber phone = null;
    if (existing == null) {
      if (request.firstName() == null || request.firstName().isBlank()) {
        problems.put("first_name", "auth.field.blank");
      }
      phone = readPhone(caller, request, problems);
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("fieldops.problem.validation-failed", problems);
    }
    int grantedLevel = level != null ? level : MemberRoles.defaultLevel(roles);
    return existing == null
        ? createAccount(caller, request, email, phone, roles, grantedLevel)
        : inviteAccount(caller, existing, email, roles, grantedLevel);
  }

  private PhoneNumber readPhone(
      CurrentUser caller, InviteRequest request, Map<String, String> problems) {
    if (request.phoneNumber() == null || request.phoneNumber().isBlank()) {
      return null;
    }
    PhoneNumber phone =
        organisations
            .findById(caller.orgId())
            .orElseThrow()
            .phoneRule()
            .read(request.phoneNumber())
            .orElse(null);
    if (phone == null) {
      problems.put("phone_number", "auth.phone.invalid");
    }
    return phone;
  }

  private InviteResponse createAccount(
      CurrentUser caller,
      InviteRequest request,
      String email,
      PhoneNumber phone,
      List<Role> roles,
      int level) {
    if (phone != null && users.existsByPhoneKey(phone.key())) {
      throw UniqueFields.taken(UniqueFields.PHONE);
    }
    Instant now = clock.instant();
    AppUser user =
        AppUser.invited(
            email,
            request.firstName().trim(),
            request.lastName() == null ? "" : request.lastName().trim(),
            phone,
            caller.orgId(),
            now);
    try {
      users.saveAndFlush(user);
    } catch (DataIntegrityViolationException duplicate) {
      throw UniqueFields.fromViolation(duplicate);
    }
    Membership membership =
        memberships.saveAndFlush(
            Membership.granted(
                user.getId(), caller.orgId(), roles, level, MembershipOrigin.CREATED, now));
    SetupTokenResponse setup = passwordSetup.issueFor(user.getId(), caller.orgId(), caller.id());
    outbox.publish(
        Topics.USERS,
        user.getId(),
        EventEnvelope.of(
            UserEvents.USER_REGISTERED,
            caller.orgId(),
            UserEvents.UserRegistered.of(user, membership)));
    log.info(
        "Admin {} invited new user {} to organisation {} as {} level {}",
        caller.id(),
        user.getId(),
        caller.orgId(),
        membership.getRoles(),
        level);
    return new InviteResponse(
        true, Members.response(user, membership), null, setup.token(), setup.expiresAt());
  }

  /**
   * An existing account: a pending invitation. A member whose identity the organisation already
   * shares is a 409 (change their roles instead); one it only added through an agent booking can be
   * invited, and accepting shares their identity with it.
   */
  private InviteResponse inviteAccount(
      CurrentUser caller, AppUser user, String email, List<Role> roles, int level) {
    memberships
        .findByUserIdAndOrganisationId(user.getId(), caller.orgId())
        .filter(Membership::sharesIdentity)
        .ifPresent(
            member -> {
              throw new ProblemException(HttpStatus.CONFLICT, "already-member", ALREADY_MEMBER);
            });
    SentInvitation invitation =
        invitations.open(caller.orgId(), user.getId(), email, roles, level, caller.id());
    return new InviteResponse(false, null, invitation, null, null);
  }
}

package io.fieldops.auth.passwordsetup;

import io.fieldops.auth.organisation.Organisation;
import io.fieldops.auth.organisation.OrganisationRepository;
import io.fieldops.auth.registration.Credentials;
import io.fieldops.auth.registration.PasswordConfirmation;
import io.fieldops.auth.token.AuthResponse;
import io.fieldops.auth.token.Sessions;
import io.fieldops.auth.user.AppUser;
import io.fieldops.auth.user.Membership;
import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.auth.user.UserRepository;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.ForbiddenException;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.error.ProblemException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links with which a user who has no usable password (provisioned by booking-service for
 * an agent's booking, or invited as a new account) sets one and so claims the account.
 *
 * <p>Who may get one is {@link SetupLinkPolicy}: an account that never had a password and is the
 * issuing organisation's alone, at most at the caller's level. Otherwise an agent could take over
 * an unclaimed admin of their organisation, and any organisation could pull a person in and take
 * over their account everywhere. Changing an existing password is the password-change endpoint's
 * job (it asks for the old one).
 */
@Service
public class PasswordSetup {

  static final String LINK_INVALID = "auth.password-setup.link-invalid";
  static final String ALREADY_SET = "auth.password-setup.already-set";
  static final String USER_NOT_FOUND = "auth.password-setup.user-not-found";
  static final String NOT_OWNED = "auth.password-setup.not-owned";
  private static final Role[] ISSUERS = {Role.AGENT, Role.SUPERVISOR, Role.ADMIN};
  private static final Set<String> ISSUER_ROLES =
      Arrays.stream(ISSUERS).map(Role::name).collect(Collectors.toUnmodifiableSet());
  private static final int TOKEN_BYTES = 32;

  private static final Logger log = LoggerFactory.getLogger(PasswordSetup.class);

  private final PasswordSetupTokenRepository tokens;
  private final UserRepository users;
  private final MembershipRepository memberships;
  private final OrganisationRepository organisations;
  private final Credentials credentials;
  private final PasswordEncoder passwordEncoder;
  private final Sessions sessions;
  private final PasswordSetupProperties properties;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  PasswordSetup(
      PasswordSetupTokenRepository tokens,
      UserRepository users,
      MembershipRepository memberships,
      OrganisationRepository organisations,
      Credentials credentials,
      PasswordEncoder passwordEncoder,
      Sessions sessions,
      PasswordSetupProperties properties,
      Clock clock) {
    this.tokens = tokens;
    this.users = users;
    this.memberships = memberships;
    this.organisations = organisations;
    this.credentials = credentials;
    this.passwordEncoder = passwordEncoder;
    this.sessions = sessions;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * A new link for {@code userId}, who must be a member of the caller's organisation (else 404, as
   * for a missing user) and pass {@link SetupLinkPolicy}: not above the caller's level (403), never
   * had a password (409 {@code password-already-set}), and the organisation's alone (409 {@code
   * account-not-owned}). The caller's level is read from their membership as it is now, not from
   * the token (a demoted agent's unexpired token does not keep their old reach).
   */
  @Transactional
  public SetupTokenResponse issue(CurrentUser caller, UUID userId) {
    caller.requireRole(ISSUERS);
    int callerLevel =
        memberships
            .findByUserIdAndOrganisationId(caller.id(), caller.orgId())
            .filter(Membership::isActive)
            .filter(m -> m.getRoles().stream().anyMatch(ISSUER_ROLES::contains))
            .map(Membership::getLevel)
            .orElseThrow(ForbiddenException::accessDenied);
    Membership target =
        memberships
            .findByUserIdAndOrganisationId(userId, caller.orgId())
            .orElseThrow(() -> new NotFoundException(USER_NOT_FOUND));
    AppUser user = users.findById(userId).orElseThrow(() -> new NotFoundException(USER_NOT_FOUND));
    SetupLinkPolicy.issue(caller.orgId(), callerLevel, target.getLevel(), account(user))
        .ifPresent(
            refusal -> {
              log.warn(
                  "Set-up link for user {} refused to {} of organisation {}: {}",
                  userId,
                  caller.id(),
                  caller.orgId(),
                  refusal);
              throw refused(refusal);
            });
    return issueFor(userId, caller.orgId(), caller.id());
  }

  /**
   * A link for a user the caller has just created in {@code organisationId} (an admin's
   * invitation); the caller's right to do so has been checked already. Joins the caller's
   * transaction.
   */
  @Transactional
  public SetupTokenResponse issueFor(UUID userId, UUID organisationId, UUID issuedBy) {
    byte[] secret = new byte[TOKEN_BYTES];
    random.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.ttl());
    tokens.save(
        new PasswordSetupToken(sha256(token), userId, organisationId, issuedBy, now, expiresAt));
    log.info("Password set-up link for user {} issued by {}", userId, issuedBy);
    return new SetupTokenResponse(token, expiresAt);
  }

  /**
   * Sets the password and spends the link (and every other outstanding link for the user), then
   * starts a session for the organisation that issued the link. A refused password leaves the link
   * usable: the transaction rolls back.
   */
  @Transactional
  public AuthResponse setup(PasswordSetupRequest request) {
    PasswordConfirmation.check(request.password1(), request.password2())
        .ifPresent(
            key -> {
              throw new BadRequestException(
                  "fieldops.problem.validation-failed", Map.of("password2", key));
            });
    Instant now = clock.instant();
    PasswordSetupToken link =
        tokens
            .findByTokenHash(sha256(request.token()))
            .filter(t -> t.isUsable(now))
            .orElseThrow(PasswordSetup::linkInvalid);
    // Locked: an agent booking that adds this account to another organisation inserts a
    // membership, whose foreign key waits for this lock (and this waits for it), so the rule below
    // reads the memberships as they are when the password is set.
    AppUser user =
        users
            .findForUpdate(link.getUserId())
            .filter(AppUser::isActive)
            .orElseThrow(PasswordSetup::linkInvalid);
    if (!SetupLinkPolicy.claimable(link.getOrganisationId(), account(user))) {
      log.warn(
          "Set-up link of user {} from organisation {} no longer claims the account",
          user.getId(),
          link.getOrganisationId());
      throw linkInvalid();
    }
    Membership membership =
        memberships
            .findByUserIdAndOrganisationId(user.getId(), link.getOrganisationId())
            .filter(Membership::isActive)
            .orElseThrow(PasswordSetup::linkInvalid);
    Organisation organisation =
        organisations.findById(link.getOrganisationId()).orElseThrow(PasswordSetup::linkInvalid);
    credentials
        .checkPassword(
            request.password1(),
            user.getEmail(),
            user.getFirstName(),
            user.getLastName(),
            user.getPhoneNumber())
        .ifPresent(
            key -> {
              throw new BadRequestException(
                  "fieldops.problem.validation-failed", Map.of("password1", key));
            });

    user.changePasswordHash(passwordEncoder.encode(request.password1()), now);
    link.spend(now);
    tokens.spendAllFor(user.getId(), now);
    log.info("User {} set their password with a set-up link", user.getId());
    return sessions.start(user, membership, organisation);
  }

  private SetupLinkPolicy.Account account(AppUser user) {
    return new SetupLinkPolicy.Account(
        user.everHadPassword(),
        user.createdByOrganisationId().orElse(null),
        memberships.findByUserIdOrderByCreatedAtAsc(user.getId()).stream()
            .map(Membership::getOrganisationId)
            .collect(Collectors.toUnmodifiableSet()));
  }

  private static ProblemException refused(SetupLinkPolicy.Refusal refusal) {
    return switch (refusal) {
      case LEVEL_ABOVE_CALLER -> ForbiddenException.accessDenied();
      case PASSWORD_SET ->
          new ProblemException(HttpStatus.CONFLICT, "password-already-set", ALREADY_SET);
      case NOT_THIS_ORGANISATIONS_ALONE ->
          new ProblemException(HttpStatus.CONFLICT, "account-not-owned", NOT_OWNED);
    };
  }

  /**
   * Unknown, spent and expired links answer alike, and so does a link whose account stopped being
   * its organisation's alone: the answer tells nothing about the link or the account.
   */
  private static ProblemException linkInvalid() {
    return new ProblemException(HttpStatus.GONE, "setup-link-invalid", LINK_INVALID);
  }

  static String sha256(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}

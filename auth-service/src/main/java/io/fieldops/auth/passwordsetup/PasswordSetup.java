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
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links with which a user who has no usable password (provisioned by booking-service for
 * an agent's booking) sets one and so claims the account.
 *
 * <p>Only accounts without a password get links: otherwise an agent could take over any account of
 * their organisation, an admin's included, by "setting up" its password. Changing an existing
 * password is the password-change endpoint's job (it asks for the old one).
 */
@Service
public class PasswordSetup {

  static final String LINK_INVALID = "auth.password-setup.link-invalid";
  static final String ALREADY_SET = "auth.password-setup.already-set";
  static final String USER_NOT_FOUND = "auth.password-setup.user-not-found";
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
   * for a missing user) and must not have a password yet (409).
   */
  @Transactional
  public SetupTokenResponse issue(CurrentUser caller, UUID userId) {
    caller.requireRole(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
    memberships
        .findByUserIdAndOrganisationId(userId, caller.orgId())
        .orElseThrow(() -> new NotFoundException(USER_NOT_FOUND));
    AppUser user = users.findById(userId).orElseThrow(() -> new NotFoundException(USER_NOT_FOUND));
    if (user.passwordHash().isPresent()) {
      throw new ProblemException(HttpStatus.CONFLICT, "password-already-set", ALREADY_SET);
    }
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
    AppUser user =
        users
            .findById(link.getUserId())
            .filter(AppUser::isActive)
            .filter(u -> u.passwordHash().isEmpty())
            .orElseThrow(PasswordSetup::linkInvalid);
    Membership membership =
        memberships
            .findByUserIdAndOrganisationId(user.getId(), link.getOrganisationId())
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

  /** Unknown, spent and expired links answer alike: the answer tells nothing about the link. */
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

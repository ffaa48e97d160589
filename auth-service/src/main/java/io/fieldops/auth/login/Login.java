package io.fieldops.auth.login;

import io.fieldops.auth.organisation.Organisation;
import io.fieldops.auth.organisation.OrganisationRepository;
import io.fieldops.auth.organisation.Organisations;
import io.fieldops.auth.token.AuthResponse;
import io.fieldops.auth.token.Sessions;
import io.fieldops.auth.user.AppUser;
import io.fieldops.auth.user.Membership;
import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.auth.user.UserRepository;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.ProblemException;
import io.fieldops.platform.net.TrustedProxies;
import io.fieldops.platform.phone.PhoneNumber;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email or phone plus password. Every failure (unknown account, wrong password, no usable password,
 * deactivated, not a member of the named organisation) answers the same 401 and costs the same
 * hashing time, so the answer never tells whether an account exists.
 */
@Service
public class Login {

  private static final Logger log = LoggerFactory.getLogger(Login.class);

  private final UserRepository users;
  private final MembershipRepository memberships;
  private final OrganisationRepository organisationRepository;
  private final Organisations organisations;
  private final PasswordEncoder passwordEncoder;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final Clock clock;
  // Compared against when there is no real hash, so that a miss costs as much as a hit.
  private final String decoyHash;

  Login(
      UserRepository users,
      MembershipRepository memberships,
      OrganisationRepository organisationRepository,
      Organisations organisations,
      PasswordEncoder passwordEncoder,
      Sessions sessions,
      LoginThrottle throttle,
      Clock clock) {
    this.users = users;
    this.memberships = memberships;
    this.organisationRepository = organisationRepository;
    this.organisations = organisations;
    this.passwordEncoder = passwordEncoder;
    this.sessions = sessions;
    this.throttle = throttle;
    this.clock = clock;
    this.decoyHash = passwordEncoder.encode("decoy-password-never-used");
  }

  /**
   * @param address the client's address as {@link TrustedProxies} resolved it (never the
   *     gateway's), for the throttle
   */
  @Transactional
  public AuthResponse login(LoginRequest request, String address) {
    boolean byEmail = hasText(request.email());
    if (!byEmail && !hasText(request.phoneNumber())) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("email", "auth.login.identifier-required"));
    }
    Organisation named =
        hasText(request.organization()) ? organisations.resolve(request.organization()) : null;
    // A phone is found by its key in the named (else the default) organisation's region, read
    // without strictness: a number stored before the organisation turned strict still logs in.
    Optional<PhoneNumber> phone =
        byEmail
            ? Optional.empty()
            : (named != null ? named : organisations.resolve(null))
                .phoneRule()
                .readToFind(request.phoneNumber());
    String typed =
        byEmail
            ? request.email().trim().toLowerCase(Locale.ROOT)
            : phone.map(PhoneNumber::key).orElse(request.phoneNumber().trim());
    Optional<AppUser> found =
        byEmail
            ? users.findByEmail(typed)
            : phone.flatMap(number -> users.findByPhoneKey(number.key()));
    // One count per account, whether its email or its phone was typed; an unknown name is counted
    // by what was typed, exactly like a known one (LoginThrottle). The prefixes keep the kinds
    // apart: nobody can type a key that is another kind's.
    String accountKey =
        found
            .map(user -> "user:" + user.getId())
            .orElseGet(() -> (byEmail ? "email:" : "phone:") + typed);
    if (throttle.isBlocked(accountKey, address)) {
      // Checked before the password, so a delayed account answers the same to right and wrong ones.
      throw new LoginThrottledException(throttle.retryAfter(accountKey, address));
    }

    String hash = found.flatMap(AppUser::passwordHash).orElse(decoyHash);
    boolean passwordMatches = passwordEncoder.matches(request.password(), hash);
    Optional<AppUser> authenticated =
        found.filter(u -> passwordMatches && u.passwordHash().isPresent() && u.isActive());
    Optional<Membership> membership =
        authenticated.flatMap(
            user ->
                named == null
                    ? memberships.findByUserIdOrderByCreatedAtAsc(user.getId()).stream()
                        .filter(Membership::isActive)
                        .findFirst()
                    : memberships
                        .findByUserIdAndOrganisationId(user.getId(), named.getId())
                        .filter(Membership::isActive));
    if (membership.isEmpty()) {
      throttle.recordFailure(accountKey, address);
      throw invalidCredentials();
    }
    throttle.recordSuccess(accountKey, address);
    AppUser user = authenticated.get();
    Organisation organisation =
        named != null
            ? named
            : organisationRepository.findById(membership.get().getOrganisationId()).orElseThrow();

    if (passwordEncoder.upgradeEncoding(hash)) {
      // A raised cost (or a new algorithm) reaches existing users as they log in.
      user.changePasswordHash(passwordEncoder.encode(request.password()), clock.instant());
    }
    log.info("User {} logged in to organisation {}", user.getId(), organisation.getId());
    return sessions.start(user, membership.get(), organisation);
  }

  static ProblemException invalidCredentials() {
    return new ProblemException(
        HttpStatus.UNAUTHORIZED, "invalid-credentials", "auth.login.invalid");
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}

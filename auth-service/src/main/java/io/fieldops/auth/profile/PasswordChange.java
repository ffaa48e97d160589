package io.fieldops.auth.profile;

import io.fieldops.auth.registration.Credentials;
import io.fieldops.auth.registration.PasswordConfirmation;
import io.fieldops.auth.token.RefreshTokens;
import io.fieldops.auth.user.AppUser;
import io.fieldops.auth.user.UserRepository;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.security.CurrentUser;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller changes their own password, proving the old one; other sessions end. */
@Service
class PasswordChange {

  static final String OLD_WRONG = "auth.password.old-wrong";
  private static final Logger log = LoggerFactory.getLogger(PasswordChange.class);

  private final UserRepository users;
  private final Credentials credentials;
  private final PasswordEncoder passwordEncoder;
  private final RefreshTokens refreshTokens;
  private final Clock clock;

  PasswordChange(
      UserRepository users,
      Credentials credentials,
      PasswordEncoder passwordEncoder,
      RefreshTokens refreshTokens,
      Clock clock) {
    this.users = users;
    this.credentials = credentials;
    this.passwordEncoder = passwordEncoder;
    this.refreshTokens = refreshTokens;
    this.clock = clock;
  }

  @Transactional
  void change(CurrentUser caller, PasswordChangeRequest request) {
    AppUser user =
        users
            .findById(caller.id())
            .filter(AppUser::isActive)
            .orElseThrow(() -> NotFoundException.of("User"));
    // A user without a usable password has no old one to prove: the setup token is their way in.
    boolean oldMatches =
        user.passwordHash()
            .map(hash -> passwordEncoder.matches(request.oldPassword(), hash))
            .orElse(false);
    if (!oldMatches) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("old_password", OLD_WRONG));
    }
    Map<String, String> problems = new LinkedHashMap<>();
    PasswordConfirmation.check(request.newPassword1(), request.newPassword2())
        .ifPresent(key -> problems.put("new_password2", key));
    credentials
        .checkPassword(
            request.newPassword1(),
            user.getEmail(),
            user.getFirstName(),
            user.getLastName(),
            user.getPhoneNumber())
        .ifPresent(key -> problems.put("new_password1", key));
    if (!problems.isEmpty()) {
      throw new BadRequestException("fieldops.problem.validation-failed", problems);
    }
    user.changePasswordHash(passwordEncoder.encode(request.newPassword1()), clock.instant());
    int revoked = refreshTokens.revokeOtherFamilies(user.getId(), request.refresh());
    log.info("User {} changed their password; {} refresh tokens revoked", user.getId(), revoked);
  }
}

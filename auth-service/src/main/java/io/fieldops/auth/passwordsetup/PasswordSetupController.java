package io.fieldops.auth.passwordsetup;

import io.fieldops.auth.token.AuthResponse;
import io.fieldops.platform.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PasswordSetupController {

  private final PasswordSetup passwordSetup;

  PasswordSetupController(PasswordSetup passwordSetup) {
    this.passwordSetup = passwordSetup;
  }

  /** Staff (AGENT, SUPERVISOR, ADMIN) issue a one-time link for a user of their organisation. */
  @PostMapping("/api/auth/password/setup-token")
  @ResponseStatus(HttpStatus.CREATED)
  SetupTokenResponse issue(CurrentUser caller, @Valid @RequestBody SetupTokenRequest request) {
    return passwordSetup.issue(caller, request.userId());
  }

  /** Public: the token is the credential. Answers like login. */
  @PostMapping("/api/auth/password/setup")
  AuthResponse setup(@Valid @RequestBody PasswordSetupRequest request) {
    return passwordSetup.setup(request);
  }
}

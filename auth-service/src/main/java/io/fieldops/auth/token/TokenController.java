package io.fieldops.auth.token;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refresh and logout are public paths: the refresh token is the credential (the access token may
 * already have expired when a client refreshes or logs out).
 */
@RestController
class TokenController {

  private final Sessions sessions;

  TokenController(Sessions sessions) {
    this.sessions = sessions;
  }

  @PostMapping("/api/auth/token/refresh")
  TokenPair refresh(@Valid @RequestBody RefreshRequest request) {
    return sessions.refresh(request.refresh());
  }

  @PostMapping("/api/auth/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logout(@Valid @RequestBody RefreshRequest request) {
    sessions.end(request.refresh());
  }
}

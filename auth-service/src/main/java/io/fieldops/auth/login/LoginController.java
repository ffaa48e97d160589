package io.fieldops.auth.login;

import io.fieldops.auth.token.AuthResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

  private final Login login;

  LoginController(Login login) {
    this.login = login;
  }

  @PostMapping("/api/auth/login")
  AuthResponse login(
      @Valid @RequestBody LoginRequest request,
      HttpServletRequest http,
      HttpServletResponse response) {
    try {
      return login.login(request, http.getRemoteAddr());
    } catch (LoginThrottledException throttled) {
      // The platform's handler writes the problem body; the header survives on the response.
      response.setHeader(
          HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfter().toSeconds()));
      throw throttled;
    }
  }
}

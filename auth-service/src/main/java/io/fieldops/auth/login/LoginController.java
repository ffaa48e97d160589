package io.fieldops.auth.login;

import io.fieldops.auth.token.AuthResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
  AuthResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
    return login.login(request, http.getRemoteAddr());
  }
}

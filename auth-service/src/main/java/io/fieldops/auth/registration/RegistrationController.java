package io.fieldops.auth.registration;

import io.fieldops.auth.token.AuthResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegistrationController {

  private final Registration registration;

  RegistrationController(Registration registration) {
    this.registration = registration;
  }

  /** Seed 002, step 1: answers {@code {"user": {...}, "tokens": {"access", "refresh"}}}. */
  @PostMapping("/api/auth/register")
  @ResponseStatus(HttpStatus.CREATED)
  AuthResponse register(@Valid @RequestBody RegisterRequest request) {
    return registration.register(request);
  }
}

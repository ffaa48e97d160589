package io.fieldops.auth.registration;

import io.fieldops.auth.token.AuthResponse;
import io.fieldops.platform.error.ProblemException;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /**
   * Seed 004's signup, at its own path: with {@code organization_name} it founds the organisation
   * (the user is its first ADMIN) and, through the {@code user.registered} event, gets a customer
   * record there. The same answer as {@link #register}; a refused password is named {@code
   * password}, the member this body has.
   */
  @PostMapping("/api/users")
  @ResponseStatus(HttpStatus.CREATED)
  AuthResponse signup(@Valid @RequestBody SignupRequest request) {
    try {
      return registration.register(request.asRegistration());
    } catch (ProblemException refused) {
      throw asSignupProblem(refused);
    }
  }

  /** The registration's {@code password1}/{@code password2} details, named {@code password}. */
  static ProblemException asSignupProblem(ProblemException refused) {
    if (refused.details().keySet().stream().noneMatch(f -> f.startsWith("password"))) {
      return refused;
    }
    Map<String, String> details = new LinkedHashMap<>();
    refused
        .details()
        .forEach(
            (field, message) ->
                details.putIfAbsent(field.startsWith("password") ? "password" : field, message));
    return new ProblemException(
        refused.status(), refused.code(), refused.messageKey(), details, refused.args());
  }
}

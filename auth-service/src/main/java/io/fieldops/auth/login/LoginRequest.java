package io.fieldops.auth.login;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Email or phone number, and the password. {@code organization} (id or slug) picks which membership
 * the tokens are for; without it, the user's first organisation.
 */
public record LoginRequest(
    @Size(max = 254) String email,
    @Size(max = 32) String phoneNumber,
    @NotBlank @Size(max = 128) String password,
    @Size(max = 100) String organization) {

  @Override
  public String toString() {
    return "LoginRequest[" + email + ", " + phoneNumber + ", password redacted]";
  }
}

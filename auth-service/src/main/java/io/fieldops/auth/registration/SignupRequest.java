package io.fieldops.auth.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Seed 004's signup body ({@code POST /api/users/}): one {@code password} where seed 002 has two,
 * and a {@code username}. fieldops signs people in by email or phone, so the username is checked
 * but not kept.
 */
public record SignupRequest(
    @NotBlank @Email @Size(max = 254) String email,
    @Size(max = 150) String username,
    @NotBlank @Size(max = 150) String firstName,
    @Size(max = 150) String lastName,
    @NotBlank @Size(max = 128) String password,
    @Size(max = 200) String organizationName) {

  /** The same signup as seed 002's registration. */
  RegisterRequest asRegistration() {
    return new RegisterRequest(
        email, firstName, lastName, null, password, password, organizationName, null);
  }

  @Override
  public String toString() {
    return "SignupRequest[" + email + ", password redacted]";
  }
}

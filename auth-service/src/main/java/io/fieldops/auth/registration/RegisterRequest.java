package io.fieldops.auth.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Seed 002's registration body. {@code organization_name} founds a new organisation (seed 004);
 * {@code organization} (id or slug) joins an existing one; neither joins the default one.
 */
public record RegisterRequest(
    @NotBlank @Email @Size(max = 254) String email,
    @NotBlank @Size(max = 150) String firstName,
    @Size(max = 150) String lastName,
    @Size(max = 32) String phoneNumber,
    @NotBlank @Size(max = 128) String password1,
    @NotBlank @Size(max = 128) String password2,
    @Size(max = 200) String organizationName,
    @Size(max = 100) String organization) {

  @Override
  public String toString() {
    return "RegisterRequest[" + email + ", passwords redacted]";
  }
}

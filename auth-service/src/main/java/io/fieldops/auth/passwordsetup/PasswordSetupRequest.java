package io.fieldops.auth.passwordsetup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The link's token and the new password, twice (seed 002's password1/password2). */
public record PasswordSetupRequest(
    @NotBlank @Size(max = 128) String token,
    @NotBlank @Size(max = 128) String password1,
    @NotBlank @Size(max = 128) String password2) {

  @Override
  public String toString() {
    return "PasswordSetupRequest[token and passwords redacted]";
  }
}

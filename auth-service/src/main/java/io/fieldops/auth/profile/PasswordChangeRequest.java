package io.fieldops.auth.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/auth/password/change/}. {@code refresh} (optional) is the caller's current
 * refresh token: its family survives the change, every other session of the user is revoked.
 */
public record PasswordChangeRequest(
    @NotBlank @Size(max = 128) String oldPassword,
    @NotBlank @Size(max = 128) String newPassword1,
    @NotBlank @Size(max = 128) String newPassword2,
    @Size(max = 100) String refresh) {

  @Override
  public String toString() {
    return "PasswordChangeRequest[redacted]";
  }
}

package io.fieldops.auth.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code {"refresh": "..."}} for refresh and logout. */
public record RefreshRequest(@NotBlank @Size(max = 200) String refresh) {

  @Override
  public String toString() {
    return "RefreshRequest[redacted]";
  }
}

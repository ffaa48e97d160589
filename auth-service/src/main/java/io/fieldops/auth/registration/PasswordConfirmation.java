package io.fieldops.auth.registration;

import java.util.Optional;

/** Seed 002's password1/password2: the second must repeat the first exactly. */
public final class PasswordConfirmation {

  public static final String MISMATCH = "auth.password.mismatch";

  private PasswordConfirmation() {}

  /** The message key when they differ; empty when they match. */
  public static Optional<String> check(String password1, String password2) {
    return password1 != null && password1.equals(password2)
        ? Optional.empty()
        : Optional.of(MISMATCH);
  }
}

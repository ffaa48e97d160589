package io.fieldops.auth.registration;

import io.fieldops.auth.config.AuthProperties;
import io.fieldops.auth.password.PasswordPolicy;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rules a new password must pass, as registration, password set-up and password changes apply
 * them: {@link PasswordPolicy} configured for this deployment. Phone numbers are read by the
 * organisation's {@link io.fieldops.auth.organisation.PhoneRule} (the platform's one rule).
 */
@Component
public class Credentials {

  private final PasswordPolicy passwordPolicy;

  Credentials(AuthProperties properties) {
    this.passwordPolicy = new PasswordPolicy(properties.passwordMinLength());
  }

  /** A message key when {@code password} is unacceptable for this user. */
  public Optional<String> checkPassword(String password, String... userInputs) {
    return passwordPolicy.check(password, userInputs);
  }
}

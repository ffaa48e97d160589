package io.fieldops.auth.registration;

import io.fieldops.auth.config.AuthProperties;
import io.fieldops.auth.password.PasswordPolicy;
import io.fieldops.auth.phone.PhoneNumbers;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rules a new password and phone number must pass, as registration (and later profile updates
 * and password changes) apply them: {@link PasswordPolicy} and {@link PhoneNumbers} configured for
 * this deployment.
 */
@Component
public class Credentials {

  private final PasswordPolicy passwordPolicy;
  private final PhoneNumbers phoneNumbers = new PhoneNumbers();

  Credentials(AuthProperties properties) {
    this.passwordPolicy = new PasswordPolicy(properties.passwordMinLength());
  }

  /** A message key when {@code password} is unacceptable for this user. */
  public Optional<String> checkPassword(String password, String... userInputs) {
    return passwordPolicy.check(password, userInputs);
  }

  /**
   * E.164, or empty when {@code raw} is no possible number in {@code defaultRegion}. Possible
   * rather than allocated ({@link PhoneNumbers#normaliseLenient}): seed 002's own example,
   * +15551234567, is in a fictional US range that strict validation refuses, and the seed's flow
   * must work as written. Uniqueness still holds, since both forms normalise to one E.164 string.
   */
  public Optional<String> normalisePhone(String raw, String defaultRegion) {
    return phoneNumbers.normaliseLenient(raw, defaultRegion);
  }
}

package io.fieldops.auth.registration;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.fieldops.auth.config.AuthProperties;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rules a new password and phone number must pass. The seam between registration (and later
 * profile updates) and the rule classes {@code PasswordPolicy} and {@code PhoneNumbers}.
 */
@Component
public class Credentials {

  private final int minLength;

  Credentials(AuthProperties properties) {
    this.minLength = properties.passwordMinLength();
  }

  /** A message key when {@code password} is unacceptable for this user. */
  public Optional<String> checkPassword(String password, String... userInputs) {
    return password.length() < minLength
        ? Optional.of("auth.password.too-short")
        : Optional.empty();
  }

  /** E.164, or empty when {@code raw} is no valid number in {@code defaultRegion}. */
  public Optional<String> normalisePhone(String raw, String defaultRegion) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      var number = util.parse(raw, defaultRegion);
      // Possible rather than valid: seed 002's own example (+15551234567) is in a fictional range
      // that strict validation refuses, and the seed's flow must work as written.
      return util.isPossibleNumber(number)
          ? Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}

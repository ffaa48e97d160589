package io.fieldops.auth.organisation;

import io.fieldops.platform.phone.PhoneNumber;
import io.fieldops.platform.phone.PhoneNumbers;
import java.util.Optional;

/**
 * How an organisation reads phone numbers: the suite's one rule (platform-starter's {@link
 * PhoneNumbers}) with the organisation's {@code default_phone_region} and {@code
 * strict_phone_validation}.
 *
 * @param region ISO 3166 alpha-2 code numbers without {@code +} are read in
 * @param strict only numbers valid in the region (or valid international ones) are accepted
 */
public record PhoneRule(String region, boolean strict) {

  /**
   * A number someone gives us to keep (registration, profile, invitation, an agent booking that
   * creates the user): empty when this organisation does not accept it.
   */
  public Optional<PhoneNumber> read(String raw) {
    return PhoneNumbers.read(raw, region, strict);
  }

  /**
   * A number typed to find someone (login, the agent booking's "find" half): read without
   * strictness, because strictness decides which numbers may be stored, not who may still be found.
   * A number stored before the organisation turned strict validation on keeps working; the key is
   * the same either way.
   */
  public Optional<PhoneNumber> readToFind(String raw) {
    return PhoneNumbers.read(raw, region, false);
  }
}

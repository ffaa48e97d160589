package io.fieldops.platform.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The suite's one phone rule, for every number a person or another system gives us (a user's phone,
 * a client's mobile, an agent booking's phone).
 *
 * <p>What is accepted. A number valid in the organisation's region (Google's libphonenumber knows
 * which ranges are allocated), whatever its length ({@code 02 123 4567}, a Bangkok landline), or
 * valid in its own country when written with {@code +}. And, unless the organisation turned on
 * strict validation, the user documents' rule too: remove spaces, dashes, dots and parentheses,
 * then exactly ten digits ({@code 9876543210} in a Thai organisation), or {@code +} and a length
 * possible in that country.
 *
 * <p>What is the same number. The number is kept as written (cleaned) and compared by a key: its
 * E.164 form where it is valid in the organisation's region, so {@code 081-234-5678}, {@code (081)
 * 234 5678} and {@code +66 81 234 5678} are one person in a Thai organisation; otherwise its
 * digits, so a placeholder such as {@code 1234567890} is still one number however it is spaced.
 *
 * <p>Input is restricted to digits (any script), those separators and one leading {@code +}:
 * libphonenumber alone is more forgiving ("Tel: 081 234 5678 ext. 12"), which suits finding numbers
 * in text, not an identifier someone will log in with.
 */
public final class PhoneNumbers {

  /** The user documents' length of a number without {@code +}. */
  public static final int DIGITS = 10;

  /** Longer than any real number with formatting; also keeps the parser off hostile input. */
  static final int MAX_RAW_LENGTH = 40;

  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Zs}.()\\-\\u2010-\\u2015]");
  private static final Pattern NATIONAL = Pattern.compile("\\p{Nd}+");
  private static final Pattern INTERNATIONAL = Pattern.compile("[+\\uFF0B]\\p{Nd}+");

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /** Spaces, dashes, dots and parentheses removed; null stays null. */
  public static String clean(String raw) {
    return raw == null ? null : SEPARATORS.matcher(raw.strip()).replaceAll("");
  }

  /**
   * The number by the suite's rule, or empty when it is not acceptable.
   *
   * @param raw as typed
   * @param region ISO 3166 alpha-2 code of the organisation's country (case ignored)
   * @param strict the organisation validates numbers by region
   * @throws IllegalArgumentException when {@code region} is not a region libphonenumber knows: a
   *     configuration error, not bad input
   */
  public static Optional<PhoneNumber> read(String raw, String region, boolean strict) {
    String country = requireRegion(region);
    if (raw == null || raw.length() > MAX_RAW_LENGTH) {
      return Optional.empty();
    }
    String written = clean(raw);
    boolean international = INTERNATIONAL.matcher(written).matches();
    if (!international && !NATIONAL.matcher(written).matches()) {
      return Optional.empty();
    }
    Optional<com.google.i18n.phonenumbers.Phonenumber.PhoneNumber> parsed = parse(written, country);
    boolean valid = parsed.filter(UTIL::isValidNumber).isPresent();
    boolean acceptable =
        valid
            || !strict
                && (international
                    ? parsed.filter(UTIL::isPossibleNumber).isPresent()
                    : written.length() == DIGITS);
    if (!acceptable) {
      return Optional.empty();
    }
    String key =
        valid || international
            ? UTIL.format(parsed.orElseThrow(), PhoneNumberFormat.E164)
            : asciiDigits(written);
    return Optional.of(new PhoneNumber(written, key));
  }

  /** Whether {@code region} can be an organisation's phone region (for checking configuration). */
  public static boolean isSupportedRegion(String region) {
    return region != null && UTIL.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
  }

  private static Optional<com.google.i18n.phonenumbers.Phonenumber.PhoneNumber> parse(
      String written, String country) {
    try {
      return Optional.of(UTIL.parse(written, country));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** Thai (or any other script's) digits as ASCII, so one number has one key. */
  private static String asciiDigits(String digits) {
    StringBuilder ascii = new StringBuilder(digits.length());
    digits.codePoints().forEach(c -> ascii.append(Character.digit(c, 10)));
    return ascii.toString();
  }

  private static String requireRegion(String region) {
    if (!isSupportedRegion(region)) {
      throw new IllegalArgumentException(
          "unknown phone region '" + region + "' (expected an ISO 3166 alpha-2 code such as TH)");
    }
    return region.toUpperCase(Locale.ROOT);
  }
}

package io.fieldops.auth.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as people type them, turned into the one form we store and compare: E.164 ({@code
 * +66812345678}). A phone number is a login name and must be unique, so "081-234-5678", "(081) 234
 * 5678" and "+66 81 234 5678" have to end up as the same string.
 *
 * <p>Parsing and validation are Google's libphonenumber, which knows each country's trunk prefix
 * (the national leading 0) and which number ranges are actually allocated. Seed 000 only strips
 * spaces, dashes and parentheses and then asks for exactly 10 digits; that is right for Thai
 * mobiles (0812345678) but wrong for Thai landlines (02 123 4567, 9 digits) and for anyone abroad.
 *
 * <p>Two strengths:
 *
 * <ul>
 *   <li>{@link #normalise} / {@link #isValid}: the number must be in an allocated range. For what a
 *       person registers or edits as their own number.
 *   <li>{@link #normaliseLenient}: the number only needs a plausible length for its country. Seed
 *       001's example phone "1234567890" is not a valid number in the US (there is no area code
 *       123) nor in Thailand; it is valid only where 12 34 56 78 90 happens to be an allocated
 *       range (e.g. GB as +441234567890, IN as +911234567890). It is, however, a possible number in
 *       both US (+11234567890) and TH (+661234567890). So an endpoint that must accept the seeds'
 *       examples as written (agent booking, seed 001) uses the lenient form.
 * </ul>
 *
 * <p>Input is restricted to digits (any script: libphonenumber reads Thai digits too), spaces,
 * dashes, dots, parentheses and one leading {@code +}. libphonenumber on its own is more forgiving
 * ("Tel: 081 234 5678 ext. 12", "1-800-FLOWERS"), which is fine for finding numbers in text but not
 * for an identifier someone will later log in with.
 */
public final class PhoneNumbers {

  /** Longer than any real number with formatting; also keeps the parser off hostile input. */
  static final int MAX_RAW_LENGTH = 40;

  private static final Pattern ALLOWED =
      Pattern.compile("[+\\uFF0B]?[\\p{Nd}\\p{Zs}\\s().\\-\\u2010-\\u2015]+");

  private static final String UNKNOWN_REGION = "ZZ";

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

  /**
   * E.164 for a valid number, empty otherwise.
   *
   * @param raw as typed: spaces, dashes, parentheses, dots, a leading + (then any country) or a
   *     national trunk 0 (then {@code defaultRegion})
   * @param defaultRegion ISO 3166 alpha-2 code (case ignored) of the country a number without + is
   *     dialled in; null when only international (+) numbers are acceptable
   * @throws IllegalArgumentException when {@code defaultRegion} is not a region libphonenumber
   *     knows: that is a configuration error, not bad input
   */
  public Optional<String> normalise(String raw, String defaultRegion) {
    return parse(raw, defaultRegion).filter(util::isValidNumber).map(this::e164);
  }

  /** Whether {@link #normalise} would accept {@code raw}. */
  public boolean isValid(String raw, String defaultRegion) {
    return normalise(raw, defaultRegion).isPresent();
  }

  /**
   * E.164 for a number of plausible length for its country, whether or not its range is allocated;
   * empty otherwise. For numbers given by another system (seed 001's agent booking), where
   * rejecting a placeholder such as "1234567890" would break the documented example.
   */
  public Optional<String> normaliseLenient(String raw, String defaultRegion) {
    return parse(raw, defaultRegion).filter(util::isPossibleNumber).map(this::e164);
  }

  /** Whether {@code region} can be a default region; for validating configuration at start-up. */
  public static boolean isSupportedRegion(String region) {
    return region != null
        && PhoneNumberUtil.getInstance()
            .getSupportedRegions()
            .contains(region.toUpperCase(Locale.ROOT));
  }

  private Optional<PhoneNumber> parse(String raw, String defaultRegion) {
    String region = region(defaultRegion);
    if (raw == null || raw.length() > MAX_RAW_LENGTH || !ALLOWED.matcher(raw.strip()).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(util.parse(raw.strip(), region));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  private static String region(String defaultRegion) {
    if (defaultRegion == null) {
      return UNKNOWN_REGION;
    }
    if (!isSupportedRegion(defaultRegion)) {
      throw new IllegalArgumentException(
          "unknown phone region '" + defaultRegion + "' (expected an ISO 3166 alpha-2 code)");
    }
    return defaultRegion.toUpperCase(Locale.ROOT);
  }

  private String e164(PhoneNumber number) {
    return util.format(number, PhoneNumberFormat.E164);
  }
}

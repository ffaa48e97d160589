package io.fieldops.customer.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mobile numbers of walk-in clients (seed 000) and emergency contacts, as staff type them.
 *
 * <p>Seed 000 cleans spaces, dashes and parentheses and then wants exactly 10 digits. Ten digits is
 * an Indian (and Thai mobile with its trunk 0) rule, so instead the cleaned number is validated
 * with libphonenumber in the organisation's region, and compared as E.164: "081-234-5678" and
 * "0812345678" (or "+66812345678") are one client. The cleaned text is kept as well, because
 * clients expect their number back as they wrote it (seed 000 echoes "9876543210").
 */
public final class MobileNumbers {

  /** Longer than any real number with formatting; also keeps the parser off hostile input. */
  static final int MAX_RAW_LENGTH = 32;

  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()\\u2010-\\u2015]");
  private static final Pattern CLEANED = Pattern.compile("\\+?\\p{Nd}{4,20}");

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

  /** A cleaned, valid number: {@code cleaned} as written (without separators), {@code e164}. */
  public record Mobile(String cleaned, String e164) {}

  /** Spaces, dashes and parentheses removed (seed 000); null stays null. */
  public static String clean(String raw) {
    return raw == null ? null : SEPARATORS.matcher(raw.strip()).replaceAll("");
  }

  /**
   * The number if it is valid in {@code region} (or, with a leading +, in its own country).
   *
   * @throws IllegalArgumentException for a region libphonenumber does not know (configuration)
   */
  public Optional<Mobile> parse(String raw, String region) {
    String checkedRegion = requireRegion(region);
    if (raw == null || raw.length() > MAX_RAW_LENGTH) {
      return Optional.empty();
    }
    String cleaned = clean(raw);
    if (!CLEANED.matcher(cleaned).matches()) {
      return Optional.empty();
    }
    try {
      var number = util.parse(cleaned, checkedRegion);
      if (!util.isValidNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(new Mobile(cleaned, util.format(number, PhoneNumberFormat.E164)));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  public static boolean isSupportedRegion(String region) {
    return region != null
        && PhoneNumberUtil.getInstance()
            .getSupportedRegions()
            .contains(region.toUpperCase(Locale.ROOT));
  }

  private static String requireRegion(String region) {
    if (!isSupportedRegion(region)) {
      throw new IllegalArgumentException(
          "unknown phone region '" + region + "' (expected an ISO 3166 alpha-2 code)");
    }
    return region.toUpperCase(Locale.ROOT);
  }
}

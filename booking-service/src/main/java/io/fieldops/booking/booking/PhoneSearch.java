package io.fieldops.booking.booking;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.fieldops.platform.phone.PhoneNumbers;

/**
 * What a phone search looks for in bookings' stored phones, which are kept as the caller wrote them
 * ({@code 0812345670} or {@code +66812345670}): the number's national digits without the trunk zero
 * ({@code 812345670}), which both spellings contain.
 */
final class PhoneSearch {

  private PhoneSearch() {}

  static String nationalDigits(String query) {
    String cleaned = PhoneNumbers.clean(query);
    if (cleaned.startsWith("+")) {
      try {
        var number = PhoneNumberUtil.getInstance().parse(cleaned, "ZZ");
        return PhoneNumberUtil.getInstance().getNationalSignificantNumber(number);
      } catch (NumberParseException notAnInternationalNumber) {
        // fall through to the digits
      }
    }
    String digits = cleaned.replaceAll("\\D", "");
    return digits.replaceFirst("^0+", "");
  }
}

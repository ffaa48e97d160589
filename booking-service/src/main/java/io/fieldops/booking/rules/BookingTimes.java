package io.fieldops.booking.rules;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time formats of seed 001: HH:MM and HH:MM:SS on the 24-hour clock, HH:MM AM/PM and HH:MMAM/PM
 * on the 12-hour clock (hours 1 to 12; 12:30 AM is half past midnight).
 */
public final class BookingTimes {

  /**
   * The formats above as one JSON Schema pattern (ECMA-262, also a Java regex), for the API
   * document: exactly the texts {@link #parse} reads (surrounding spaces aside, which it strips).
   */
  public static final String FORMATS =
      "^(([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?|(0?[1-9]|1[0-2]):[0-5][0-9] ?[AaPp][Mm])$";

  private static final Pattern TWENTY_FOUR = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
  private static final Pattern TWELVE = Pattern.compile("(\\d{1,2}):(\\d{2}) ?([AaPp][Mm])");

  private BookingTimes() {}

  /** The time, or empty when {@code text} is in no supported format or names no real time. */
  public static Optional<LocalTime> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.strip();
    try {
      Matcher clock = TWENTY_FOUR.matcher(value);
      if (clock.matches()) {
        int seconds = clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3));
        return Optional.of(
            LocalTime.of(
                Integer.parseInt(clock.group(1)), Integer.parseInt(clock.group(2)), seconds));
      }
      Matcher twelve = TWELVE.matcher(value);
      if (twelve.matches()) {
        int hour = Integer.parseInt(twelve.group(1));
        if (hour < 1 || hour > 12) {
          return Optional.empty();
        }
        boolean pm = twelve.group(3).toUpperCase(Locale.ROOT).equals("PM");
        int hour24 = hour % 12 + (pm ? 12 : 0);
        return Optional.of(LocalTime.of(hour24, Integer.parseInt(twelve.group(2))));
      }
    } catch (DateTimeException e) {
      // 25:00, 10:61: the right shape but no such time
      return Optional.empty();
    }
    return Optional.empty();
  }
}

package io.fieldops.booking.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date formats of seed 001: YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, DD-MM-YYYY and MM-DD-YYYY. The
 * seed lists day-first and month-first with the same separators, so a date is read by its numbers:
 * a first part above 12 can only be a day, a second part above 12 only a day too; when both parts
 * are 12 or less (03/04/2026) the organisation's {@link DateOrder} decides (docs/api-contract.md
 * "Deliberate deviations").
 */
public final class BookingDates {

  private static final String DAY = "(0?[1-9]|[12][0-9]|3[01])";
  private static final String MONTH = "(0?[1-9]|1[0-2])";

  /**
   * The formats above as one JSON Schema pattern (ECMA-262, also a Java regex), for the API
   * document: day and month in range, either order. Every text it matches is read by {@link #parse}
   * unless it names no real day (31/02/2026); what it does not match, {@code parse} refuses.
   */
  public static final String FORMATS =
      "^([0-9]{4}-"
          + MONTH
          + "-"
          + DAY
          + "|("
          + DAY
          + "/"
          + MONTH
          + "|"
          + MONTH
          + "/"
          + DAY
          + ")/[0-9]{4}|("
          + DAY
          + "-"
          + MONTH
          + "|"
          + MONTH
          + "-"
          + DAY
          + ")-[0-9]{4})$";

  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern TWO_PARTS_FIRST =
      Pattern.compile("(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})");

  private BookingDates() {}

  /** The date, or empty when {@code text} is in no supported format or names no real day. */
  public static Optional<LocalDate> parse(String text, DateOrder order) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.strip();
    try {
      Matcher iso = ISO.matcher(value);
      if (iso.matches()) {
        return Optional.of(LocalDate.of(number(iso, 1), number(iso, 2), number(iso, 3)));
      }
      Matcher parts = TWO_PARTS_FIRST.matcher(value);
      if (parts.matches()) {
        int first = number(parts, 1);
        int second = number(parts, 3);
        int year = number(parts, 4);
        boolean dayFirst = first > 12 || (second <= 12 && order == DateOrder.DMY);
        return dayFirst
            ? Optional.of(LocalDate.of(year, second, first))
            : Optional.of(LocalDate.of(year, first, second));
      }
    } catch (DateTimeException e) {
      // 31/02/2026, 13/13/2026: the right shape but no such day
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static int number(Matcher matcher, int group) {
    return Integer.parseInt(matcher.group(group));
  }
}

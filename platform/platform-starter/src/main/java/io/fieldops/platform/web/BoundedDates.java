package io.fieldops.platform.web;

import java.time.LocalDate;
import org.springframework.core.convert.converter.Converter;

/**
 * Dates in query parameters and path variables are ISO dates ({@code YYYY-MM-DD}) of the years
 * 0001-9999: what PostgreSQL's date and timestamp columns and every rule of the suite can hold.
 * {@code +999999999-12-31} parses as a {@link LocalDate}, but the day after it overflows and the
 * database cannot compare with it, which answered 500 or 409; here it fails conversion, so it is a
 * 400 naming the parameter like any other malformed date ("'date' must be a date (YYYY-MM-DD)").
 */
final class BoundedDates implements Converter<String, LocalDate> {

  static final LocalDate FIRST = LocalDate.of(1, 1, 1);
  static final LocalDate LAST = LocalDate.of(9999, 12, 31);

  @Override
  public LocalDate convert(String source) {
    String text = source.strip();
    if (text.isEmpty()) {
      return null; // an empty parameter is an absent one, as Spring's own conversion has it
    }
    LocalDate date = LocalDate.parse(text);
    if (date.isBefore(FIRST) || date.isAfter(LAST)) {
      throw new IllegalArgumentException("a date of the years 0001-9999 expected: " + text);
    }
    return date;
  }
}

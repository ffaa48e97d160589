package io.fieldops.booking.rules;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * An organisation's time zone is a name from the time-zone database ({@code Asia/Bangkok}, {@code
 * Europe/London}, {@code UTC}), never a fixed offset. {@link ZoneId#of} alone also reads {@code -1}
 * as {@code -01:00}, {@code +07:00}, {@code Z} and {@code UTC+7}: a fixed offset ignores daylight
 * saving, so a zone meant as London would book an hour off for half the year, and {@code -1} is
 * more likely a client bug than a zone. The seeds name no zone; the default is Asia/Bangkok.
 */
public final class TimeZoneNames {

  /** Message key: not a zone at all ({@code Mars/Base}). */
  public static final String UNKNOWN = "booking.settings.time-zone.invalid";

  /** Message key: an offset, where a name is wanted. */
  public static final String OFFSET = "booking.settings.time-zone.offset";

  private TimeZoneNames() {}

  /** The zone of a database name, exactly as the database spells it; empty for anything else. */
  public static Optional<ZoneId> read(String text) {
    if (text == null || !ZoneId.getAvailableZoneIds().contains(text.strip())) {
      return Optional.empty();
    }
    return Optional.of(ZoneId.of(text.strip()));
  }

  /** Why {@link #read} refused the text: {@link #OFFSET} or {@link #UNKNOWN}. */
  public static String refusal(String text) {
    try {
      ZoneId.of(text == null ? "" : text.strip());
      return OFFSET;
    } catch (DateTimeException e) {
      return UNKNOWN;
    }
  }
}

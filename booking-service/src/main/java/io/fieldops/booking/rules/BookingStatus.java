package io.fieldops.booking.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * A booking's life: it is {@code upcoming} (holding its slot) until it becomes {@code completed},
 * {@code cancelled} or {@code no_show}; those three are final.
 */
public enum BookingStatus {
  UPCOMING,
  COMPLETED,
  CANCELLED,
  NO_SHOW;

  /** The wire and database value: {@code upcoming}, {@code no_show}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<BookingStatus> fromValue(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (BookingStatus status : values()) {
      if (status.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /** Only an upcoming booking changes, and only to one of the final states. */
  public boolean canBecome(BookingStatus next) {
    return this == UPCOMING && next != UPCOMING;
  }

  /** Whether the booking still holds its slot. */
  public boolean isActive() {
    return this == UPCOMING;
  }
}

package io.fieldops.booking.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * Every rule a new or moved slot must pass, in the order a caller is told about them: the past
 * first (the seed's own example dates are in the past), then the seed's off-day and working-hours
 * rules, then notice and how far ahead. Overlap is not here: the database decides it (see
 * V1__booking.sql, constraint booking_slot_capacity).
 */
public final class BookingRules {

  private BookingRules() {}

  public static Optional<Violation> check(Slot slot, BookingSchedule schedule, Instant now) {
    if (!slot.startsAt().isAfter(now)) {
      return Optional.of(Violation.PAST);
    }
    return OffDayPolicy.check(slot, schedule)
        .or(() -> WorkingHoursPolicy.check(slot, schedule))
        .or(() -> BookingWindowPolicy.check(slot, schedule, now));
  }
}

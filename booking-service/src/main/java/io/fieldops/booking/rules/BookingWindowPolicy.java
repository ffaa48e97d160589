package io.fieldops.booking.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * When a slot may be booked, seen from {@code now}: not in the past (docs/api-contract.md
 * "Deliberate deviations": the seed's past example dates are refused), not closer than the minimum
 * notice, not beyond the last bookable day (today in the organisation's zone + max days ahead).
 */
public final class BookingWindowPolicy {

  private BookingWindowPolicy() {}

  public static Optional<Violation> check(Slot slot, BookingSchedule schedule, Instant now) {
    if (!slot.startsAt().isAfter(now)) {
      return Optional.of(Violation.PAST);
    }
    if (slot.startsAt().isBefore(now.plus(schedule.minNotice()))) {
      return Optional.of(Violation.TOO_SHORT_NOTICE);
    }
    LocalDate today = LocalDate.ofInstant(now, schedule.zone());
    if (slot.date().isAfter(today.plusDays(schedule.maxDaysAhead()))) {
      return Optional.of(Violation.TOO_FAR_AHEAD);
    }
    return Optional.empty();
  }
}

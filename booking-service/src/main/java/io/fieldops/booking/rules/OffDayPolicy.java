package io.fieldops.booking.rules;

import java.util.Optional;

/** Seed 001: "Booking not allowed on off days" (Sundays by default; also closed dates). */
public final class OffDayPolicy {

  private OffDayPolicy() {}

  public static Optional<Violation> check(Slot slot, BookingSchedule schedule) {
    return schedule.isOffDay(slot.date()) ? Optional.of(Violation.OFF_DAY) : Optional.empty();
  }
}

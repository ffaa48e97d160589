package io.fieldops.booking.rules;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Seed 001: "Booking time is outside working hours". The whole slot must fit: with 12:00-17:00 and
 * 60-minute slots, 16:00 is the last start, 16:30 ends at 17:30 and is refused, 11:59 too.
 */
public final class WorkingHoursPolicy {

  private WorkingHoursPolicy() {}

  public static Optional<Violation> check(Slot slot, BookingSchedule schedule) {
    WorkingHours hours = schedule.hours().get(slot.date().getDayOfWeek());
    if (hours == null) {
      return Optional.of(Violation.OFF_DAY);
    }
    LocalDateTime start = slot.date().atTime(slot.time());
    LocalDateTime end = start.plus(schedule.slot());
    boolean inside =
        !slot.time().isBefore(hours.start())
            && end.toLocalDate().equals(slot.date())
            && !end.toLocalTime().isAfter(hours.end());
    return inside ? Optional.empty() : Optional.of(Violation.OUTSIDE_WORKING_HOURS);
  }
}

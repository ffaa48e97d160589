package io.fieldops.booking.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The slots of one day that can still be booked: from opening time in steps of the slot length,
 * each fitting inside working hours, passing {@link BookingRules} at {@code now}, and overlapped by
 * fewer than {@code capacity} of the active bookings given.
 */
public final class FreeSlots {

  /** A bookable slot and how many more bookings it takes. */
  public record Free(Slot slot, int seatsLeft) {}

  /** An active booking's interval. */
  public record Busy(Instant startsAt, Instant endsAt) {}

  private FreeSlots() {}

  public static List<Free> of(
      LocalDate date, BookingSchedule schedule, List<Busy> busy, Instant now) {
    WorkingHours hours = schedule.hours().get(date.getDayOfWeek());
    if (hours == null || schedule.isOffDay(date)) {
      return List.of();
    }
    List<Free> free = new ArrayList<>();
    LocalTime time = hours.start();
    while (true) {
      Slot slot = Slot.of(date, time, schedule);
      if (WorkingHoursPolicy.check(slot, schedule).isPresent()) {
        break;
      }
      if (BookingRules.check(slot, schedule, now).isEmpty()) {
        long taken =
            busy.stream()
                .filter(
                    b ->
                        b.startsAt().isBefore(slot.endsAt())
                            && slot.startsAt().isBefore(b.endsAt()))
                .count();
        if (taken < schedule.capacity()) {
          free.add(new Free(slot, (int) (schedule.capacity() - taken)));
        }
      }
      LocalTime next = time.plus(schedule.slot());
      if (!next.isAfter(time)) {
        break; // wrapped past midnight
      }
      time = next;
    }
    return free;
  }
}

package io.fieldops.booking.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One organisation's booking settings as the rules see them.
 *
 * @param zone the organisation's time zone: dates, times, working hours and "the past" are read in
 *     it
 * @param hours opening hours per weekday; a weekday without hours is closed
 * @param offDays weekdays on which nobody may book, whatever {@code hours} says
 * @param closedDates single dates on which nobody may book (holidays)
 * @param slot how long one booking lasts
 * @param capacity how many active bookings may overlap at one moment
 * @param minNotice how long before its start a booking must be made
 * @param maxDaysAhead how many days after today the last bookable date is
 * @param dateOrder how ambiguous dates are read
 */
public record BookingSchedule(
    ZoneId zone,
    Map<DayOfWeek, WorkingHours> hours,
    Set<DayOfWeek> offDays,
    Set<LocalDate> closedDates,
    Duration slot,
    int capacity,
    Duration minNotice,
    int maxDaysAhead,
    DateOrder dateOrder) {

  public BookingSchedule {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(minNotice, "minNotice");
    Objects.requireNonNull(dateOrder, "dateOrder");
    hours = hours.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(hours));
    offDays = offDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(offDays));
    closedDates = Set.copyOf(closedDates);
    if (slot.isNegative() || slot.isZero()) {
      throw new IllegalArgumentException("slot must be positive");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be 1 or more");
    }
  }

  /** Seed 001's defaults: 12:00-17:00 every day, Sundays off, one booking per 60-minute slot. */
  public static BookingSchedule seedDefaults(DateOrder dateOrder) {
    Map<DayOfWeek, WorkingHours> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      hours.put(day, WorkingHours.of("12:00", "17:00"));
    }
    return new BookingSchedule(
        ZoneId.of("Asia/Bangkok"),
        hours,
        EnumSet.of(DayOfWeek.SUNDAY),
        Set.of(),
        Duration.ofMinutes(60),
        1,
        Duration.ZERO,
        365,
        dateOrder);
  }

  /** Whether nobody may book on {@code day}. */
  public boolean isOffDay(DayOfWeek day) {
    return offDays.contains(day) || !hours.containsKey(day);
  }

  /** Whether nobody may book on {@code date}: its weekday is off, or it is a closed date. */
  public boolean isOffDay(LocalDate date) {
    return isOffDay(date.getDayOfWeek()) || closedDates.contains(date);
  }
}

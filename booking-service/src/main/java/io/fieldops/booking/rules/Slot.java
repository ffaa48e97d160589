package io.fieldops.booking.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * A booking's place in time: the local date and time the customer asked for and the instants they
 * mean in the organisation's zone. The end is start + slot length.
 */
public record Slot(LocalDate date, LocalTime time, Instant startsAt, Instant endsAt) {

  public static Slot of(LocalDate date, LocalTime time, BookingSchedule schedule) {
    ZonedDateTime start = ZonedDateTime.of(date, time, schedule.zone());
    return new Slot(date, time, start.toInstant(), start.plus(schedule.slot()).toInstant());
  }

  /** Half-open intervals: a slot ending at 13:00 does not overlap one starting at 13:00. */
  public boolean overlaps(Slot other) {
    return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
  }
}

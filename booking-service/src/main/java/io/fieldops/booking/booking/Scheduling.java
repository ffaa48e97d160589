package io.fieldops.booking.booking;

import io.fieldops.booking.rules.BookingDates;
import io.fieldops.booking.rules.BookingRules;
import io.fieldops.booking.rules.BookingSchedule;
import io.fieldops.booking.rules.BookingTimes;
import io.fieldops.booking.rules.DateOrder;
import io.fieldops.booking.rules.Slot;
import io.fieldops.booking.settings.SettingsStore;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.BusinessRuleException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Reading a requested slot the same way everywhere (agent endpoint, customers, staff): the
 * organisation's settings (or "No booking settings found"), the date and time in any of seed 001's
 * formats, then {@link BookingRules}.
 */
@Component
public class Scheduling {

  private final SettingsStore settings;
  private final Clock clock;

  Scheduling(SettingsStore settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** The organisation's settings, ambiguous dates day-first unless they say otherwise. */
  public BookingSchedule schedule(UUID orgId) {
    return schedule(orgId, DateOrder.DMY);
  }

  /** The organisation's settings, or 422 "No booking settings found". */
  public BookingSchedule schedule(UUID orgId, DateOrder fallbackOrder) {
    return settings
        .schedule(orgId, fallbackOrder)
        .orElseThrow(() -> new BusinessRuleException("booking.no-settings"));
  }

  /** The slot asked for, checked against every rule; 400 naming the field, 422 for a rule. */
  public Slot slot(String bookingDate, String bookingTime, BookingSchedule schedule) {
    LocalDate date =
        BookingDates.parse(bookingDate, schedule.dateOrder())
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "booking.date.invalid", Map.of("booking_date", "booking.date.invalid")));
    LocalTime time =
        BookingTimes.parse(bookingTime)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "booking.time.invalid", Map.of("booking_time", "booking.time.invalid")));
    Slot slot = Slot.of(date, time, schedule);
    BookingRules.check(slot, schedule, clock.instant())
        .ifPresent(
            violation -> {
              throw new BusinessRuleException(
                  violation.messageKey(),
                  schedule.minNotice().toMinutes(),
                  schedule.maxDaysAhead());
            });
    return slot;
  }
}

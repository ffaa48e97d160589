package io.fieldops.booking.availability;

import io.fieldops.booking.booking.BookingView;
import io.fieldops.booking.booking.Bookings;
import io.fieldops.booking.booking.Scheduling;
import io.fieldops.booking.rules.BookingSchedule;
import io.fieldops.booking.rules.FreeSlots;
import io.fieldops.platform.security.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/bookings/availability/?date=YYYY-MM-DD[&service_name=]}: the slots of that day
 * a booking can still take, under the caller's organisation's settings. Capacity is per
 * organisation, not per service, so {@code service_name} is echoed but does not change the answer.
 */
@RestController
class AvailabilityController {

  record Availability(
      LocalDate date,
      String serviceName,
      String timeZone,
      long slotMinutes,
      boolean offDay,
      List<FreeSlot> slots) {}

  record FreeSlot(String startTime, String endTime, int available) {}

  private final Scheduling scheduling;
  private final Bookings bookings;
  private final Clock clock;

  AvailabilityController(Scheduling scheduling, Bookings bookings, Clock clock) {
    this.scheduling = scheduling;
    this.bookings = bookings;
    this.clock = clock;
  }

  @GetMapping("/api/v1/bookings/availability")
  Availability availability(
      @RequestParam("date") LocalDate date,
      @RequestParam(name = "service_name", required = false) String serviceName,
      CurrentUser user) {
    BookingSchedule schedule = scheduling.schedule(user.orgId());
    var dayStart = date.atStartOfDay(schedule.zone()).toInstant();
    var dayEnd = date.plusDays(1).atStartOfDay(schedule.zone()).toInstant();
    List<FreeSlot> free =
        FreeSlots.of(date, schedule, bookings.busy(user.orgId(), dayStart, dayEnd), clock.instant())
            .stream()
            .map(
                f ->
                    new FreeSlot(
                        BookingView.time(f.slot().time()),
                        BookingView.time(f.slot().time().plus(schedule.slot())),
                        f.seatsLeft()))
            .toList();
    return new Availability(
        date,
        serviceName == null || serviceName.isBlank() ? null : serviceName.strip(),
        schedule.zone().getId(),
        schedule.slot().toMinutes(),
        schedule.isOffDay(date),
        free);
  }
}

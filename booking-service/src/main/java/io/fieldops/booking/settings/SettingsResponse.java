package io.fieldops.booking.settings;

import io.fieldops.booking.rules.BookingSchedule;
import io.fieldops.booking.rules.WorkingHours;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An organisation's settings as {@code GET}/{@code PUT /api/v1/bookings/settings/} answer. */
record SettingsResponse(
    String timeZone,
    @Schema(description = "Keyed by weekday: monday to sunday") Map<String, Hours> workingHours,
    @ArraySchema(schema = @Schema(implementation = Weekday.class)) List<String> offDays,
    @ArraySchema(schema = @Schema(format = "date")) List<String> closedDates,
    long slotMinutes,
    int capacity,
    long minNoticeMinutes,
    int maxDaysAhead,
    @Schema(allowableValues = {"DMY", "MDY"}) String dateOrder,
    long version,
    Instant updatedAt) {

  @Schema(name = "WorkingHours")
  record Hours(String start, String end) {}

  static SettingsResponse of(BookingSettings settings, BookingSchedule schedule) {
    Map<String, Hours> hours = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      WorkingHours h = schedule.hours().get(day);
      if (h != null) {
        hours.put(WeeklyHoursFormat.day(day), new Hours(time(h.start()), time(h.end())));
      }
    }
    List<String> offDays =
        java.util.Arrays.stream(DayOfWeek.values())
            .filter(schedule.offDays()::contains)
            .map(WeeklyHoursFormat::day)
            .toList();
    return new SettingsResponse(
        schedule.zone().getId(),
        hours,
        offDays,
        schedule.closedDates().stream().sorted().map(java.time.LocalDate::toString).toList(),
        schedule.slot().toMinutes(),
        schedule.capacity(),
        schedule.minNotice().toMinutes(),
        schedule.maxDaysAhead(),
        settings.getDateOrder() == null ? null : settings.getDateOrder().name(),
        settings.getVersion(),
        settings.getUpdatedAt());
  }

  private static String time(java.time.LocalTime time) {
    return time.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
  }
}

package io.fieldops.booking.settings;

import io.fieldops.booking.rules.BookingTimes;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * {@code PUT /api/v1/bookings/settings/}: the whole settings; an absent member takes its default
 * (seed 001: 12:00-17:00 every day, Sundays off, 60-minute slots, one booking per slot).
 */
record SettingsRequest(
    @Size(max = 64) String timeZone,
    @Valid @Schema(description = "Keyed by weekday: monday to sunday, in any case")
        Map<String, Hours> workingHours,
    @ArraySchema(schema = @Schema(implementation = Weekday.class)) List<String> offDays,
    @Size(max = 366) @ArraySchema(schema = @Schema(format = "date")) List<String> closedDates,
    @Min(5) @Max(720) Integer slotMinutes,
    @Min(1) @Max(100) Integer capacity,
    @Min(0) @Max(43200) Integer minNoticeMinutes,
    @Min(1) @Max(3650) Integer maxDaysAhead,
    @Pattern(regexp = "DMY|MDY", message = "{booking.settings.date-order.invalid}") @Schema(allowableValues = {"DMY", "MDY"})
        String dateOrder) {

  @Schema(name = "WorkingHoursRequest")
  record Hours(
      @Schema(pattern = BookingTimes.FORMATS) String start,
      @Schema(pattern = BookingTimes.FORMATS) String end) {}
}

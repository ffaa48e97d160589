package io.fieldops.booking.settings;

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
    @Valid Map<String, Hours> workingHours,
    List<String> offDays,
    @Size(max = 366) List<String> closedDates,
    @Min(5) @Max(720) Integer slotMinutes,
    @Min(1) @Max(100) Integer capacity,
    @Min(0) @Max(43200) Integer minNoticeMinutes,
    @Min(1) @Max(3650) Integer maxDaysAhead,
    @Pattern(regexp = "DMY|MDY", message = "{booking.settings.date-order.invalid}") String dateOrder) {

  record Hours(String start, String end) {}
}

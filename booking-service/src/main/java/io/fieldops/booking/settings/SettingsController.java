package io.fieldops.booking.settings;

import io.fieldops.booking.rules.BookingSchedule;
import io.fieldops.booking.rules.BookingTimes;
import io.fieldops.booking.rules.DateOrder;
import io.fieldops.booking.rules.TimeZoneNames;
import io.fieldops.booking.rules.WorkingHours;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Level;
import io.fieldops.platform.security.Role;
import io.fieldops.platform.web.ETags;
import jakarta.validation.Valid;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Booking settings of the caller's organisation; its admins (level 3) only. */
@RestController
@RequestMapping("/api/v1/bookings/settings")
class SettingsController {

  private final SettingsStore store;

  SettingsController(SettingsStore store) {
    this.store = store;
  }

  @GetMapping
  ResponseEntity<SettingsResponse> get(CurrentUser user) {
    admin(user);
    BookingSettings settings =
        store.find(user.orgId()).orElseThrow(() -> new NotFoundException("booking.no-settings"));
    return answer(settings);
  }

  @PutMapping
  ResponseEntity<SettingsResponse> put(
      @Valid @RequestBody SettingsRequest request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      CurrentUser user) {
    admin(user);
    DateOrder order = request.dateOrder() == null ? null : DateOrder.valueOf(request.dateOrder());
    BookingSettings saved =
        store.save(user.orgId(), schedule(request), order, ETags.version(ifMatch));
    return answer(saved);
  }

  private static void admin(CurrentUser user) {
    user.requireRole(Role.ADMIN);
    user.requireLevel(Level.ADMIN);
  }

  private static ResponseEntity<SettingsResponse> answer(BookingSettings settings) {
    BookingSchedule schedule = settings.schedule(DateOrder.DMY);
    return ResponseEntity.ok()
        .eTag(ETags.tag(settings.getVersion()))
        .body(SettingsResponse.of(settings, schedule));
  }

  /** The request with defaults filled in; each bad member is named in the 400's details. */
  static BookingSchedule schedule(SettingsRequest request) {
    BookingSchedule defaults = BookingSchedule.seedDefaults(DateOrder.DMY);
    Map<String, String> errors = new LinkedHashMap<>();
    ZoneId zone = defaults.zone();
    if (request.timeZone() != null) {
      Optional<ZoneId> named = TimeZoneNames.read(request.timeZone());
      if (named.isPresent()) {
        zone = named.get();
      } else {
        errors.put("time_zone", TimeZoneNames.refusal(request.timeZone()));
      }
    }
    Map<DayOfWeek, WorkingHours> hours = defaults.hours();
    if (request.workingHours() != null) {
      hours = new EnumMap<>(DayOfWeek.class);
      for (var entry : request.workingHours().entrySet()) {
        Optional<DayOfWeek> day = day(entry.getKey());
        String field = "working_hours." + entry.getKey();
        if (day.isEmpty()) {
          errors.put(field, "booking.settings.weekday.invalid");
          continue;
        }
        SettingsRequest.Hours h = entry.getValue();
        Optional<LocalTime> start = h == null ? Optional.empty() : BookingTimes.parse(h.start());
        Optional<LocalTime> end = h == null ? Optional.empty() : BookingTimes.parse(h.end());
        if (start.isEmpty()) {
          errors.put(field + ".start", "booking.time.invalid");
        } else if (end.isEmpty()) {
          errors.put(field + ".end", "booking.time.invalid");
        } else if (!end.get().isAfter(start.get())) {
          errors.put(field + ".end", "booking.settings.hours.end-before-start");
        } else {
          hours.put(day.get(), new WorkingHours(start.get(), end.get()));
        }
      }
    }
    Set<DayOfWeek> offDays = defaults.offDays();
    if (request.offDays() != null) {
      offDays = EnumSet.noneOf(DayOfWeek.class);
      for (int i = 0; i < request.offDays().size(); i++) {
        Optional<DayOfWeek> day = day(request.offDays().get(i));
        if (day.isEmpty()) {
          errors.put("off_days[" + i + "]", "booking.settings.weekday.invalid");
        } else {
          offDays.add(day.get());
        }
      }
    }
    Set<LocalDate> closedDates = new TreeSet<>();
    if (request.closedDates() != null) {
      for (int i = 0; i < request.closedDates().size(); i++) {
        String text = request.closedDates().get(i);
        try {
          closedDates.add(LocalDate.parse(text == null ? "" : text.strip()));
        } catch (DateTimeException e) {
          errors.put("closed_dates[" + i + "]", "booking.settings.closed-date.invalid");
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new BadRequestException("fieldops.problem.validation-failed", errors);
    }
    return new BookingSchedule(
        zone,
        hours,
        offDays,
        closedDates,
        request.slotMinutes() == null ? defaults.slot() : Duration.ofMinutes(request.slotMinutes()),
        request.capacity() == null ? defaults.capacity() : request.capacity(),
        request.minNoticeMinutes() == null
            ? defaults.minNotice()
            : Duration.ofMinutes(request.minNoticeMinutes()),
        request.maxDaysAhead() == null ? defaults.maxDaysAhead() : request.maxDaysAhead(),
        defaults.dateOrder());
  }

  private static Optional<DayOfWeek> day(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

package io.fieldops.booking.settings;

import io.fieldops.booking.rules.WorkingHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** How working hours, off days and closed dates are kept in one text column each. */
final class WeeklyHoursFormat {

  private WeeklyHoursFormat() {}

  static String hours(Map<DayOfWeek, WorkingHours> hours) {
    return new EnumMap<>(hours)
        .entrySet().stream()
            .map(e -> day(e.getKey()) + "=" + e.getValue().start() + "-" + e.getValue().end())
            .collect(Collectors.joining(","));
  }

  static Map<DayOfWeek, WorkingHours> hours(String text) {
    Map<DayOfWeek, WorkingHours> hours = new EnumMap<>(DayOfWeek.class);
    for (String entry : text.split(",")) {
      if (!entry.isBlank()) {
        String[] dayAndHours = entry.split("=");
        String[] range = dayAndHours[1].split("-");
        hours.put(
            DayOfWeek.valueOf(dayAndHours[0].toUpperCase(Locale.ROOT)),
            new WorkingHours(LocalTime.parse(range[0]), LocalTime.parse(range[1])));
      }
    }
    return hours;
  }

  static String days(Set<DayOfWeek> days) {
    return (days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days))
        .stream().map(WeeklyHoursFormat::day).collect(Collectors.joining(","));
  }

  static Set<DayOfWeek> days(String text) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String day : text.split(",")) {
      if (!day.isBlank()) {
        days.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
      }
    }
    return days;
  }

  static String dates(Set<LocalDate> dates) {
    return dates.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
  }

  static Set<LocalDate> dates(String text) {
    Set<LocalDate> dates = new java.util.TreeSet<>();
    for (String date : text.split(",")) {
      if (!date.isBlank()) {
        dates.add(LocalDate.parse(date.strip()));
      }
    }
    return dates;
  }

  static String day(DayOfWeek day) {
    return day.name().toLowerCase(Locale.ROOT);
  }
}

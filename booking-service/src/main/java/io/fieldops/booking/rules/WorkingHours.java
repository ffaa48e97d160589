package io.fieldops.booking.rules;

import java.time.LocalTime;
import java.util.Objects;

/** Opening and closing time of one weekday; a slot must start and end inside them. */
public record WorkingHours(LocalTime start, LocalTime end) {

  public WorkingHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end must be after start: " + start + "-" + end);
    }
  }

  public static WorkingHours of(String start, String end) {
    return new WorkingHours(LocalTime.parse(start), LocalTime.parse(end));
  }
}

package io.fieldops.perf;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * What every benchmark shares: its settings (system properties), the HTTP protocol, and the slots
 * of a run's own organisation.
 */
final class Perf {

  /**
   * When a run's organisation stops taking bookings each day ({@link
   * GatewayApi#openAllDayEveryDay}); it opens at 00:00. The last slot must end by then.
   */
  static final LocalTime CLOSING_TIME = LocalTime.of(23, 55);

  private Perf() {}

  /** {@code -Dname=value}, defaults in perf/pom.xml; {@code fallback} when unset or blank. */
  static String setting(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** A whole number setting, e.g. a number of users. */
  static int count(String name, int fallback) {
    return Integer.parseInt(setting(name, Integer.toString(fallback)));
  }

  /** A time setting written as in perf/pom.xml: {@code 20s}, {@code 2m}, {@code 1m30s}. */
  static Duration duration(String name, String fallback) {
    return Duration.parse("PT" + setting(name, fallback));
  }

  /** {@code perf.gatewayUrl}: the gateway every scenario goes through. */
  static String gatewayUrl() {
    return setting("perf.gatewayUrl", "http://localhost:8080");
  }

  /**
   * JSON both ways; connections kept alive per virtual user, as a browser or a service client
   * would; no HTTP caching, or every repeat would be a cheap 304 instead of the real answer.
   */
  static HttpProtocolBuilder jsonProtocol() {
    return http.acceptHeader("application/json")
        .contentTypeHeader("application/json")
        .userAgentHeader("fieldops-perf")
        .disableCaching();
  }

  /**
   * The first day a run books on: the day after tomorrow here, still wholly in the future in any
   * organisation's time zone (tomorrow here may already have begun where the organisation is).
   */
  static LocalDate firstBookingDay() {
    return LocalDate.now().plusDays(2);
  }

  /**
   * The slot of the {@code n}-th booking (from 0) of a run in its own organisation, open all day
   * every day in {@code slotMinutes} slots that each take {@code perSlot} bookings: from {@code
   * firstDay} 00:00 on, slot after slot, day after day. A fresh organisation has no other bookings,
   * so with {@code perSlot} at most the slots' capacity every booking finds a seat.
   */
  static LocalDateTime slot(LocalDate firstDay, int slotMinutes, int perSlot, int n) {
    int slotsPerDay = CLOSING_TIME.toSecondOfDay() / 60 / slotMinutes;
    int slot = n / perSlot;
    return firstDay
        .plusDays(slot / slotsPerDay)
        .atStartOfDay()
        .plusMinutes((long) slotMinutes * (slot % slotsPerDay));
  }
}

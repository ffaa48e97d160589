package io.fieldops.perf;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/** What every benchmark shares: its settings (system properties) and the HTTP protocol. */
final class Perf {

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
}

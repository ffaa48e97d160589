package io.fieldops.perf;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;

/** What every benchmark shares: its settings (system properties) and the HTTP protocol. */
final class Perf {

  private Perf() {}

  /** {@code -Dname=value}, defaults in perf/pom.xml; {@code fallback} when unset or blank. */
  static String setting(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value;
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

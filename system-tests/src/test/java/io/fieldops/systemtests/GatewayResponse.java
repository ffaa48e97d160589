package io.fieldops.systemtests;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One answer from the gateway.
 *
 * @param took from sending the request to the last byte of the body
 */
public record GatewayResponse(int status, HttpHeaders headers, String body, Duration took) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public JsonNode json() {
    return JSON.readTree(body);
  }

  /** The media type without parameters, e.g. {@code application/problem+json}. */
  public Optional<String> mediaType() {
    return headers
        .firstValue("Content-Type")
        .map(value -> value.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public String toString() {
    return status + " " + mediaType().orElse("-") + " " + body;
  }
}

package io.fieldops.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fieldops.security.*}.
 *
 * @param publicPaths the service's own endpoints that need no token, as path patterns (for example
 *     {@code /api/agent/booking/create}); actuator health and info, the API docs and {@code /error}
 *     are always public
 */
@ConfigurationProperties("fieldops.security")
public record SecurityProperties(List<String> publicPaths) {

  public SecurityProperties {
    publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
  }
}

package io.fieldops.platform.management;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fieldops.management.*}: what a service adds to its management port.
 *
 * @param operatorEndpoints ids of the service's own actuator endpoints for operators
 *     (auth-service's {@code signingkeys}); exposed on the management port only, next to health,
 *     info and prometheus, and never on the service's own port (see {@link ManagementExposure})
 */
@ConfigurationProperties("fieldops.management")
public record ManagementProperties(List<String> operatorEndpoints) {

  public ManagementProperties {
    operatorEndpoints = operatorEndpoints == null ? List.of() : List.copyOf(operatorEndpoints);
  }
}

package io.fieldops.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every port of one stack. A single offset shifts them all, so two stacks (a developer's and the
 * system tests', say) never collide as long as their offsets differ by more than the spread and by
 * other than {@link #MANAGEMENT_SHIFT} (the free-port check refuses such a pair before anything
 * starts).
 */
public record PortPlan(int offset) {

  public static final int POSTGRES_BASE = 15432;
  public static final int KAFKA_BASE = 19092;
  public static final int KAFKA_CONTROLLER_BASE = 19093;

  /**
   * A service's management port (actuator: health, metrics, operator endpoints, no token) is its
   * own port plus this: auth-service 8001 and 9001, the gateway 8080 and 9080.
   */
  public static final int MANAGEMENT_SHIFT = 1000;

  public PortPlan {
    if (offset < 0 || KAFKA_CONTROLLER_BASE + offset > 65535) {
      throw new IllegalArgumentException(
          "port offset "
              + offset
              + " is out of range: it must be between 0 and "
              + (65535 - KAFKA_CONTROLLER_BASE));
    }
  }

  public int postgres() {
    return POSTGRES_BASE + offset;
  }

  public int kafka() {
    return KAFKA_BASE + offset;
  }

  public int kafkaController() {
    return KAFKA_CONTROLLER_BASE + offset;
  }

  public int port(ServiceSpec spec) {
    return spec.basePort() + offset;
  }

  public int port(String serviceName) {
    return ServiceCatalog.byName(serviceName)
        .map(this::port)
        .orElseThrow(() -> new IllegalArgumentException("unknown service " + serviceName));
  }

  public String url(String serviceName) {
    return "http://localhost:" + port(serviceName);
  }

  public int managementPort(ServiceSpec spec) {
    return port(spec) + MANAGEMENT_SHIFT;
  }

  public int managementPort(String serviceName) {
    return port(serviceName) + MANAGEMENT_SHIFT;
  }

  /** Where the service's actuator answers, for example {@code http://localhost:9001}. */
  public String managementUrl(String serviceName) {
    return "http://localhost:" + managementPort(serviceName);
  }

  /** What listens where, for the free-port check and its message. */
  public Map<String, Integer> portsFor(List<ServiceSpec> services) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("PostgreSQL", postgres());
    ports.put("Kafka", kafka());
    ports.put("Kafka controller", kafkaController());
    services.forEach(spec -> ports.put(spec.name(), port(spec)));
    services.forEach(spec -> ports.put(spec.name() + " management", managementPort(spec)));
    return ports;
  }
}

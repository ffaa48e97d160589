package io.fieldops.platform.management;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;

/**
 * Which actuator endpoints a service exposes over HTTP. Metrics span every organisation and an
 * operator endpoint changes the whole deployment, so neither belongs on the port that the gateway
 * and every pod reach: there only the probes' health and info are exposed. A deployment that gives
 * the actuator a port of its own ({@code management.server.port}: the k8s manifests, the devstack)
 * puts the actuator there and nowhere else; that port is reached only by the probes and the metrics
 * scraper (a NetworkPolicy, loopback), so it also exposes prometheus and the service's operator
 * endpoints, without a token ({@link ManagementPortSecurityAutoConfiguration}).
 *
 * <p>Applied by {@code PlatformDefaultsEnvironmentPostProcessor} as a default: an explicit {@code
 * management.endpoints.web.exposure.include} still wins, and the service's port still serves
 * nothing beyond health and info, token or not ({@code PlatformApiSecurity}).
 */
public final class ManagementExposure {

  public static final String EXPOSURE_PROPERTY = "management.endpoints.web.exposure.include";

  /** On the service's own port: the probes (liveness, readiness) and info. */
  public static final List<String> SERVICE_PORT = List.of("health", "info");

  /** On a management port of its own, before the service's operator endpoints. */
  public static final List<String> MANAGEMENT_PORT = List.of("health", "info", "prometheus");

  private ManagementExposure() {}

  /** The endpoints to expose, for the given port arrangement. */
  public static List<String> endpoints(
      ManagementPortType portType, ManagementProperties properties) {
    if (portType != ManagementPortType.DIFFERENT) {
      return SERVICE_PORT;
    }
    Set<String> endpoints = new LinkedHashSet<>(MANAGEMENT_PORT);
    endpoints.addAll(properties.operatorEndpoints());
    return new ArrayList<>(endpoints);
  }
}

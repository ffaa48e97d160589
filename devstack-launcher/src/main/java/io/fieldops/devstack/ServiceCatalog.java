package io.fieldops.devstack;

import io.fieldops.devstack.ServiceSpec.Role;
import java.util.List;
import java.util.Optional;

/**
 * Every runnable module the launcher knows, in start order. Adding a service to the suite is one
 * line here (plus its module and its gateway route).
 */
public final class ServiceCatalog {

  public static final String DISCOVERY = "discovery";
  public static final String GATEWAY = "gateway";
  public static final String AUTH = "auth-service";
  public static final String NOTIFICATION = "notification-service";

  private static final List<ServiceSpec> ALL =
      List.of(
          new ServiceSpec(DISCOVERY, "discovery", 8761, null, Role.DISCOVERY),
          new ServiceSpec(GATEWAY, "gateway", 8080, null, Role.GATEWAY),
          new ServiceSpec(AUTH, "auth-service", 8001, "auth", Role.IDENTITY),
          new ServiceSpec("customer-service", "customer-service", 8002, "customer", Role.BUSINESS),
          new ServiceSpec("booking-service", "booking-service", 8003, "booking", Role.BUSINESS),
          new ServiceSpec("ticket-service", "ticket-service", 8004, "ticket", Role.BUSINESS),
          new ServiceSpec("jobcard-service", "jobcard-service", 8005, "jobcard", Role.BUSINESS),
          new ServiceSpec(
              NOTIFICATION, "notification-service", 8006, "notification", Role.BUSINESS));

  private ServiceCatalog() {}

  public static List<ServiceSpec> all() {
    return ALL;
  }

  public static Optional<ServiceSpec> byName(String name) {
    return ALL.stream().filter(spec -> spec.name().equals(name)).findFirst();
  }

  /** Discovery and gateway must run; the business services run when their jar exists. */
  public static boolean isRequired(ServiceSpec spec) {
    return spec.role() == Role.DISCOVERY || spec.role() == Role.GATEWAY;
  }
}

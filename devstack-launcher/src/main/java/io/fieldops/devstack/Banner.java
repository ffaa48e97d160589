package io.fieldops.devstack;

import java.time.Duration;

/** What a developer needs once the stack is up: where things are and how to log in. */
final class Banner {

  private Banner() {}

  static String render(Devstack stack) {
    String gateway = stack.gatewayUrl();
    StringBuilder text = new StringBuilder();
    text.append("\nfieldops is running")
        .append(stack.startupTime().map(Banner::took).orElse(""))
        .append(":\n\n");
    line(text, "Gateway", gateway + "/");
    if (stack.isLaunched(ServiceCatalog.NOTIFICATION)) {
      // served by notification-service: printing it before that exists would point at a 503
      line(text, "Dashboard", gateway + "/dashboard/");
    }
    line(text, "Swagger UI", gateway + "/swagger-ui.html");
    line(
        text,
        "Eureka",
        stack.discoveryUrl()
            + "/ (user "
            + ServiceCommand.DISCOVERY_USERNAME
            + ", password "
            + ServiceCommand.DISCOVERY_PASSWORD
            + ")");
    line(text, "Kafka", stack.kafkaBootstrapServers());
    line(
        text,
        "PostgreSQL",
        "localhost:"
            + stack.ports().postgres()
            + " (user "
            + PostgresServer.USER
            + ", one database per service)");
    line(text, "Services", String.join(", ", stack.running()));
    management(text, stack);
    line(text, "Logs", stack.logsDir().toString());
    if (stack.listensOnAllInterfaces()) {
      // the demo login below then works from any machine that reaches this one
      line(
          text,
          "Listening",
          "on every interface (--listen-all), management ports too;"
              + " PostgreSQL and Kafka on loopback");
    }
    if (stack.isLaunched(ServiceCatalog.AUTH)) {
      DemoAdmin admin = stack.admin();
      text.append("\nDemo login (development only), organisation '")
          .append(admin.organization())
          .append("':\n");
      line(text, "Admin", admin.email() + " / " + admin.password());
    }
    text.append("\nPress Ctrl-C to stop everything.\n");
    return text.toString();
  }

  /**
   * Each service's management port: the actuator lives there (the service's own port serves only
   * what the gateway routes), for a scraper, a curl or an operator's key rotation.
   */
  private static void management(StringBuilder text, Devstack stack) {
    line(
        text,
        "Management",
        "http://localhost:<port>/actuator/health, /actuator/prometheus, no token"
            + (stack.isLaunched(ServiceCatalog.AUTH)
                ? " (auth-service also /actuator/signingkeys)"
                : "")
            + ":");
    line(
        text,
        "",
        String.join(
            ", ",
            stack.running().stream()
                .map(name -> name + " " + stack.ports().managementPort(name))
                .toList()));
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format("  %-12s %s%n", label, value));
  }

  private static String took(Duration duration) {
    return String.format(" (started in %.1f s)", duration.toMillis() / 1000.0);
  }
}

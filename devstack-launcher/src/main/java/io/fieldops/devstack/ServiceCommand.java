package io.fieldops.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of one service JVM: the JVM flags, the jar, and the Spring properties that wire
 * it to this stack's discovery, database, broker and token issuer. Pure, so the wiring is
 * unit-tested without starting anything.
 */
public final class ServiceCommand {

  /**
   * The registry's account under the devstack (discovery's {@code fieldops.discovery.*}), which
   * every service sends in its Eureka URL. Development only, like the demo admin: outside the
   * devstack discovery has no default password and refuses to start without one.
   */
  public static final String DISCOVERY_USERNAME = "fieldops";

  public static final String DISCOVERY_PASSWORD = "fieldops-dev-discovery";

  /** booking-service's development client secret at auth-service (devstack only). */
  static final String BOOKING_CLIENT_SECRET = "booking-service-dev-secret";

  /** Its bcrypt hash, what auth-service is given instead of the secret. */
  static final String BOOKING_CLIENT_SECRET_HASH =
      "{bcrypt}$2a$10$iXMWdPSE0F83v7z3gTTPROv/YK.rEssBk0hACOzPG7zQ5r6r6Bu1a";

  /** What the gateway's management port exposes (its public port: health and info only). */
  static final String GATEWAY_MANAGEMENT_EXPOSURE = "health,info,prometheus";

  /**
   * What every service listens on unless the stack listens on all interfaces, and the address each
   * registers in Eureka either way: all run on this host, and 127.0.0.1 is bound in both cases,
   * whereas "localhost" may resolve to ::1 first.
   */
  static final String LOOPBACK = "127.0.0.1";

  private final PortPlan ports;
  private final JvmSettings jvm;
  private final DemoAdmin admin;
  private final boolean allInterfaces;

  /**
   * @param allInterfaces the services, the gateway and discovery listen on every interface (the
   *     wildcard address) rather than on {@link #LOOPBACK} only
   */
  public ServiceCommand(PortPlan ports, JvmSettings jvm, DemoAdmin admin, boolean allInterfaces) {
    this.ports = ports;
    this.jvm = jvm;
    this.admin = admin;
    this.allInterfaces = allInterfaces;
  }

  public List<String> command(ServiceSpec spec, Path jar) {
    return command(spec, jar, List.of());
  }

  /** With {@code extraFlags} after the usual JVM flags (the AOT cache's). */
  public List<String> command(ServiceSpec spec, Path jar, List<String> extraFlags) {
    List<String> command = new ArrayList<>();
    command.add(jvm.java().toString());
    command.addAll(jvm.serviceFlags());
    command.addAll(extraFlags);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(arguments(spec));
    return command;
  }

  /** The {@code --property=value} arguments: command-line arguments win over every other source. */
  public List<String> arguments(ServiceSpec spec) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + ports.port(spec));
    // The actuator on a port of its own: health for the launcher's poll, metrics and operator
    // endpoints without a token, none of it on the service's port (platform ManagementExposure).
    args.add("--management.server.port=" + ports.managementPort(spec));
    if (!allInterfaces) {
      // A development stack with demo credentials: not reachable from the network by default.
      args.add("--server.address=" + LOOPBACK);
      // Boot binds the management server to every interface unless told otherwise.
      args.add("--management.server.address=" + LOOPBACK);
    }
    if (spec.role() == ServiceSpec.Role.DISCOVERY) {
      // its own address: a standalone registry, it neither registers nor has peers
      args.add(
          "--eureka.client.service-url.defaultZone="
              + ports.url(ServiceCatalog.DISCOVERY)
              + "/eureka/");
      args.add("--eureka.instance.hostname=localhost");
      args.add("--fieldops.discovery.username=" + DISCOVERY_USERNAME);
      args.add("--fieldops.discovery.password=" + DISCOVERY_PASSWORD);
      return args;
    }
    // the registry answers only with its credentials, which the Eureka client takes from the URL
    args.add(
        "--eureka.client.service-url.defaultZone=" + discoveryUrlWithCredentials() + "/eureka/");
    args.add("--eureka.instance.hostname=localhost");
    // The gateway and peers call the registered address: make it one the service listens on.
    args.add("--eureka.instance.prefer-ip-address=true");
    args.add("--eureka.instance.ip-address=" + LOOPBACK);
    // Clients refresh their copy of the registry every 5 s instead of 30 s, and a crashed
    // instance leaves it after 15 s instead of 90 s, so a service that was just (re)started is
    // routable within seconds: what a developer restarting services expects.
    args.add("--eureka.client.registry-fetch-interval-seconds=5");
    args.add("--eureka.instance.lease-renewal-interval-in-seconds=5");
    args.add("--eureka.instance.lease-expiration-duration-in-seconds=15");
    String issuer = ports.url(ServiceCatalog.AUTH);
    args.add(
        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="
            + issuer
            + "/.well-known/jwks.json");
    args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer);
    if (spec.role() == ServiceSpec.Role.GATEWAY) {
      // not a platform-starter service: its exposure is set as its k8s manifest sets it
      args.add("--management.endpoints.web.exposure.include=" + GATEWAY_MANAGEMENT_EXPOSURE);
      return args;
    }
    args.add("--spring.kafka.bootstrap-servers=localhost:" + ports.kafka());
    spec.databaseName()
        .ifPresent(
            database -> {
              args.add(
                  "--spring.datasource.url=jdbc:postgresql://localhost:"
                      + ports.postgres()
                      + "/"
                      + database);
              args.add("--spring.datasource.username=" + PostgresServer.USER);
              args.add("--spring.datasource.password=" + PostgresServer.PASSWORD);
            });
    if (spec.role() == ServiceSpec.Role.IDENTITY) {
      // booking-service's client, registered by the hash of its development secret
      args.add("--fieldops.auth.clients[0].id=booking-service");
      args.add("--fieldops.auth.clients[0].secret-hash=" + BOOKING_CLIENT_SECRET_HASH);
      args.add("--fieldops.auth.clients[0].scopes=users:provision,organizations:read");
      args.add("--fieldops.bootstrap.organization-slug=" + admin.organization());
      args.add("--fieldops.bootstrap.admin-email=" + admin.email());
      args.add("--fieldops.bootstrap.admin-password=" + admin.password());
    }
    if (spec.name().equals("booking-service")) {
      args.add("--fieldops.peers.auth-service.credentials.client-secret=" + BOOKING_CLIENT_SECRET);
    }
    return args;
  }

  /** For example {@code http://fieldops:fieldops-dev-discovery@localhost:8761}. */
  String discoveryUrlWithCredentials() {
    return "http://"
        + DISCOVERY_USERNAME
        + ":"
        + DISCOVERY_PASSWORD
        + "@localhost:"
        + ports.port(ServiceCatalog.DISCOVERY);
  }
}

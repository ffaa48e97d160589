package io.fieldops.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceCommandTest {

  private final ServiceCommand command = command(false);

  private static ServiceCommand command(boolean allInterfaces) {
    return new ServiceCommand(
        new PortPlan(10),
        new JvmSettings(Path.of("/jdk/bin/java"), "300m", "512m"),
        new DemoAdmin("demo", "boss@example.test", "s3cret-pass"),
        allInterfaces);
  }

  private static ServiceSpec spec(String name) {
    return ServiceCatalog.byName(name).orElseThrow();
  }

  @Test
  void aServiceJvmHasTheMemoryCapAndRunsTheJar() {
    List<String> line = command.command(spec("booking-service"), Path.of("/repo/b.jar"));

    assertThat(line)
        .startsWith(
            "/jdk/bin/java",
            "-Xms32m",
            "-Xmx300m",
            "-XX:MinHeapFreeRatio=20",
            "-XX:MaxHeapFreeRatio=40",
            "-XX:+UseSerialGC")
        .containsSubsequence("-jar", "/repo/b.jar", "--server.port=8013");
  }

  @Test
  void aBusinessServiceIsWiredToEveryPartOfTheStack() {
    assertThat(command.arguments(spec("booking-service")))
        .contains(
            "--server.port=8013",
            "--management.server.port=9013",
            "--eureka.client.service-url.defaultZone="
                + "http://fieldops:fieldops-dev-discovery@localhost:8771/eureka/",
            "--eureka.instance.hostname=localhost",
            "--eureka.client.registry-fetch-interval-seconds=5",
            "--eureka.instance.lease-expiration-duration-in-seconds=15",
            "--spring.kafka.bootstrap-servers=localhost:19102",
            "--spring.datasource.url=jdbc:postgresql://localhost:15442/booking",
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="
                + "http://localhost:8011/.well-known/jwks.json",
            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:8011")
        .noneMatch(arg -> arg.startsWith("--fieldops.bootstrap"));
  }

  @Test
  void authServiceAlsoGetsTheDemoOrganisationAndAdmin() {
    assertThat(command.arguments(spec("auth-service")))
        .contains(
            "--spring.datasource.url=jdbc:postgresql://localhost:15442/auth",
            "--fieldops.bootstrap.organization-slug=demo",
            "--fieldops.bootstrap.admin-email=boss@example.test",
            "--fieldops.bootstrap.admin-password=s3cret-pass");
  }

  @Test
  void jobcardServiceGetsItsDatabaseAndBrokerButNoClientSecret() {
    // it relays the caller's token to customer-service (lb://customer-service through Eureka)
    assertThat(command.arguments(spec("jobcard-service")))
        .contains(
            "--server.port=8015",
            "--eureka.client.service-url.defaultZone="
                + "http://fieldops:fieldops-dev-discovery@localhost:8771/eureka/",
            "--spring.kafka.bootstrap-servers=localhost:19102",
            "--spring.datasource.url=jdbc:postgresql://localhost:15442/jobcard",
            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:8011")
        .noneMatch(arg -> arg.startsWith("--fieldops.peers"))
        .noneMatch(arg -> arg.startsWith("--spring.http.serviceclient"))
        .noneMatch(arg -> arg.startsWith("--fieldops.bootstrap"));
  }

  @Test
  void ticketServiceGetsItsDatabaseAndBrokerButNoClientSecret() {
    // it calls no peer: its organisation members come from the users topic
    assertThat(command.arguments(spec("ticket-service")))
        .contains(
            "--server.port=8014",
            "--eureka.client.service-url.defaultZone="
                + "http://fieldops:fieldops-dev-discovery@localhost:8771/eureka/",
            "--spring.kafka.bootstrap-servers=localhost:19102",
            "--spring.datasource.url=jdbc:postgresql://localhost:15442/ticket",
            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:8011")
        .noneMatch(arg -> arg.startsWith("--fieldops.peers"))
        .noneMatch(arg -> arg.startsWith("--spring.http.serviceclient"))
        .noneMatch(arg -> arg.startsWith("--fieldops.bootstrap"));
  }

  @Test
  void theGatewayValidatesTokensButHasNoDatabaseNorBroker() {
    assertThat(command.arguments(spec("gateway")))
        .contains(
            "--server.port=8090",
            "--management.server.port=9090",
            // not a platform-starter service: its management port's exposure is given here
            "--management.endpoints.web.exposure.include=health,info,prometheus",
            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:8011")
        .noneMatch(arg -> arg.startsWith("--spring.datasource"))
        .noneMatch(arg -> arg.startsWith("--spring.kafka"));
  }

  @Test
  void discoveryGetsOnlyItsPortAndItsOwnAddress() {
    assertThat(command.arguments(spec("discovery")))
        .containsExactly(
            "--server.port=8771",
            "--management.server.port=9771",
            "--server.address=127.0.0.1",
            "--management.server.address=127.0.0.1",
            "--eureka.client.service-url.defaultZone=http://localhost:8771/eureka/",
            "--eureka.instance.hostname=localhost",
            "--fieldops.discovery.username=fieldops",
            "--fieldops.discovery.password=fieldops-dev-discovery");
  }

  /**
   * A stack with demo credentials is not reachable from the network unless asked to be: neither the
   * service's port nor its management port, which answers without a token.
   */
  @Test
  void everyServiceListensOnLoopbackOnlyByDefault() {
    assertThat(ServiceCatalog.all())
        .allSatisfy(
            spec ->
                assertThat(command.arguments(spec))
                    .as(spec.name())
                    .containsOnlyOnce(
                        "--server.address=127.0.0.1", "--management.server.address=127.0.0.1"));
  }

  @Test
  void withListenAllEveryServiceListensOnTheWildcardAddress() {
    ServiceCommand listenAll = command(true);

    assertThat(ServiceCatalog.all())
        .allSatisfy(
            spec ->
                assertThat(listenAll.arguments(spec))
                    .as(spec.name())
                    .noneMatch(arg -> arg.startsWith("--server.address"))
                    .noneMatch(arg -> arg.startsWith("--management.server.address")));
  }

  /** The actuator moves to its own port, shifted by the stack's offset like the service's. */
  @Test
  void everyServiceHasAManagementPortAThousandAboveItsOwn() {
    for (ServiceCommand mode : List.of(command(false), command(true))) {
      assertThat(ServiceCatalog.all())
          .allSatisfy(
              spec ->
                  assertThat(mode.arguments(spec))
                      .as(spec.name())
                      .containsOnlyOnce(
                          "--server.port=" + (spec.basePort() + 10),
                          "--management.server.port=" + (spec.basePort() + 1010)));
    }
  }

  /**
   * The gateway routes to the address an instance registers: 127.0.0.1, which it listens on in both
   * modes, rather than a name that may resolve to ::1 or the host's network address.
   */
  @Test
  void everyClientOfTheRegistryRegistersTheLoopbackAddress() {
    for (ServiceCommand mode : List.of(command(false), command(true))) {
      assertThat(ServiceCatalog.all())
          .filteredOn(spec -> spec.role() != ServiceSpec.Role.DISCOVERY)
          .isNotEmpty()
          .allSatisfy(
              spec ->
                  assertThat(mode.arguments(spec))
                      .as(spec.name())
                      .contains(
                          "--eureka.instance.prefer-ip-address=true",
                          "--eureka.instance.ip-address=127.0.0.1"));
    }
  }

  @Test
  void everyServiceWithADatabaseNamesItsOwn() {
    assertThat(ServiceCatalog.all())
        .filteredOn(spec -> spec.databaseName().isPresent())
        .extracting(ServiceSpec::database)
        .containsExactly("auth", "customer", "booking", "ticket", "jobcard", "notification");
  }
}

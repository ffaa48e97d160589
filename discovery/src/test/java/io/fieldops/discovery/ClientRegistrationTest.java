package io.fieldops.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.netflix.eureka.registry.PeerAwareInstanceRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A real Eureka client, in a context of its own, registers with a real discovery server, sending
 * the registry's credentials as every fieldops service does: embedded in its service URL.
 */
class ClientRegistrationTest {

  /** As in every service's application.yml. */
  static final String SERVICES_DEFAULT_ZONE =
      "http://${fieldops.discovery.username:fieldops}:"
          + "${fieldops.discovery.password:fieldops-dev-discovery}"
          + "@${fieldops.discovery.address:localhost:8761}/eureka/";

  private ConfigurableApplicationContext server;
  private ConfigurableApplicationContext client;

  @Test
  void aClientAppearsInTheRegistry() {
    server =
        new SpringApplicationBuilder(DiscoveryApplication.class)
            .run(
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--fieldops.discovery.password=" + RegistrySecurityTest.PASSWORD);
    String port = server.getEnvironment().getProperty("local.server.port");

    client =
        new SpringApplicationBuilder(ProbeClient.class)
            .web(WebApplicationType.NONE)
            .run(
                "--spring.application.name=registration-probe",
                "--spring.config.name=probe-client",
                "--spring.jmx.enabled=false",
                // the services' application.yml line, resolved from the properties a deployment
                // sets (FIELDOPS_DISCOVERY_PASSWORD, FIELDOPS_DISCOVERY_ADDRESS)
                "--eureka.client.service-url.defaultZone=" + SERVICES_DEFAULT_ZONE,
                "--fieldops.discovery.password=" + RegistrySecurityTest.PASSWORD,
                "--fieldops.discovery.address=localhost:" + port,
                "--eureka.client.instance-info-replication-interval-seconds=1",
                "--eureka.client.initial-instance-info-replication-interval-seconds=1",
                "--eureka.instance.hostname=localhost",
                "--eureka.instance.non-secure-port=9999",
                // The server's Jersey jars are on this test's classpath; a service's client
                // talks to Eureka through Spring's RestClient, so the probe does too.
                "--eureka.client.jersey.enabled=false");

    PeerAwareInstanceRegistry registry = server.getBean(PeerAwareInstanceRegistry.class);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var application = registry.getApplication("REGISTRATION-PROBE");
              assertThat(application).isNotNull();
              assertThat(application.getInstances())
                  .singleElement()
                  .satisfies(
                      instance -> {
                        assertThat(instance.getHostName()).isEqualTo("localhost");
                        assertThat(instance.getPort()).isEqualTo(9999);
                      });
            });
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Plain auto-configuration without @EnableEurekaServer: only the Eureka client switches on. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class ProbeClient {}
}

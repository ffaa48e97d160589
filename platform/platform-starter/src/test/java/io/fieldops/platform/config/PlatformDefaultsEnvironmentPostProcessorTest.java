package io.fieldops.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

class PlatformDefaultsEnvironmentPostProcessorTest {

  @Test
  void defaultsApplyWhenTheServiceSaysNothing() {
    MockEnvironment environment = new MockEnvironment();

    new PlatformDefaultsEnvironmentPostProcessor()
        .postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("spring.jackson.property-naming-strategy"))
        .isEqualTo("SNAKE_CASE");
    assertThat(environment.getProperty("spring.messages.basename"))
        .isEqualTo("messages,fieldops/platform-messages");
    assertThat(environment.getProperty("management.endpoint.health.probes.enabled"))
        .isEqualTo("true");
    assertThat(environment.getProperty("spring.jpa.open-in-view")).isEqualTo("false");
  }

  @Test
  void serviceWithoutMessagesGetsOnlyThePlatformBundle() {
    ClassLoader nothingOnIt = new URLClassLoader(new URL[0], null);
    SpringApplication application = new SpringApplication();
    application.setResourceLoader(new DefaultResourceLoader(nothingOnIt));
    MockEnvironment environment = new MockEnvironment();

    new PlatformDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, application);

    assertThat(environment.getProperty("spring.messages.basename"))
        .isEqualTo("fieldops/platform-messages");
  }

  @Test
  void theServicesOwnConfigurationWins() {
    MockEnvironment environment = new MockEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "application.yml", Map.of("management.tracing.sampling.probability", "0.1")));

    new PlatformDefaultsEnvironmentPostProcessor()
        .postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
    assertThat(environment.getPropertySources().stream().toList().getLast().getName())
        .isEqualTo(PlatformDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
  }

  /** The exposure the post-processor settles on, given the service's settings. */
  private static String exposure(String... nameValuePairs) {
    MockEnvironment environment = new MockEnvironment();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      environment.setProperty(nameValuePairs[i], nameValuePairs[i + 1]);
    }
    new PlatformDefaultsEnvironmentPostProcessor()
        .postProcessEnvironment(environment, new SpringApplication());
    return environment.getProperty("management.endpoints.web.exposure.include");
  }

  @Test
  void withoutAManagementPortOnlyHealthAndInfoAreExposed() {
    assertThat(exposure("fieldops.management.operator-endpoints", "signingkeys"))
        .isEqualTo("health,info");
  }

  @Test
  void aManagementPortOfItsOwnAlsoExposesMetricsAndTheOperatorEndpoints() {
    assertThat(
            exposure(
                "server.port", "8001",
                "management.server.port", "9001",
                "fieldops.management.operator-endpoints[0]", "signingkeys"))
        .isEqualTo("health,info,prometheus,signingkeys");
  }

  @Test
  void aManagementPortEqualToTheServicePortIsNoPortOfItsOwn() {
    assertThat(exposure("server.port", "8001", "management.server.port", "8001"))
        .isEqualTo("health,info");
  }

  @Test
  void anExplicitExposureWins() {
    assertThat(
            exposure(
                "management.server.port", "9001",
                "management.endpoints.web.exposure.include", "health"))
        .isEqualTo("health");
  }
}

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
}

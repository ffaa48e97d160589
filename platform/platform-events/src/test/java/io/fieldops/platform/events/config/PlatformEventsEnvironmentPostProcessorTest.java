package io.fieldops.platform.events.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformEventsEnvironmentPostProcessorTest {

  @Test
  void suppliesDefaultsThatAnyServiceSettingOverrides() {
    var environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "application.yml", Map.of("spring.kafka.consumer.auto-offset-reset", "latest")));

    new PlatformEventsEnvironmentPostProcessor()
        .postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("spring.kafka.consumer.auto-offset-reset"))
        .isEqualTo("latest");
    assertThat(environment.getProperty("spring.kafka.producer.properties.max.block.ms"))
        .isEqualTo("5000");
    assertThat(
            environment.getProperty(
                "spring.modulith.events.republish-outstanding-events-on-restart"))
        .isEqualTo("true");
    assertThat(environment.getPropertySources().stream().toList().getLast().getName())
        .isEqualTo(PlatformEventsEnvironmentPostProcessor.SOURCE_NAME);
  }
}

package io.fieldops.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code fieldops/platform-defaults.properties} as the property source with the lowest
 * precedence, so every service starts from the same defaults (snake_case JSON, actuator exposure,
 * tracing, messages...) and anything in its application.yml, the environment or a test overrides
 * them. Runs last, after Boot has loaded the application's own config files.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  public static final String PROPERTY_SOURCE_NAME = "fieldopsPlatformDefaults";
  static final String DEFAULTS = "fieldops/platform-defaults.properties";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
      return;
    }
    environment
        .getPropertySources()
        .addLast(new PropertiesPropertySource(PROPERTY_SOURCE_NAME, load()));
  }

  static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = new ClassPathResource(DEFAULTS).getInputStream()) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + DEFAULTS + " from platform-starter", e);
    }
    return properties;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}

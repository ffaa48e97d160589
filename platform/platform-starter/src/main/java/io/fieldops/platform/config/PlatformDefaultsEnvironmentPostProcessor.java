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
  static final String MESSAGES_BASENAME = "spring.messages.basename";
  static final String SERVICE_MESSAGES = "messages";
  static final String PLATFORM_MESSAGES = "fieldops/platform-messages";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
      return;
    }
    Properties defaults = load();
    defaults.setProperty(MESSAGES_BASENAME, messageBasenames(application.getClassLoader()));
    environment
        .getPropertySources()
        .addLast(new PropertiesPropertySource(PROPERTY_SOURCE_NAME, defaults));
  }

  /**
   * The service's {@code messages} bundle is listed only when it exists: a missing bundle works but
   * makes Spring log a warning per language on every start.
   */
  static String messageBasenames(ClassLoader classLoader) {
    boolean serviceHasMessages =
        new ClassPathResource(SERVICE_MESSAGES + ".properties", classLoader).exists();
    return serviceHasMessages ? SERVICE_MESSAGES + "," + PLATFORM_MESSAGES : PLATFORM_MESSAGES;
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

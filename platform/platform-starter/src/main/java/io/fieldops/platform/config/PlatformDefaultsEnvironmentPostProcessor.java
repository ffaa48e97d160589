package io.fieldops.platform.config;

import io.fieldops.platform.management.ManagementExposure;
import io.fieldops.platform.management.ManagementProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code fieldops/platform-defaults.properties} as the property source with the lowest
 * precedence, so every service starts from the same defaults (snake_case JSON, actuator exposure,
 * tracing, messages...) and anything in its application.yml, the environment or a test overrides
 * them. Runs last, after Boot has loaded the application's own config files, so the two defaults
 * that depend on them can be computed: the message bundles and the actuator's exposure, which
 * depends on whether {@code management.server.port} gives the actuator a port of its own ({@link
 * ManagementExposure}).
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
    defaults.setProperty(ManagementExposure.EXPOSURE_PROPERTY, exposure(environment));
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

  /**
   * Read here rather than in a bean: by the time beans exist, the exposure has been bound. Test
   * properties set by {@code @DynamicPropertySource} come too late for this; tests give the port in
   * {@code @SpringBootTest(properties)} or {@code @TestPropertySource}.
   */
  static String exposure(ConfigurableEnvironment environment) {
    ManagementProperties properties =
        Binder.get(environment)
            .bind("fieldops.management", ManagementProperties.class)
            .orElseGet(() -> new ManagementProperties(null));
    return String.join(
        ",", ManagementExposure.endpoints(ManagementPortType.get(environment), properties));
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

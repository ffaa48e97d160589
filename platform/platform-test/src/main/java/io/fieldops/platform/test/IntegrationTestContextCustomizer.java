package io.fieldops.platform.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points one test class's application at its own fresh database, the shared Kafka broker and the
 * test token issuer.
 *
 * <p>Equality includes the test class on purpose: two classes with otherwise identical
 * configuration must not share a cached context, or they would share a database.
 */
final class IntegrationTestContextCustomizer implements ContextCustomizer {

  static final String PROPERTY_SOURCE_NAME = "fieldopsIntegrationTest";
  // Name of Spring's @DynamicPropertySource property source (DynamicValuesPropertySource).
  private static final String DYNAMIC_PROPERTIES = "Dynamic Test Properties";

  private final Class<?> testClass;

  IntegrationTestContextCustomizer(Class<?> testClass) {
    this.testClass = testClass;
  }

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    // Resolved here, when the context is really built, not when the cache key is computed.
    SharedInfrastructure infrastructure = SharedInfrastructure.get();
    TestTokenIssuer issuer = TestTokenIssuer.shared();
    // Replaces platform-starter's Clock (conditional on a missing one): see TestClock.
    context.getBeanFactory().registerSingleton("clock", TestClock.get());

    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", infrastructure.createDatabase(testClass.getName()));
    properties.put("spring.datasource.username", infrastructure.jdbcUsername());
    properties.put("spring.datasource.password", infrastructure.jdbcPassword());
    properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
    properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwkSetUri());
    properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuerUri());
    properties.put("eureka.client.enabled", "false");
    properties.put("spring.cloud.discovery.enabled", "false");

    // Below the test's own inlined properties (so a test can still override, e.g. point Kafka at
    // a dead port), above system environment and application.yml (so a developer's
    // SPRING_DATASOURCE_URL can never send tests to a real database).
    MutablePropertySources sources = context.getEnvironment().getPropertySources();
    MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
    String anchor = null;
    for (String testOwned :
        new String[] {
          DYNAMIC_PROPERTIES, TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME
        }) {
      if (sources.contains(testOwned)) {
        anchor = testOwned;
      }
    }
    if (anchor != null) {
      sources.addAfter(anchor, source);
    } else {
      sources.addFirst(source);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IntegrationTestContextCustomizer that
        && this.testClass.equals(that.testClass);
  }

  @Override
  public int hashCode() {
    return Objects.hash(IntegrationTestContextCustomizer.class, testClass);
  }
}

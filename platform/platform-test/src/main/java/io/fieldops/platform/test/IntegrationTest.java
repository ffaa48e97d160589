package io.fieldops.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The one annotation a service's integration test needs: the whole application on a random port
 * against real PostgreSQL and Kafka ({@link SharedInfrastructure}) and trusting {@link
 * TestTokenIssuer#shared()}.
 *
 * <p>Each annotated class gets a database of its own, created when its context starts, so classes
 * never see each other's rows. Properties set in {@code @SpringBootTest(properties)},
 * {@code @TestPropertySource} or {@code @DynamicPropertySource} still win over the ones set here.
 *
 * <p>The properties set: {@code spring.datasource.url/username/password}, {@code
 * spring.kafka.bootstrap-servers}, {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}
 * and {@code .issuer-uri}, {@code eureka.client.enabled=false}, {@code
 * spring.cloud.discovery.enabled=false}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(IntegrationTestContextCustomizerFactory.class)
public @interface IntegrationTest {}

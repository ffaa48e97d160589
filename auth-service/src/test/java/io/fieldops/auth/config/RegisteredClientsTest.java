package io.fieldops.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** auth-service knows its clients only from fieldops.auth.clients, and never starts without one. */
class RegisteredClientsTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(AuthProperties.class)
  static class Properties {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Properties.class)
          .withPropertyValues(
              "fieldops.auth.issuer=http://auth", "fieldops.auth.audience=fieldops");

  @Test
  void withoutARegisteredClientTheServiceDoesNotStartAndNamesTheProperty() {
    context.run(
        started ->
            assertThat(started)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("fieldops.auth.clients"));
  }

  @Test
  void aSecretInsteadOfItsHashIsRefused() {
    context
        .withPropertyValues(
            "fieldops.auth.clients[0].id=booking-service",
            "fieldops.auth.clients[0].secret-hash=booking-service-dev-secret",
            "fieldops.auth.clients[0].scopes=users:provision")
        .run(
            started ->
                assertThat(started)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("fieldops.auth.clients[0].secretHash")
                    .hasMessageContaining("must be a bcrypt hash"));
  }

  @Test
  void aHashedClientIsAccepted() {
    context
        .withPropertyValues(
            "fieldops.auth.clients[0].id=booking-service",
            "fieldops.auth.clients[0].secret-hash={bcrypt}$2a$10$iXMWdPSE0F83v7z3gTTPROv/YK.rEssBk0hACOzPG7zQ5r6r6Bu1a",
            "fieldops.auth.clients[0].scopes=users:provision,organizations:read")
        .run(
            started -> {
              assertThat(started).hasNotFailed();
              assertThat(started.getBean(AuthProperties.class).clients())
                  .singleElement()
                  .satisfies(
                      c ->
                          assertThat(c.scopes())
                              .containsExactly("users:provision", "organizations:read"));
            });
  }
}

package io.fieldops.platform.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.platform.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A service that forgot where the JWKS is must not start, and must say which property. */
class MissingJwkSetUriIT {

  @Test
  void startupFailsNamingTheProperty() {
    SpringApplicationBuilder application =
        new SpringApplicationBuilder(TestApplication.class).properties("server.port=0");

    assertThatThrownBy(application::run)
        .rootCause()
        .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
  }
}

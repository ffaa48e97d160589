package io.fieldops.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.TestTokenIssuer;
import io.fieldops.platform.test.TestUser;
import io.fieldops.platform.testapp.TestApplication;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The test application on a random port, trusting the shared test issuer's JWKS: every test runs
 * real RS256 validation. All subclasses share one Spring context.
 */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PlatformIntegrationTest {

  static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
  static final UUID ORG = UUID.fromString("5f3c1f9e-0d7a-4c2b-9a51-2b7e8d6c4a10");

  @LocalServerPort int port;

  @DynamicPropertySource
  static void trustTestIssuer(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuerUri);
  }

  Http anonymous() {
    return Http.to(port);
  }

  Http as(TestUser user) {
    return Http.to(port).bearer(ISSUER.token(user));
  }

  Http asAgent() {
    return as(TestUser.agent(ORG));
  }

  /**
   * The service's own port serves no metrics, token or not: 401 without one, 403 with an
   * organisation's (it is not the deployment's operator), problem+json either way.
   */
  void assertNoMetricsOnTheServicePort() {
    var anonymous = anonymous().get("/actuator/prometheus");
    var withToken = asAgent().get("/actuator/prometheus");

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(withToken.status()).isEqualTo(403);
    for (var response : List.of(anonymous, withToken)) {
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.body()).doesNotContain("jvm_memory_used_bytes");
    }
  }
}

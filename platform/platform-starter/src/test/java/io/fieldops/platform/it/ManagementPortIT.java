package io.fieldops.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * With a management port of its own (the k8s manifests' 9090, the devstack's service port + 1000)
 * the actuator is served there, metrics included and without a token, and the service's port serves
 * none of it. The port is given as a test property, not a dynamic one: the exposure is decided from
 * it while the environment is prepared (ManagementExposure).
 */
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortIT extends PlatformIntegrationTest {

  @LocalManagementPort int managementPort;

  private Http management() {
    return Http.to(managementPort);
  }

  @Test
  void theScraperReadsMetricsOnTheManagementPortWithoutAToken() {
    assertThat(managementPort).isPositive().isNotEqualTo(port);

    var metrics = management().get("/actuator/prometheus");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("jvm_memory_used_bytes")
        .contains("application=\"platform-testapp\"");
  }

  @Test
  void theProbesAnswerOnTheManagementPort() {
    var readiness = management().get("/actuator/health/readiness");

    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    assertThat(management().get("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(management().get("/actuator/info").status()).isEqualTo(200);
  }

  @Test
  void theServicePortServesNoMetricsTokenOrNot() {
    assertNoMetricsOnTheServicePort();
  }

  /** The actuator has moved: the service's port has no health either (probes use the other). */
  @Test
  void theServicePortHasNoActuatorAtAll() {
    var health = anonymous().get("/actuator/health");

    assertThat(health.status()).isEqualTo(404);
    assertThat(health.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void whatIsNotExposedIsNotServedOnTheManagementPortEither() {
    assertThat(management().get("/actuator/env").status()).isNotEqualTo(200);
    assertThat(management().get("/actuator/beans").status()).isNotEqualTo(200);
  }

  @Test
  void theApplicationsOwnEndpointsAreNotOnTheManagementPort() {
    var me = management().bearer(ISSUER.token(TestUser.agent(ORG))).get("/test/me");

    assertThat(me.status()).isNotEqualTo(200);
  }
}

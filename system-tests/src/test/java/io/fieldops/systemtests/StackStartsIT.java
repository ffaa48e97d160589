package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.devstack.ServiceCatalog;
import org.junit.jupiter.api.Test;

/** The launcher brings the suite up from the packaged jars and the gateway answers. */
class StackStartsIT extends SystemTest {

  @Test
  void discoveryAndTheGatewayRun() {
    assertThat(stack().running()).startsWith(ServiceCatalog.DISCOVERY, ServiceCatalog.GATEWAY);
    assertThat(stack().startupTime()).isPresent();
  }

  @Test
  void theGatewayIsHealthy() {
    GatewayResponse health = gateway().get("/actuator/health");

    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
  }

  @Test
  void everyLaunchedServiceWroteItsLog() {
    assertThat(stack().running())
        .allSatisfy(name -> assertThat(stack().logOf(name)).isNotEmptyFile());
    assertThat(stack().logOf("kafka")).content().contains("Kafka Server started");
  }
}

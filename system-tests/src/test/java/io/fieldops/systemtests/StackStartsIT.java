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

  /** On its management port (its port + 1000): the public port has no actuator then. */
  @Test
  void theGatewayIsHealthy() {
    GatewayResponse health =
        new Gateway(stack().managementUrl(ServiceCatalog.GATEWAY)).get("/actuator/health");

    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
  }

  /** Every JVM's metrics on its management port, without a token; none on a port callers reach. */
  @Test
  void metricsAreServedOnTheManagementPortsOnly() {
    for (String name : stack().running()) {
      GatewayResponse metrics = prometheus(stack().managementUrl(name));
      assertThat(metrics.status()).as(name + ": " + metrics).isEqualTo(200);
      assertThat(metrics.body()).as(name).contains("jvm_memory_used_bytes");
      if (!name.equals(ServiceCatalog.DISCOVERY)) {
        assertThat(prometheus(stack().url(name)).status()).as(name).isNotEqualTo(200);
      }
    }
  }

  private static GatewayResponse prometheus(String baseUrl) {
    Gateway to = new Gateway(baseUrl);
    return to.send(to.request("/actuator/prometheus").setHeader("Accept", "*/*").GET());
  }

  @Test
  void everyLaunchedServiceWroteItsLog() {
    assertThat(stack().running())
        .allSatisfy(name -> assertThat(stack().logOf(name)).isNotEmptyFile());
    assertThat(stack().logOf("kafka")).content().contains("Kafka Server started");
  }
}

package io.fieldops.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortPlanTest {

  @Test
  void offsetZeroIsTheDocumentedPortTable() {
    PortPlan plan = new PortPlan(0);

    assertThat(plan.postgres()).isEqualTo(15432);
    assertThat(plan.kafka()).isEqualTo(19092);
    assertThat(plan.kafkaController()).isEqualTo(19093);
    assertThat(plan.port("discovery")).isEqualTo(8761);
    assertThat(plan.port("gateway")).isEqualTo(8080);
    assertThat(plan.port("auth-service")).isEqualTo(8001);
    assertThat(plan.port("notification-service")).isEqualTo(8006);
    assertThat(plan.managementPort("discovery")).isEqualTo(9761);
    assertThat(plan.managementPort("gateway")).isEqualTo(9080);
    assertThat(plan.managementPort("auth-service")).isEqualTo(9001);
    assertThat(plan.managementPort("notification-service")).isEqualTo(9006);
  }

  @Test
  void anOffsetShiftsEveryPort() {
    PortPlan plan = new PortPlan(100);

    assertThat(plan.postgres()).isEqualTo(15532);
    assertThat(plan.kafka()).isEqualTo(19192);
    assertThat(plan.kafkaController()).isEqualTo(19193);
    assertThat(plan.url("gateway")).isEqualTo("http://localhost:8180");
    assertThat(plan.managementUrl("auth-service")).isEqualTo("http://localhost:9101");
    assertThat(plan.portsFor(ServiceCatalog.all()).values())
        .allSatisfy(port -> assertThat(port).isGreaterThanOrEqualTo(8101));
  }

  @Test
  void everyPortOfAStackIsDistinct() {
    var ports = new PortPlan(7).portsFor(ServiceCatalog.all());

    // PostgreSQL, Kafka and its controller, then each service's own and management port
    assertThat(ports.values()).doesNotHaveDuplicates().hasSize(3 + 2 * ServiceCatalog.all().size());
    assertThat(ports)
        .containsEntry("PostgreSQL", 15439)
        .containsEntry("booking-service", 8010)
        .containsEntry("booking-service management", 9010);
  }

  @Test
  void anOffsetBeyondThePortRangeIsRefusedWithTheLimit() {
    assertThatThrownBy(() -> new PortPlan(50_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 46442");
    assertThatThrownBy(() -> new PortPlan(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnknownServiceHasNoPort() {
    assertThatThrownBy(() -> new PortPlan(0).port("billing-service"))
        .hasMessageContaining("unknown service billing-service");
  }
}

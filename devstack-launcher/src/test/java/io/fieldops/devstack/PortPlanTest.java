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
  }

  @Test
  void anOffsetShiftsEveryPort() {
    PortPlan plan = new PortPlan(100);

    assertThat(plan.postgres()).isEqualTo(15532);
    assertThat(plan.kafka()).isEqualTo(19192);
    assertThat(plan.kafkaController()).isEqualTo(19193);
    assertThat(plan.url("gateway")).isEqualTo("http://localhost:8180");
    assertThat(plan.portsFor(ServiceCatalog.all()).values())
        .allSatisfy(port -> assertThat(port).isGreaterThanOrEqualTo(8101));
  }

  @Test
  void everyPortOfAStackIsDistinct() {
    var ports = new PortPlan(7).portsFor(ServiceCatalog.all());

    assertThat(ports.values()).doesNotHaveDuplicates().hasSize(3 + ServiceCatalog.all().size());
    assertThat(ports).containsEntry("PostgreSQL", 15439).containsEntry("booking-service", 8010);
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

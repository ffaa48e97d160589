package io.fieldops.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingProbeTest {

  private static final String ANSWER =
      """
      {"services":[{"service_id":"auth-service","instances":1},{"service_id":"gateway","instances":1}]}
      """;

  @Test
  void namesTheServicesTheGatewayDoesNotListYet() {
    assertThat(
            RoutingProbe.missingFrom(ANSWER, List.of("gateway", "auth-service", "booking-service")))
        .containsExactly("booking-service");
  }

  @Test
  void aServiceWhoseNameMerelyContainsAnotherDoesNotCount() {
    assertThat(RoutingProbe.missingFrom(ANSWER, List.of("auth"))).containsExactly("auth");
  }
}

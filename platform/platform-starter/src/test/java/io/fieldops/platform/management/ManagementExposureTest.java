package io.fieldops.platform.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;

class ManagementExposureTest {

  private static List<String> exposed(ManagementPortType portType, String... operatorEndpoints) {
    return ManagementExposure.endpoints(
        portType, new ManagementProperties(List.of(operatorEndpoints)));
  }

  @Test
  void onTheServicesOwnPortOnlyHealthAndInfo() {
    assertThat(exposed(ManagementPortType.SAME, "signingkeys")).containsExactly("health", "info");
  }

  @Test
  void onAManagementPortOfItsOwnAlsoMetricsAndTheOperatorEndpoints() {
    assertThat(exposed(ManagementPortType.DIFFERENT, "signingkeys"))
        .containsExactly("health", "info", "prometheus", "signingkeys");
    assertThat(exposed(ManagementPortType.DIFFERENT))
        .containsExactly("health", "info", "prometheus");
  }

  @Test
  void aDisabledManagementServerExposesNoMoreThanTheServicePort() {
    assertThat(exposed(ManagementPortType.DISABLED, "signingkeys"))
        .containsExactly("health", "info");
  }

  @Test
  void anEndpointNamedTwiceIsExposedOnce() {
    assertThat(exposed(ManagementPortType.DIFFERENT, "prometheus"))
        .containsExactly("health", "info", "prometheus");
  }

  @Test
  void noOperatorEndpointsByDefault() {
    assertThat(new ManagementProperties(null).operatorEndpoints()).isEmpty();
  }
}

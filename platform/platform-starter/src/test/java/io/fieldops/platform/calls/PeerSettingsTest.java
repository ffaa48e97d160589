package io.fieldops.platform.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerSettingsTest {

  private static PeerSettings withCredentials(String id, String secret) {
    return new PeerSettings(
        Duration.ofSeconds(3),
        2,
        50,
        Duration.ofSeconds(10),
        new PeerSettings.Credentials(id, secret, List.of("users:provision"), null));
  }

  @Test
  void credentialsWithoutASecretStopTheStartNamingTheProperty() {
    assertThatThrownBy(() -> withCredentials("booking-service", null).validated("auth-service"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("fieldops.peers.auth-service.credentials.client-secret is required");
    assertThatThrownBy(() -> withCredentials(" ", "s3cret").validated("auth-service"))
        .hasMessage("fieldops.peers.auth-service.credentials.client-id is required");
    assertThat(withCredentials("booking-service", "s3cret").validated("auth-service")).isNotNull();
  }

  @Test
  void impossibleValuesAreNamed() {
    assertThatThrownBy(
            () ->
                new PeerSettings(Duration.ZERO, 2, 50, Duration.ofSeconds(1), null)
                    .validated("auth-service"))
        .hasMessageContaining("fieldops.peers.auth-service.timeout");
    assertThatThrownBy(
            () ->
                new PeerSettings(Duration.ofSeconds(1), 0, 50, Duration.ofSeconds(1), null)
                    .validated("auth-service"))
        .hasMessageContaining("fieldops.peers.auth-service.max-attempts");
    assertThat(PeerSettings.DEFAULTS.validated("customer-service"))
        .isEqualTo(PeerSettings.DEFAULTS);
  }
}

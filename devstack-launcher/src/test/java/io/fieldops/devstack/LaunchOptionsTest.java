package io.fieldops.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

  @Test
  void defaults() {
    LaunchOptions options = LaunchOptions.parse(new String[0], Map.of());

    assertThat(options.portOffset()).isZero();
    assertThat(options.dataDir()).isEqualTo(Path.of(".devstack"));
    assertThat(options.serviceHeap()).isEqualTo("256m");
    assertThat(options.services()).isEmpty();
    assertThat(options.healthTimeout()).isEqualTo(Duration.ofSeconds(300));
    assertThat(options.aotCache()).isTrue();
    assertThat(options.listenAll()).isFalse();
    assertThat(options.help()).isFalse();
  }

  @Test
  void benchmarksRunTheServicesWithProductionFlags() {
    assertThat(LaunchOptions.parse(new String[0], Map.of()).jvm())
        .isEqualTo(JvmSettings.Purpose.FOOTPRINT);
    assertThat(LaunchOptions.parse(new String[] {"--jvm=production"}, Map.of()).jvm())
        .isEqualTo(JvmSettings.Purpose.PRODUCTION);
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--jvm=fast"}, Map.of()))
        .hasMessage("--jvm must be footprint or production, not 'fast'");
  }

  @Test
  void theStackCanListenOnEveryInterface() {
    assertThat(LaunchOptions.parse(new String[] {"--listen-all"}, Map.of()).listenAll()).isTrue();
    assertThat(LaunchOptions.USAGE).contains("--listen-all");
  }

  @Test
  void theAotCacheCanBeTurnedOff() {
    assertThat(LaunchOptions.parse(new String[] {"--no-aot-cache"}, Map.of()).aotCache()).isFalse();
  }

  @Test
  void theEnvironmentSetsTheOffsetAndAnArgumentWins() {
    Map<String, String> env = Map.of("DEVSTACK_PORT_OFFSET", "100");

    assertThat(LaunchOptions.parse(new String[0], env).portOffset()).isEqualTo(100);
    assertThat(LaunchOptions.parse(new String[] {"--port-offset=200"}, env).portOffset())
        .isEqualTo(200);
  }

  @Test
  void everyOption() {
    LaunchOptions options =
        LaunchOptions.parse(
            new String[] {
              "--data-dir=/tmp/stack",
              "--service-heap=384m",
              "--services=auth-service, booking-service",
              "--health-timeout=300"
            },
            Map.of());

    assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/stack"));
    assertThat(options.serviceHeap()).isEqualTo("384m");
    assertThat(options.services()).contains(List.of("auth-service", "booking-service"));
    assertThat(options.healthTimeout()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--port-offset=ten"}, Map.of()))
        .hasMessageContaining("'ten'");
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--service-heap=lots"}, Map.of()))
        .hasMessageContaining("--service-heap");
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--health-timeout=0"}, Map.of()))
        .hasMessageContaining("--health-timeout");
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--verbose"}, Map.of()))
        .hasMessageContaining("unknown argument: --verbose");
  }

  @Test
  void theDemoAdminComesFromTheEnvironmentOrTheDocumentedDefaults() {
    assertThat(DemoAdmin.fromEnvironment(Map.of())).isEqualTo(DemoAdmin.defaults());
    assertThat(
            DemoAdmin.fromEnvironment(
                Map.of("DEVSTACK_ADMIN_EMAIL", "me@x.test", "DEVSTACK_ADMIN_PASSWORD", "pw")))
        .isEqualTo(new DemoAdmin("demo", "me@x.test", "pw"));
  }
}

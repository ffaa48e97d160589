package io.fieldops.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL (trust authentication) and Kafka answer on 127.0.0.1 and not on this host's network
 * address: a devstack is not reachable from the network (the services' side is ServiceCommandTest).
 */
class LoopbackOnlyIT {

  @TempDir Path data;

  private final PortPlan ports = FreePorts.plan(4_035);

  @Test
  void postgresListensOnLoopbackOnly() throws Exception {
    InetAddress network = networkAddress();
    try (PostgresServer postgres =
        PostgresServer.start(
            data.resolve("postgres"), ports.postgres(), data.resolve("logs/postgres.log"))) {
      assertThat(accepts(InetAddress.getLoopbackAddress(), ports.postgres())).isTrue();
      assertRefused(network, ports.postgres());
    }
  }

  @Test
  void kafkaListensOnLoopbackOnly() throws Exception {
    InetAddress network = networkAddress();
    try (KafkaBroker kafka =
        KafkaBroker.start(
            data.resolve("kafka"),
            ports,
            JvmSettings.defaults(),
            System.getProperty("java.class.path"),
            data,
            data.resolve("logs/kafka.log"))) {
      kafka.awaitReady(Duration.ofSeconds(90));
      for (int port : new int[] {ports.kafka(), ports.kafkaController()}) {
        assertThat(accepts(InetAddress.getLoopbackAddress(), port)).as("port %d", port).isTrue();
        assertRefused(network, port);
      }
    }
  }

  /** An IPv4 address of an interface that is up and not loopback; the check needs one. */
  private static InetAddress networkAddress() throws SocketException {
    Optional<InetAddress> address =
        NetworkInterface.networkInterfaces()
            .filter(LoopbackOnlyIT::upAndNotLoopback)
            .flatMap(NetworkInterface::inetAddresses)
            .filter(Inet4Address.class::isInstance)
            .findFirst();
    assumeTrue(address.isPresent(), "this host has no network interface besides loopback");
    return address.orElseThrow();
  }

  private static boolean upAndNotLoopback(NetworkInterface nic) {
    try {
      return nic.isUp() && !nic.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }

  private static boolean accepts(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2_000);
      return true;
    }
  }

  private static void assertRefused(InetAddress address, int port) {
    assertThatThrownBy(() -> accepts(address, port))
        .as("%s:%d", address.getHostAddress(), port)
        .isInstanceOf(ConnectException.class);
  }
}

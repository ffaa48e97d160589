package io.fieldops.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortCheckTest {

  @Test
  void aPortInUseIsNamedWithItsOwner() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();
      Map<String, Integer> ports = new LinkedHashMap<>();
      ports.put("gateway", port);

      assertThat(PortCheck.isFree(port)).isFalse();
      assertThat(PortCheck.firstTaken(ports)).contains("gateway (" + port + ")");
    }
  }

  @Test
  void aFreeOffsetSkipsOneWhosePortsAreTaken() throws IOException {
    PortPlan base = new PortPlan(0);
    try (ServerSocket taken = new ServerSocket()) {
      // Occupy the gateway port of offset 2000; if something else holds it, so much the better.
      int gatewayAt2000 = base.port("gateway") + 2000;
      try {
        taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), gatewayAt2000));
      } catch (IOException alreadyTaken) {
        // taken either way
      }

      assertThat(
              PortCheck.firstFreeOffset(IntStream.of(2000, 2010, 2020), ServiceCatalog.all())
                  .orElseThrow())
          .isNotEqualTo(2000);
    }
  }
}

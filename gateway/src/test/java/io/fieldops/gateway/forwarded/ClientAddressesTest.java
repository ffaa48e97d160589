package io.fieldops.gateway.forwarded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.fieldops.platform.net.TrustedProxies;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway's side of platform-net's {@code TrustedProxies}: its property and budget keys. */
class ClientAddressesTest {

  private static final InetAddress CLIENT = ip("203.0.113.7");

  @Test
  void thePropertyNamesItselfWhenWrong() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TrustedProxiesProperties(List.of("10.0.0.0/8", "ingress")))
        .withMessageStartingWith("fieldops.gateway.trusted-proxies: ")
        .withMessageContaining("'ingress'");
  }

  @Test
  void budgetKeysAreTheIpv4AddressOrTheIpv6Slash64() {
    assertThat(ClientAddresses.key(CLIENT)).isEqualTo("203.0.113.7");
    assertThat(ClientAddresses.key(ip("2001:db8:1:2:aaaa::1")))
        .isEqualTo(ClientAddresses.key(ip("2001:db8:1:2:bbbb::9")))
        .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(ClientAddresses.key(ip("2001:db8:1:3::1"))).isEqualTo("2001:db8:1:3:0:0:0:0/64");
    assertThat(ClientAddresses.key(null)).isEqualTo("unknown");
  }

  private static InetAddress ip(String literal) {
    InetAddress address = TrustedProxies.parseLiteral(literal);
    assertThat(address).as(literal).isNotNull();
    return address;
  }
}

package io.fieldops.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Who the client is, as auth-service sees it behind the gateway. */
class ClientAddressTest {

  private static final InetAddress CLIENT = ip("203.0.113.7");
  private static final InetAddress GATEWAY = ip("127.0.0.1");

  /** auth-service's default: the gateway on the same host. */
  private static final TrustedProxies LOOPBACK =
      TrustedProxies.of(List.of("127.0.0.0/8", "::1/128"));

  @Test
  void theGatewaysForwardedAddressIsTheClient() {
    assertThat(LOOPBACK.client(GATEWAY, List.of("203.0.113.7"))).isEqualTo(CLIENT);
    assertThat(LOOPBACK.client(ip("::1"), List.of("203.0.113.7"))).isEqualTo(CLIENT);
  }

  @Test
  void aForgedHeaderFromAnUntrustedPeerDoesNotChangeTheClient() {
    InetAddress direct = ip("192.0.2.50");
    assertThat(LOOPBACK.client(direct, List.of("203.0.113.7"))).isEqualTo(direct);
    assertThat(LOOPBACK.client(direct, List.of("127.0.0.1"))).isEqualTo(direct);
    assertThat(LOOPBACK.client(direct, List.of())).isEqualTo(direct);
  }

  @Test
  void whatAClientWroteBeforeTheGatewaysEntryIsNeverRead() {
    // The client sent "X-Forwarded-For: 198.51.100.1"; a trusted gateway appended what it saw.
    assertThat(LOOPBACK.client(GATEWAY, List.of("198.51.100.1, 203.0.113.7"))).isEqualTo(CLIENT);
    assertThat(LOOPBACK.client(GATEWAY, List.of("127.0.0.9, 203.0.113.7"))).isEqualTo(CLIENT);
  }

  @Test
  void everyTrustedHopIsSkippedTheIngressToo() {
    // Kubernetes: Ingress and gateway both in the pod network the property names.
    TrustedProxies pods = TrustedProxies.of(List.of("10.42.0.0/16"));
    assertThat(pods.client(ip("10.42.1.5"), List.of("198.51.100.1, 203.0.113.7, 10.42.0.9")))
        .isEqualTo(CLIENT);
    assertThat(pods.client(ip("10.42.1.5"), List.of("203.0.113.7", "10.42.0.9"))).isEqualTo(CLIENT);
  }

  @Test
  void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
    // The devstack: a browser on the same machine, through the gateway on loopback.
    assertThat(LOOPBACK.client(GATEWAY, List.of("127.0.0.1"))).isEqualTo(GATEWAY);
    assertThat(LOOPBACK.client(GATEWAY, List.of())).isEqualTo(GATEWAY);
  }

  @Test
  void anEntryThatIsNotAnAddressStopsAtTheProxyThatWroteIt() {
    assertThat(LOOPBACK.client(GATEWAY, List.of("203.0.113.7, unknown"))).isEqualTo(GATEWAY);
    assertThat(LOOPBACK.client(GATEWAY, List.of("attacker.example.com"))).isEqualTo(GATEWAY);
  }

  @Test
  void portsAndBracketsAreAccepted() {
    assertThat(LOOPBACK.client(GATEWAY, List.of("203.0.113.7:51234"))).isEqualTo(CLIENT);
    assertThat(LOOPBACK.client(GATEWAY, List.of("[2001:db8::1]:443"))).isEqualTo(ip("2001:db8::1"));
  }

  @Test
  void nothingTrustedMeansThePeerAlways() {
    assertThat(TrustedProxies.of(List.of()).client(GATEWAY, List.of("203.0.113.7")))
        .isEqualTo(GATEWAY);
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
    "127.0.0.0/8,     127.0.0.2,       true",
    "127.0.0.1/32,    127.0.0.2,       false",
    "10.0.0.0/8,      10.255.1.2,      true",
    "10.0.0.0/8,      11.0.0.1,        false",
    "172.16.0.0/12,   172.31.255.255,  true",
    "172.16.0.0/12,   172.32.0.0,      false",
    "::1/128,         ::1,             true",
    "::1/128,         ::2,             false",
    "fd00::/8,        fdab:1::5,       true",
    "10.0.0.0/8,      ::ffff:10.1.2.3, true",
    "::/0,            10.1.2.3,        false",
    "10.0.0.0/9,      10.128.0.1,      false"
  })
  void rangesMatchByPrefix(String range, String address, boolean contained) {
    assertThat(TrustedProxies.of(List.of(range)).isTrusted(ip(address))).isEqualTo(contained);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "::1/129", "10.0.0.0/x", "localhost", "10.0.0"})
  void badRangesFailNamingThem(String bad) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrustedProxies.of(List.of(bad)))
        .withMessageContaining(bad);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "unknown",
        "example.com",
        "1.2.3",
        "01.2.3.4",
        "300.1.1.1",
        "::g",
        "1::2::3",
        "[::1",
        ".1.2.3"
      })
  void whatIsNotAnIpLiteralIsNotOne(String text) {
    assertThat(TrustedProxies.parseLiteral(text)).isNull();
  }

  private static InetAddress ip(String literal) {
    InetAddress address = TrustedProxies.parseLiteral(literal);
    assertThat(address).as(literal).isNotNull();
    return address;
  }
}

package io.fieldops.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

  private static final InetAddress CLIENT = ip("203.0.113.7");
  private static final InetAddress INGRESS = ip("10.42.0.17");
  private static final TrustedProxies BEHIND_INGRESS = TrustedProxies.of(List.of("10.0.0.0/8"));

  @Nested
  class TheClient {

    @Test
    void withNoTrustedProxyIsTheTcpPeerWhateverTheHeaderSays() {
      TrustedProxies none = TrustedProxies.none();
      assertThat(none.client(CLIENT, List.of())).isEqualTo(CLIENT);
      assertThat(none.client(CLIENT, List.of("198.51.100.1"))).isEqualTo(CLIENT);
      assertThat(none.client(INGRESS, List.of("198.51.100.1"))).isEqualTo(INGRESS);
    }

    @Test
    void anUntrustedPeerIsTheClientEvenWithAForgedHeader() {
      assertThat(BEHIND_INGRESS.client(CLIENT, List.of("10.0.0.1, 198.51.100.1")))
          .isEqualTo(CLIENT);
    }

    @Test
    void behindATrustedProxyIsTheAddressTheProxyAppended() {
      assertThat(BEHIND_INGRESS.client(INGRESS, List.of("203.0.113.7"))).isEqualTo(CLIENT);
    }

    @Test
    void whatTheClientWroteLeftOfThatIsNeverRead() {
      // The client sent "X-Forwarded-For: 198.51.100.1"; the Ingress appended what it saw.
      assertThat(BEHIND_INGRESS.client(INGRESS, List.of("198.51.100.1, 203.0.113.7")))
          .isEqualTo(CLIENT);
      // Forging a trusted-looking address does not help either: it is left of the real one.
      assertThat(BEHIND_INGRESS.client(INGRESS, List.of("10.9.9.9, 203.0.113.7")))
          .isEqualTo(CLIENT);
    }

    @Test
    void everyTrustedHopIsSkippedRightToLeft() {
      TrustedProxies two = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.5"));
      assertThat(two.client(INGRESS, List.of("198.51.100.1, 203.0.113.7, 192.168.1.5")))
          .isEqualTo(CLIENT);
    }

    @Test
    void headerLinesAreReadInOrderAsOneList() {
      assertThat(BEHIND_INGRESS.client(INGRESS, List.of("198.51.100.1", "203.0.113.7, 10.1.1.1")))
          .isEqualTo(CLIENT);
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
      assertThat(BEHIND_INGRESS.client(INGRESS, List.of("10.1.2.3, 10.4.5.6")))
          .isEqualTo(ip("10.1.2.3"));
      assertThat(BEHIND_INGRESS.client(INGRESS, List.of())).isEqualTo(INGRESS);
    }

    @Test
    void anEntryThatIsNotAnAddressStopsAtTheProxyThatWroteIt() {
      assertThat(BEHIND_INGRESS.client(INGRESS, List.of("203.0.113.7, unknown")))
          .isEqualTo(INGRESS);
      assertThat(BEHIND_INGRESS.client(INGRESS, List.of("evil.example.com"))).isEqualTo(INGRESS);
    }

    @Test
    void portsAndBracketsAreAccepted() {
      assertThat(BEHIND_INGRESS.client(INGRESS, List.of("203.0.113.7:51234"))).isEqualTo(CLIENT);
      assertThat(BEHIND_INGRESS.client(INGRESS, List.of("[2001:db8::1]:443")))
          .isEqualTo(ip("2001:db8::1"));
      assertThat(BEHIND_INGRESS.client(INGRESS, List.of(" 2001:db8::1 ")))
          .isEqualTo(ip("2001:db8::1"));
    }

    @Test
    void anUnknownPeerIsNoClient() {
      assertThat(BEHIND_INGRESS.client(null, List.of("203.0.113.7"))).isNull();
    }
  }

  @Nested
  class TheHeaderSentOn {

    @Test
    void fromAnUntrustedPeerIsThePeerAlone() {
      assertThat(BEHIND_INGRESS.forwardedFor(CLIENT, List.of("198.51.100.1")))
          .isEqualTo("203.0.113.7");
      assertThat(TrustedProxies.none().forwardedFor(INGRESS, List.of("198.51.100.1")))
          .isEqualTo("10.42.0.17");
    }

    @Test
    void fromATrustedProxyIsTheChainWithThePeerAppended() {
      assertThat(BEHIND_INGRESS.forwardedFor(INGRESS, List.of("198.51.100.1, 203.0.113.7")))
          .isEqualTo("198.51.100.1, 203.0.113.7, 10.42.0.17");
      assertThat(BEHIND_INGRESS.forwardedFor(INGRESS, List.of("198.51.100.1", " 203.0.113.7 ")))
          .isEqualTo("198.51.100.1, 203.0.113.7, 10.42.0.17");
      assertThat(BEHIND_INGRESS.forwardedFor(INGRESS, List.of())).isEqualTo("10.42.0.17");
    }

    @Test
    void withoutAPeerIsNothing() {
      assertThat(BEHIND_INGRESS.forwardedFor(null, List.of("198.51.100.1"))).isNull();
    }
  }

  @Nested
  class Ranges {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
      "10.0.0.0/8,      10.255.1.2,      true",
      "10.0.0.0/8,      11.0.0.1,        false",
      "172.16.0.0/12,   172.31.255.255,  true",
      "172.16.0.0/12,   172.32.0.0,      false",
      "192.168.1.5,     192.168.1.5,     true",
      "192.168.1.5,     192.168.1.6,     false",
      "127.0.0.1/32,    127.0.0.2,       false",
      "0.0.0.0/0,       198.51.100.1,    true",
      "::1,             ::1,             true",
      "::1/128,         ::2,             false",
      "fd00::/8,        fdab:1::5,       true",
      "fd00::/8,        fe80::1,         false",
      "10.0.0.0/8,      ::ffff:10.1.2.3, true",
      "10.0.0.0/8,      ::1,             false",
      "::/0,            10.1.2.3,        false",
      "10.0.0.0/9,      10.127.0.1,      true",
      "10.0.0.0/9,      10.128.0.1,      false"
    })
    void matchByPrefix(String range, String address, boolean contained) {
      assertThat(TrustedProxies.of(List.of(range)).isTrusted(ip(address))).isEqualTo(contained);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "10.0.0.0/33",
          "::1/129",
          "10.0.0.0/-1",
          "10.0.0.0/x",
          "localhost",
          "10.0.0",
          "10.0.0.256"
        })
    void badEntriesFailNamingThem(String bad) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TrustedProxies.of(List.of(bad)))
          .withMessageContaining(bad);
    }

    @Test
    void blanksAndNullAreNothing() {
      assertThat(TrustedProxies.of(null).isEmpty()).isTrue();
      assertThat(TrustedProxies.of(List.of("", " ")).isEmpty()).isTrue();
    }
  }

  @Nested
  class Literals {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "unknown",
          "example.com",
          "1.2.3",
          "01.2.3.4",
          "1.2.3.4.5",
          "300.1.1.1",
          "::g",
          "1::2::3",
          "_hidden",
          "[::1",
          "1.2.3.4:80:90",
          ".1.2.3"
        })
    void whatIsNotAnIpLiteralIsNotOne(String text) {
      assertThat(TrustedProxies.parseLiteral(text)).isNull();
    }

    @Test
    void nullIsNone() {
      assertThat(TrustedProxies.parseLiteral(null)).isNull();
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4Address() {
      assertThat(TrustedProxies.parseLiteral("::ffff:203.0.113.7")).isEqualTo(CLIENT);
    }
  }

  private static InetAddress ip(String literal) {
    InetAddress address = TrustedProxies.parseLiteral(literal);
    assertThat(address).as(literal).isNotNull();
    return address;
  }
}

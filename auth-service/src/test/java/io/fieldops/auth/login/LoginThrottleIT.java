package io.fieldops.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The login throttle over real HTTP, counting the client behind the gateway rather than the
 * gateway. Requests come from distinct loopback addresses (all of 127.0.0.0/8 is local on Linux):
 * 127.0.0.1 plays the gateway, the only trusted proxy here, and sends {@code X-Forwarded-For} as
 * the gateway does (the gateway's own tests prove it does: {@code ForwardedForTest}); 127.0.0.2 is
 * a client that reaches auth-service directly and forges the header.
 *
 * <p>Delays of an hour and more, so that no answer depends on how fast this machine is: the rising
 * delay itself, second by second, is {@code LoginThrottleTest}'s.
 */
@IntegrationTest
@TestPropertySource(
    properties = {
      "fieldops.auth.login-throttle.trusted-proxies=127.0.0.1/32",
      "fieldops.auth.login-throttle.first-delay=1h",
      "fieldops.auth.login-throttle.max-delay=2h",
      "fieldops.auth.login-throttle.forget-failures-after=3h"
    })
class LoginThrottleIT {

  private static final String PASSWORD = "Tr0ub4dor&3-horse";
  private static final String GATEWAY = "127.0.0.1";

  @LocalServerPort int port;

  @Test
  void oneClientFailing25TimesDoesNotStopAnotherClientBehindTheSameGateway() {
    String email = register(null);
    Client attacker = viaGateway("203.0.113.7");
    for (int i = 1; i <= 25; i++) {
      // 20 failures lock the address (over any accounts), so the last five are refused unread.
      assertThat(attacker.login(byEmail(uniqueEmail("spray"), "wrong")).status())
          .as("attempt %d", i)
          .isEqualTo(i <= 20 ? 401 : 429);
    }

    Http.Response other = viaGateway("198.51.100.20").login(byEmail(email, PASSWORD));

    assertThat(other.status()).as(other.body()).isEqualTo(200);
  }

  @Test
  void aForgedForwardedForFromAnUntrustedPeerDoesNotChooseTheKey() {
    // 127.0.0.2 connects directly, naming another address on every request.
    for (int i = 1; i <= 20; i++) {
      Client forger = direct("127.0.0.2", "198.51.100." + i);
      assertThat(forger.login(byEmail(uniqueEmail("forged"), "wrong")).status()).isEqualTo(401);
    }

    // It was counted as 127.0.0.2, whatever it wrote, ...
    assertThat(direct("127.0.0.2", "192.0.2.99").login(byEmail(uniqueEmail("x"), "x")).status())
        .isEqualTo(429);
    assertThat(viaGateway("127.0.0.2").login(byEmail(uniqueEmail("x"), "x")).status())
        .isEqualTo(429);
    // ... and none of the addresses it named was charged.
    assertThat(viaGateway("198.51.100.1").login(byEmail(uniqueEmail("x"), "x")).status())
        .isEqualTo(401);
  }

  @Test
  void theEmailAndThePhoneOfOneAccountShareOneCount() {
    String phone = uniquePhone();
    String email = register(phone);
    Client client = viaGateway("192.0.2.10");
    for (int i = 0; i < 5; i++) {
      String wrong = i % 2 == 0 ? byEmail(email, "wrong") : byPhone(phone, "wrong");
      assertThat(client.login(wrong).status()).isEqualTo(401);
    }

    Http.Response byEmail = client.login(byEmail(email, PASSWORD));
    Http.Response byPhone = client.login(byPhone(phone, PASSWORD));

    assertThrottled(byEmail);
    assertThrottled(byPhone);
  }

  @Test
  void anUnknownAccountIsCountedByWhatWasTypedAndDelayedLikeAKnownOne() {
    String email = uniqueEmail("ghost");
    String phone = uniquePhone();
    Client client = viaGateway("192.0.2.11");
    for (int i = 0; i < 4; i++) {
      assertThat(client.login(byEmail(email, "wrong")).status()).isEqualTo(401);
      assertThat(client.login(byPhone(phone, "wrong")).status()).isEqualTo(401);
    }
    // Four each: two keys, neither delayed yet. The fifth delays that key only.
    assertThat(client.login(byEmail(email, "wrong")).status()).isEqualTo(401);

    assertThrottled(client.login(byEmail(email, "wrong")));
    assertThat(client.login(byPhone(phone, "wrong")).status()).isEqualTo(401);
  }

  @Test
  void anAttackerCannotKeepTheOwnerOutAtTheOwnersFamiliarAddress() {
    String email = register(null);
    Client home = viaGateway("198.51.100.30");
    assertThat(home.login(byEmail(email, PASSWORD)).status()).isEqualTo(200);

    Client attacker = viaGateway("203.0.113.66");
    for (int i = 0; i < 5; i++) {
      assertThat(attacker.login(byEmail(email, "wrong")).status()).isEqualTo(401);
    }
    // Now delayed for an hour: even the right password gets the same 429 as a wrong one ...
    assertThrottled(attacker.login(byEmail(email, PASSWORD)));
    assertThrottled(attacker.login(byEmail(email, "wrong")));
    // ... for everyone who is not where the owner logs in from,
    assertThrottled(viaGateway("192.0.2.77").login(byEmail(email, PASSWORD)));

    Http.Response owner = home.login(byEmail(email, PASSWORD));

    assertThat(owner.status()).as(owner.body()).isEqualTo(200);
  }

  private static void assertThrottled(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(429);
    assertThat(response.json().path("type").asString())
        .isEqualTo("urn:fieldops:problem:login-throttled");
    // An hour from the failure that started the delay, in whole seconds.
    assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(3_000L, 3_600L);
  }

  private String register(String phone) {
    String email = uniqueEmail("owner");
    Http.Response response =
        Http.to("http://" + GATEWAY + ":" + port)
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Test", "last_name": "User", "phone_number": %s,
                 "password1": "%s", "password2": "%s"}
                """
                    .formatted(
                        email, phone == null ? "null" : "\"" + phone + "\"", PASSWORD, PASSWORD));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return email;
  }

  private static String byEmail(String email, String password) {
    return "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password);
  }

  private static String byPhone(String phone, String password) {
    return "{\"phone_number\": \"%s\", \"password\": \"%s\"}".formatted(phone, password);
  }

  private static String uniqueEmail(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  /** A Thai mobile number (10 digits from 08), unique enough for one test run. */
  private static String uniquePhone() {
    return "08" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
  }

  /** A client behind the gateway: the request comes from the gateway, naming the client. */
  private Client viaGateway(String clientAddress) {
    return new Client(GATEWAY, clientAddress);
  }

  /** A client that connects directly, with an X-Forwarded-For of its own making. */
  private Client direct(String localAddress, String forgedForwardedFor) {
    return new Client(localAddress, forgedForwardedFor);
  }

  /** Real HTTP from a chosen local address, so auth-service sees that address as the TCP peer. */
  private final class Client {

    private final HttpClient http;
    private final String forwardedFor;

    Client(String localAddress, String forwardedFor) {
      try {
        this.http =
            HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(localAddress))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(e);
      }
      this.forwardedFor = forwardedFor;
    }

    Http.Response login(String json) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login/"))
              .header("Content-Type", "application/json")
              .header("X-Forwarded-For", forwardedFor)
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
              .build();
      try {
        return new Http.Response(
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}

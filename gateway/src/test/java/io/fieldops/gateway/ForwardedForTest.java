package io.fieldops.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.TestTokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway tells the services who the client is: {@code X-Forwarded-For} ending in the TCP
 * peer's address, with a client's own header believed only from a trusted proxy. Real connections
 * from distinct loopback addresses (all of 127.0.0.0/8 is local on Linux): 127.0.0.3 plays the
 * Ingress (trusted), 127.0.0.2 and others are clients that reach the gateway directly. Runs as
 * under Kubernetes, where Spring Boot would switch the server's own (forgeable) forwarded-header
 * handling on unless the gateway turns it off.
 */
@GatewayTest
class ForwardedForTest {

  static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
  static final HeaderEcho AUTH_SERVICE = new HeaderEcho();
  static final String INGRESS = "127.0.0.3";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.main.cloud-platform", () -> "kubernetes");
    registry.add(
        "spring.cloud.discovery.client.simple.instances.auth-service[0].uri", AUTH_SERVICE::uri);
    registry.add("fieldops.gateway.trusted-proxies", () -> INGRESS + "/32");
    registry.add("fieldops.gateway.rate-limit.groups.login-register.capacity", () -> "2");
    registry.add("fieldops.gateway.rate-limit.groups.login-register.period", () -> "1h");
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuerUri);
  }

  @AfterAll
  static void stopStub() {
    AUTH_SERVICE.close();
  }

  @LocalServerPort int port;

  @Test
  void aDirectClientsOwnAddressIsForwarded() {
    assertThat(forwardedFor(from("127.0.0.2").get("/.well-known/jwks.json")))
        .containsExactly("127.0.0.2");
  }

  @Test
  void aForgedHeaderFromAnUntrustedPeerIsReplacedByThePeersAddress() {
    HttpResponse<String> response =
        from("127.0.0.2").get("/.well-known/jwks.json", "X-Forwarded-For", "203.0.113.9");

    assertThat(forwardedFor(response)).containsExactly("127.0.0.2");
  }

  @Test
  void behindTheTrustedIngressTheChainGoesOnWithTheIngressAppended() {
    HttpResponse<String> response =
        from(INGRESS).get("/.well-known/jwks.json", "X-Forwarded-For", "198.51.100.7");

    assertThat(forwardedFor(response)).containsExactly("198.51.100.7, 127.0.0.3");
  }

  @Test
  void whatAClientWroteBeforeTheIngressStaysLeftOfTheAddressTheIngressSaw() {
    // The services take the rightmost address that is not a trusted proxy: 198.51.100.7.
    HttpResponse<String> response =
        from(INGRESS).get("/.well-known/jwks.json", "X-Forwarded-For", "6.6.6.6, 198.51.100.7");

    assertThat(forwardedFor(response)).containsExactly("6.6.6.6, 198.51.100.7, 127.0.0.3");
  }

  @Test
  void rateLimitsCountTheClientBehindTheIngressNotTheIngress() {
    Client ingress = from(INGRESS);
    for (int i = 0; i < 2; i++) {
      assertThat(ingress.login("X-Forwarded-For", "192.0.2.10").statusCode()).isEqualTo(200);
    }
    assertThat(ingress.login("X-Forwarded-For", "192.0.2.10").statusCode()).isEqualTo(429);
    // Another client behind the same Ingress has its own budget.
    assertThat(ingress.login("X-Forwarded-For", "192.0.2.11").statusCode()).isEqualTo(200);
  }

  @Test
  void aForgedHeaderBuysADirectClientNoFreshBudget() {
    Client client = from("127.0.0.4");
    assertThat(client.login("X-Forwarded-For", "192.0.2.20").statusCode()).isEqualTo(200);
    assertThat(client.login("X-Forwarded-For", "192.0.2.21").statusCode()).isEqualTo(200);

    assertThat(client.login("X-Forwarded-For", "192.0.2.22").statusCode()).isEqualTo(429);
  }

  @SuppressWarnings("unchecked")
  private static List<String> forwardedFor(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return (List<String>)
        HeaderEcho.JSON.readValue(response.body(), Map.class).get("x_forwarded_for");
  }

  private Client from(String localAddress) {
    return new Client(localAddress, port);
  }

  /** Real HTTP from a chosen local address, so the gateway sees that address as the TCP peer. */
  private record Client(HttpClient http, String baseUrl) {

    Client(String localAddress, int port) {
      this(
          HttpClient.newBuilder()
              .localAddress(address(localAddress))
              .connectTimeout(Duration.ofSeconds(5))
              .build(),
          "http://127.0.0.1:" + port);
    }

    HttpResponse<String> get(String path, String... headers) {
      return send(request(path, headers).GET());
    }

    HttpResponse<String> login(String... headers) {
      return send(
          request("/api/auth/login/", headers)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private HttpRequest.Builder request(String path, String... headers) {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
      return headers.length == 0 ? builder : builder.headers(headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static InetAddress address(String literal) {
      try {
        return InetAddress.getByName(literal);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(e);
      }
    }
  }

  /** A stand-in service that answers every request with the X-Forwarded-For lines it received. */
  static final class HeaderEcho implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final DisposableServer server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (request, response) ->
                    response
                        .header("Content-Type", "application/json")
                        .sendString(
                            Mono.just(
                                JSON.writeValueAsString(
                                    Map.of(
                                        "x_forwarded_for",
                                        request.requestHeaders().getAll("X-Forwarded-For")))))
                        .then())
            .bindNow();

    String uri() {
      return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
      server.disposeNow();
    }
  }
}

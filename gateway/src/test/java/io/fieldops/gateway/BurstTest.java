package io.fieldops.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.TestTokenIssuer;
import io.fieldops.platform.test.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A burst to a healthy service is queued, never shed: 200 requests at once, each taking the service
 * a quarter of a second, all reach it (issue 15: the default bulkhead once refused 5 of 30 with 503
 * "booking-service is unavailable" while the service was fine).
 */
@GatewayTest
class BurstTest {

  static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
  static final int BURST = 200;
  static final StubService TICKETS =
      StubService.startSlow("ticket-service", Duration.ofMillis(250));

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.cloud.discovery.client.simple.instances.ticket-service[0].uri", TICKETS::uri);
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuerUri);
  }

  @AfterAll
  static void stopStub() {
    TICKETS.close();
  }

  @LocalServerPort int port;

  @Test
  void twoHundredRequestsAtOnceToAHealthyServiceAreAllAnswered() {
    String token = ISSUER.token(TestUser.supervisor(UUID.randomUUID()));
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets/"))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build();

    List<CompletableFuture<HttpResponse<String>>> burst =
        IntStream.range(0, BURST)
            .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
            .toList();
    Map<Integer, Long> byStatus =
        burst.stream()
            .map(CompletableFuture::join)
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));

    assertThat(byStatus).isEqualTo(Map.of(200, (long) BURST));
    assertThat(burst.getFirst().join().body()).contains("\"service\":\"ticket-service\"");
  }
}

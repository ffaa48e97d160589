package io.fieldops.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.TestTokenIssuer;
import io.fieldops.platform.test.TestUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service that is not registered, refuses connections or answers too slowly gets a quick 503
 * problem naming it, never a hang or a 500.
 */
@GatewayTest
class UnavailableServiceTest {

  static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
  static final Duration TIME_LIMIT = Duration.ofSeconds(1);
  static final Duration SLOW = Duration.ofSeconds(8);
  static final StubService SLOW_JOBCARDS = StubService.startSlow("jobcard-service", SLOW);

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    // booking-service is registered at a port where nothing listens; ticket-service not at all.
    registry.add(
        "spring.cloud.discovery.client.simple.instances.booking-service[0].uri",
        () -> "http://127.0.0.1:" + closedPort());
    registry.add(
        "spring.cloud.discovery.client.simple.instances.jobcard-service[0].uri",
        SLOW_JOBCARDS::uri);
    registry.add("fieldops.gateway.resilience.timeout", TIME_LIMIT::toString);
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuerUri);
  }

  @AfterAll
  static void stopStub() {
    SLOW_JOBCARDS.close();
  }

  @LocalServerPort int port;
  GatewayClient gateway;
  String token;

  @BeforeEach
  void setUp() {
    gateway = new GatewayClient(port);
    token = ISSUER.token(TestUser.supervisor(UUID.randomUUID()));
  }

  @Test
  void aServiceWithoutInstancesAnswers503() throws Exception {
    HttpResponse<String> response = gateway.get("/functions/v1/api-tickets/master", token);

    assertUnavailable(
        response,
        "/functions/v1/api-tickets/master",
        "ticket-service is unavailable, please retry shortly");
  }

  @Test
  void aServiceRefusingConnectionsAnswers503() throws Exception {
    HttpResponse<String> response = gateway.post("/api/agent/booking/create/", null, "{}");

    assertUnavailable(
        response,
        "/api/agent/booking/create/",
        "booking-service is unavailable, please retry shortly");
  }

  @Test
  void aServiceSlowerThanTheTimeLimitAnswers503WellBeforeItWouldHaveAnswered() throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = gateway.get("/api/v1/jobcards/", token);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertUnavailable(
        response,
        "/api/v1/jobcards/",
        "jobcard-service did not answer within 1 s, please retry shortly");
    assertThat(took).isGreaterThanOrEqualTo(TIME_LIMIT).isLessThan(SLOW.dividedBy(2));
  }

  private static void assertUnavailable(HttpResponse<String> response, String path, String message)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    JSONAssert.assertEquals(
        """
        {"type": "urn:fieldops:problem:service-unavailable", "title": "Service Unavailable",
         "status": 503, "detail": "%s", "instance": "%s", "success": false,
         "error": "Service unavailable", "message": "%s"}
        """
            .formatted(message, path, message),
        response.body(),
        JSONCompareMode.STRICT);
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

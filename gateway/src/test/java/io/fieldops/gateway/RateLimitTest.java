package io.fieldops.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.TestTokenIssuer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The public agent booking has a per-address budget; a spent budget answers 429. */
@GatewayTest
class RateLimitTest {

  static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
  static final StubService BOOKINGS = StubService.start("booking-service");

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.cloud.discovery.client.simple.instances.booking-service[0].uri", BOOKINGS::uri);
    registry.add("fieldops.gateway.rate-limit.groups.agent-booking.capacity", () -> "3");
    registry.add("fieldops.gateway.rate-limit.groups.agent-booking.period", () -> "1h");
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuerUri);
  }

  @AfterAll
  static void stopStub() {
    BOOKINGS.close();
  }

  @LocalServerPort int port;

  @Test
  void theFourthBookingWithinTheBudgetIsRefusedWithRetryAfter() throws Exception {
    GatewayClient gateway = new GatewayClient(port);
    for (int remaining = 2; remaining >= 0; remaining--) {
      // With and without the trailing slash: one budget for the route group.
      String path = remaining % 2 == 0 ? "/api/agent/booking/create/" : "/api/agent/booking/create";
      HttpResponse<String> allowed = gateway.post(path, null, "{}");
      assertThat(allowed.statusCode()).isEqualTo(200);
      assertThat(allowed.headers().firstValue("X-RateLimit-Remaining"))
          .hasValue(Integer.toString(remaining));
    }

    // A forged X-Forwarded-For does not buy a fresh budget: no proxy is trusted by default.
    HttpResponse<String> refused =
        gateway.send(
            gateway
                .request("/api/agent/booking/create/", null)
                .header("X-Forwarded-For", "203.0.113.9")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
    // 3 requests per hour refill one every 20 minutes.
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1_100L, 1_200L);
    JSONAssert.assertEquals(
        """
        {"type": "urn:fieldops:problem:too-many-requests", "title": "Too Many Requests",
         "status": 429, "detail": "Too many requests from this address, please retry later",
         "instance": "/api/agent/booking/create/", "success": false,
         "error": "Too many requests",
         "message": "Too many requests from this address, please retry later"}
        """,
        refused.body(),
        JSONCompareMode.STRICT);
  }

  @Test
  void protectedRoutesAreNotCountedAgainstThePublicBudget() {
    GatewayClient gateway = new GatewayClient(port);
    HttpResponse<String> response = gateway.get("/api/v1/bookings/", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
  }
}

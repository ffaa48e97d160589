package io.fieldops.booking.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.IntegrationTest;
import io.fieldops.platform.test.TcpProxy;
import io.fieldops.platform.test.TestTokenIssuer;
import io.fieldops.platform.test.TestUser;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * booking-service on a random port against its own fresh database, the shared Kafka broker and an
 * {@link AuthStub} in place of auth-service.
 */
@IntegrationTest
abstract class BookingIntegrationTest {

  static final String AGENT = "/api/agent/booking/create/";
  static final String BOOKINGS = "/api/v1/bookings/";
  static final String SETTINGS = "/api/v1/bookings/settings/";
  static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
  static final AuthStub AUTH = new AuthStub();

  /** Between booking-service and {@link #AUTH}; cut to make auth-service unreachable. */
  static final TcpProxy AUTH_LINK =
      TcpProxy.to(AUTH.baseUrl().substring("http://".length())).open();

  @LocalServerPort int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  @Autowired JdbcClient jdbc;

  /** The service's own clock (platform-test's {@code TestClock}): dates are reckoned from it. */
  @Autowired Clock clock;

  /**
   * This test's own organisation (capacity 1, day-first dates), so the slots it books are its own
   * whatever the calendar day: two tests' date arithmetic can land on the same date, never on the
   * same organisation's slot.
   */
  AuthStub.Org testOrg;

  @BeforeEach
  void ownOrganisation() {
    testOrg = organisationWithSettings(1, "DMY");
  }

  @DynamicPropertySource
  static void authService(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.http.serviceclient.auth-service.base-url", () -> "http://" + AUTH_LINK.address());
    registry.add(
        "fieldops.peers.auth-service.credentials.token-uri",
        () -> "http://" + AUTH_LINK.address() + "/oauth2/token");
    registry.add("fieldops.peers.auth-service.timeout", () -> "1s");
    registry.add("fieldops.peers.auth-service.credentials.client-secret", () -> AuthStub.SECRET);
  }

  Http http() {
    return Http.to(port);
  }

  /** An anonymous caller (an agent's system) booking into {@link #testOrg}. */
  Http agent() {
    return http().header("X-Organization", testOrg.slug());
  }

  Http as(TestUser user) {
    return http().bearer(TestTokenIssuer.shared().token(user));
  }

  /** Today in Bangkok by the service's clock. */
  LocalDate today() {
    return LocalDate.now(clock.withZone(BANGKOK));
  }

  /** The Monday {@code weeks} weeks after next week (Bangkok), always in the future. */
  LocalDate monday(int weeks) {
    return today().plusDays(7).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeks);
  }

  static String agentBody(String phone, Object date, String time) {
    return """
        {"phone": "%s", "service_name": "Legal Consultation", "booking_date": "%s",
         "booking_time": "%s"}
        """
        .formatted(phone, date, time);
  }

  static String uniquePhone() {
    return "08" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
  }

  long bookings() {
    return jdbc.sql("select count(*) from booking").query(Long.class).single();
  }

  /** An organisation with settings saved by its admin (capacity and date order as given). */
  AuthStub.Org organisationWithSettings(int capacity, String dateOrder) {
    AuthStub.Org org = AUTH.organisation(dateOrder);
    Http.Response saved =
        as(TestUser.admin(org.id())).putJson(SETTINGS, "{\"capacity\": " + capacity + "}");
    assertStatus(saved, 200);
    return org;
  }

  /** Exact JSON: no member missing, none extra. */
  static void assertJson(Http.Response response, int status, String expectedJson) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    try {
      JSONAssert.assertEquals(expectedJson, response.body(), JSONCompareMode.STRICT);
    } catch (org.json.JSONException e) {
      throw new AssertionError("Not JSON: " + response.body(), e);
    }
  }

  static void assertStatus(Http.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
  }

  /** The problem+json every error answers, exactly; {@code details} is JSON or null. */
  static void assertProblem(
      Http.Response response, int status, String code, String message, String details) {
    assertThat(response.header("Content-Type"))
        .as(response.status() + " " + response.body())
        .startsWith("application/problem+json");
    String error = details != null && message.equals("Validation failed") ? message : message;
    assertJson(
        response,
        status,
        """
        {"type": "urn:fieldops:problem:%s", "title": "%s", "status": %d, "detail": "%s",
         "instance": "%s", "success": false, "error": "%s", "message": "%s"%s}
        """
            .formatted(
                code,
                title(status),
                status,
                message,
                response.json().path("instance").asString(),
                error,
                message,
                details == null ? "" : ", \"details\": " + details));
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 412 -> "Precondition Failed";
      case 422 -> "Unprocessable Content";
      case 503 -> "Service Unavailable";
      default -> throw new IllegalArgumentException("no title for " + status);
    };
  }

  static JsonNode json(Http.Response response) {
    return response.json();
  }
}

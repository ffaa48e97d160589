package io.fieldops.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fieldops.gateway.security.RememberingReactiveJwtDecoder;
import io.fieldops.platform.test.TestTokenIssuer;
import io.fieldops.platform.test.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every route reaches its service (with and without trailing slash), and the edge checks JWTs. */
@GatewayTest
class RoutingTest {

  static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
  static final List<String> SERVICES =
      List.of(
          "auth-service",
          "customer-service",
          "booking-service",
          "ticket-service",
          "jobcard-service",
          "notification-service");
  static final Map<String, StubService> STUBS =
      SERVICES.stream().collect(Collectors.toMap(Function.identity(), StubService::start));

  @DynamicPropertySource
  static void stubsAndIssuer(DynamicPropertyRegistry registry) {
    STUBS.forEach(
        (service, stub) ->
            registry.add(
                "spring.cloud.discovery.client.simple.instances." + service + "[0].uri",
                stub::uri));
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuerUri);
  }

  @AfterAll
  static void stopStubs() {
    STUBS.values().forEach(StubService::close);
  }

  @LocalServerPort int port;
  @Autowired ReactiveJwtDecoder jwtDecoder;
  GatewayClient gateway;
  String token;

  @BeforeEach
  void setUp() {
    gateway = new GatewayClient(port);
    token = ISSUER.token(TestUser.agent(UUID.randomUUID()));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "/api/auth/me,                          auth-service,         /api/auth/me",
    "/api/auth/me/,                         auth-service,         /api/auth/me/",
    "/api/v1/customers,                     customer-service,     /api/v1/customers",
    "/api/v1/customers/?page=2,             customer-service,     /api/v1/customers/?page=2",
    "/api/agent/bookings/,                  booking-service,      /api/agent/bookings/",
    "/api/v1/bookings/42,                   booking-service,      /api/v1/bookings/42",
    "/api/v1/tickets/master,                ticket-service,       /api/v1/tickets/master",
    "/functions/v1/api-tickets/master,      ticket-service,       /api/v1/tickets/master",
    "/functions/v1/api-tickets/master/?x=1, ticket-service,       /api/v1/tickets/master/?x=1",
    "/api/v1/tickets/work-types/,           ticket-service,       /api/v1/tickets/work-types/",
    "/api/v1/jobcards/,                     jobcard-service,      /api/v1/jobcards/",
    "/api/v1/jobcards/JC-1?x=1,             jobcard-service,      /api/v1/jobcards/JC-1?x=1",
    "/api/v1/notifications,                 notification-service, /api/v1/notifications",
    "/v3/api-docs/booking-service,          booking-service,      /v3/api-docs",
    "/v3/api-docs/ticket-service,           ticket-service,       /v3/api-docs",
    "/v3/api-docs/jobcard-service,          jobcard-service,      /v3/api-docs",
  })
  void routesWithTokenReachTheirServiceAndRelayTheToken(
      String path, String service, String forwarded) throws Exception {
    HttpResponse<String> response = gateway.get(path, token);

    assertThat(response.statusCode()).isEqualTo(200);
    JSONAssert.assertEquals(
        """
        {"service": "%s", "method": "GET", "uri": "%s", "authorization": "Bearer %s"}
        """
            .formatted(service, forwarded, token),
        response.body(),
        JSONCompareMode.STRICT);
  }

  /**
   * Seed 003's clients call its own base URL with every method; the path is rewritten, the query
   * string survives.
   */
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("ticketSeedCalls")
  void theTicketSeedPathIsRewrittenForEveryMethod(String method, String path, String forwarded)
      throws Exception {
    HttpRequest.Builder request =
        gateway.request(path, token).header("Content-Type", "application/json");
    request.method(method, HttpRequest.BodyPublishers.ofString("{}"));
    HttpResponse<String> response = gateway.send(request.build());

    assertThat(response.statusCode()).isEqualTo(200);
    JSONAssert.assertEquals(
        """
        {"service": "ticket-service", "method": "%s", "uri": "%s", "authorization": "Bearer %s"}
        """
            .formatted(method, forwarded, token),
        response.body(),
        JSONCompareMode.STRICT);
  }

  static Stream<Arguments> ticketSeedCalls() {
    String seed = "/functions/v1/api-tickets/master";
    String api = "/api/v1/tickets/master";
    String one = "/7c9e6679-7425-40de-944b-e07fc1f90ae7";
    String deleteAll = "?delete_appointment=true&delete_contact=true";
    return Stream.of(
        arguments("POST", seed, api),
        arguments("POST", seed + "/", api + "/"),
        arguments("GET", seed + "?page=2&search=abc", api + "?page=2&search=abc"),
        arguments("GET", seed + one, api + one),
        arguments("PUT", seed + one, api + one),
        arguments(
            "DELETE",
            seed + one + "?delete_appointment=true",
            api + one + "?delete_appointment=true"),
        arguments("DELETE", seed + one + deleteAll, api + one + deleteAll));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "POST, /api/auth/login,                auth-service",
    "POST, /api/auth/login/,               auth-service",
    "POST, /api/auth/register/,            auth-service",
    "POST, /api/auth/token/refresh/,       auth-service",
    "POST, /api/auth/logout/,              auth-service",
    "GET,  /api/auth/password/setup/abc,   auth-service",
    "GET,  /.well-known/jwks.json,         auth-service",
    "POST, /api/agent/booking/create/,     booking-service",
    "POST, /api/agent/booking/create,      booking-service",
    "GET,  /dashboard/,                    notification-service",
    "GET,  /api/v1/customers/health/,      customer-service",
    "GET,  /api/v1/customers/health,       customer-service",
  })
  void publicRoutesPassWithoutToken(String method, String path, String service) throws Exception {
    HttpRequest.Builder request = gateway.request(path, null);
    request.method(method, HttpRequest.BodyPublishers.ofString("{}"));
    HttpResponse<String> response = gateway.send(request.build());

    assertThat(response.statusCode()).isEqualTo(200);
    JSONAssert.assertEquals(
        """
        {"service": "%s", "method": "%s", "uri": "%s", "authorization": ""}
        """
            .formatted(service, method, path),
        response.body(),
        JSONCompareMode.STRICT);
  }

  @Test
  void aProtectedRouteWithoutTokenIsRejectedAtTheEdge() throws Exception {
    HttpResponse<String> response = gateway.get("/api/v1/bookings/", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    JSONAssert.assertEquals(
        """
        {"type": "urn:fieldops:problem:unauthorized", "title": "Unauthorized", "status": 401,
         "detail": "This endpoint needs a bearer token (Authorization: Bearer <access token>)",
         "instance": "/api/v1/bookings/", "success": false, "error": "Authentication required",
         "message": "This endpoint needs a bearer token (Authorization: Bearer <access token>)"}
        """,
        response.body(),
        JSONCompareMode.STRICT);
  }

  @Test
  void aPublicPathCalledWithTheWrongMethodStillNeedsAToken() {
    assertThat(gateway.get("/api/agent/booking/create/", null).statusCode()).isEqualTo(401);
    assertThat(
            gateway
                .send(
                    gateway
                        .request("/api/v1/customers/health/", null)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build())
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void anExpiredTokenIsRejected() throws Exception {
    String expired = ISSUER.expiredToken(TestUser.agent(UUID.randomUUID()));

    assertInvalidToken(gateway.get("/api/v1/jobcards/", expired), "/api/v1/jobcards/");
  }

  @Test
  void aRepeatedTokenPassesAndAForgedCopyOfItIsRejected() throws Exception {
    // the gateway remembers the tokens it verified (issue 15), by their exact text only
    assertThat(gateway.get("/api/v1/jobcards/", token).statusCode()).isEqualTo(200);
    assertThat(gateway.get("/api/v1/jobcards/", token).statusCode()).isEqualTo(200);
    String forged =
        token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

    assertInvalidToken(gateway.get("/api/v1/jobcards/", forged), "/api/v1/jobcards/");
    assertThat(jwtDecoder).isInstanceOf(RememberingReactiveJwtDecoder.class);
  }

  @Test
  void aTokenSignedByAnUnknownKeyIsRejected() throws Exception {
    String forged = ISSUER.tokenSignedByUnknownKey(TestUser.admin(UUID.randomUUID()));

    assertInvalidToken(gateway.get("/api/v1/tickets/master", forged), "/api/v1/tickets/master");
  }

  @Test
  void aTokenForAnotherAudienceIsRejected() throws Exception {
    String elsewhere = ISSUER.tokenForAudience(TestUser.admin(UUID.randomUUID()), "billing");

    assertInvalidToken(gateway.get("/api/v1/tickets/master", elsewhere), "/api/v1/tickets/master");
  }

  private static void assertInvalidToken(HttpResponse<String> response, String path)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
    JSONAssert.assertEquals(
        """
        {"type": "urn:fieldops:problem:unauthorized", "title": "Unauthorized", "status": 401,
         "detail": "The bearer token is invalid or expired; log in again", "instance": "%s",
         "success": false, "error": "Invalid token",
         "message": "The bearer token is invalid or expired; log in again"}
        """
            .formatted(path),
        response.body(),
        JSONCompareMode.STRICT);
  }

  @Test
  void anUnknownPathIsA404ProblemWithOrWithoutToken() throws Exception {
    for (String bearer : new String[] {token, null}) {
      HttpResponse<String> response = gateway.get("/api/v1/nothing-here", bearer);

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      JSONAssert.assertEquals(
          """
          {"type": "urn:fieldops:problem:not-found", "title": "Not Found", "status": 404,
           "detail": "No route for GET /api/v1/nothing-here", "instance": "/api/v1/nothing-here",
           "success": false, "error": "Not found",
           "message": "No route for GET /api/v1/nothing-here"}
          """,
          response.body(),
          JSONCompareMode.STRICT);
    }
  }

  @Test
  void corsPreflightFromAnAllowedOriginNeedsNoToken() {
    HttpResponse<String> response =
        gateway.send(
            gateway
                .request("/api/v1/bookings/", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:5173");
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
        .contains("POST");
  }

  @Test
  void corsExposesTheHeadersAFrontendReads() {
    HttpResponse<String> response =
        gateway.send(
            gateway
                .request("/api/v1/bookings/", token)
                .header("Origin", "http://localhost:3000")
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("Access-Control-Allow-Origin"))
        .containsExactly("http://localhost:3000");
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains("ETag", "Retry-After", "Location");
  }

  @Test
  void corsPreflightFromAnotherOriginIsRefused() {
    HttpResponse<String> response =
        gateway.send(
            gateway
                .request("/api/v1/bookings/", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .build());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void theWebSocketUpgradePassesThroughToNotificationService() throws Exception {
    var frames = new LinkedBlockingQueue<String>();
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create("ws://localhost:" + port + "/ws"),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    frames.add(data.toString());
                    webSocket.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);

    socket.sendText("CONNECT", true).get(5, TimeUnit.SECONDS);

    assertThat(frames.poll(10, TimeUnit.SECONDS)).isEqualTo("notification-service: CONNECT");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
  }

  @Test
  void theRegisteredServicesArePublic() throws Exception {
    HttpResponse<String> response = gateway.get("/gateway/services", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JSONAssert.assertEquals(
        """
        {"services": [
          {"service_id": "auth-service", "instances": 1},
          {"service_id": "booking-service", "instances": 1},
          {"service_id": "customer-service", "instances": 1},
          {"service_id": "jobcard-service", "instances": 1},
          {"service_id": "notification-service", "instances": 1},
          {"service_id": "ticket-service", "instances": 1}]}
        """,
        response.body(),
        JSONCompareMode.STRICT);
  }

  @Test
  void healthAndSwaggerUiArePublic() {
    assertThat(gateway.get("/actuator/health", null).statusCode()).isEqualTo(200);
    assertThat(gateway.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    assertThat(gateway.get("/swagger-ui.html", null).statusCode()).isIn(200, 302);
    HttpResponse<String> swaggerConfig = gateway.get("/v3/api-docs/swagger-config", null);
    assertThat(swaggerConfig.statusCode()).isEqualTo(200);
    assertThat(swaggerConfig.body())
        .contains(SERVICES.stream().map(s -> "/v3/api-docs/" + s).toArray(String[]::new));
  }

  @Test
  void theSwaggerUiPagesCarryAContentSecurityPolicy() {
    String policy =
        "default-src 'none'; script-src 'self';"
            + " style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none';"
            + " frame-ancestors 'none'";
    HttpResponse<String> entry = gateway.get("/swagger-ui.html", null);
    assertThat(entry.headers().firstValue("Content-Security-Policy")).hasValue(policy);
    String location = entry.headers().firstValue("Location").orElse("/swagger-ui.html");

    HttpResponse<String> page = gateway.get(location, null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(policy);
    // the policy allows no inline code: every script of the page is a file, no style attribute
    assertThat(page.body()).contains("<script src=\"./swagger-ui-bundle.js\"");
    assertThat(page.body().split("<script").length - 1)
        .isEqualTo(page.body().split("<script src=").length - 1);
    assertThat(page.body()).doesNotContain("style=", "<style");
    assertThat(gateway.get("/v3/api-docs/swagger-config", null).body())
        .contains("\"validatorUrl\":\"none\"");
    // a routed page keeps its own headers: the dashboard's policy is notification-service's
    assertThat(gateway.get("/dashboard/", null).headers().firstValue("Content-Security-Policy"))
        .isEmpty();
  }

  /**
   * The one inline style Swagger UI creates (the {@code <style>} of its SVG logo) is allowed by its
   * hash: recomputed here from the webjar on the classpath, so an upgrade that changes it shows.
   */
  @Test
  void theSwaggerUiPolicyAllowsEveryInlineStyleTheUiCreatesByItsHash() throws Exception {
    Pattern inlineStyle = Pattern.compile("createElement\\(\"style\",null,\"([^\"]*)\"\\)");
    List<String> hashes = new ArrayList<>();
    for (String script : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js")) {
      Resource[] found =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:META-INF/resources/webjars/swagger-ui/*/" + script);
      assertThat(found).as(script).hasSize(1);
      Matcher styles = inlineStyle.matcher(found[0].getContentAsString(StandardCharsets.UTF_8));
      while (styles.find()) {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest(styles.group(1).getBytes(StandardCharsets.UTF_8));
        hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
      }
    }

    assertThat(hashes).isNotEmpty();
    String policy =
        gateway
            .get("/swagger-ui/index.html", null)
            .headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow();
    assertThat(policy).contains(hashes);
  }

  /**
   * The route table and metrics are not served on the public port, to a loopback caller (every
   * request here is one) nor to an organisation's ADMIN: not found without a token, forbidden with
   * one, as a problem either way.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/actuator/gateway/routes",
        "/actuator/metrics",
        "/actuator/metrics/jvm.memory.used",
        "/actuator/prometheus",
        "/actuator/env",
        "/actuator/gateway/routes/"
      })
  void actuatorBeyondHealthAndInfoIsNotServed(String path) throws Exception {
    String admin = ISSUER.token(TestUser.admin(UUID.randomUUID()));

    HttpResponse<String> anonymous = gateway.get(path, null);
    HttpResponse<String> withToken = gateway.get(path, admin);

    assertThat(anonymous.statusCode()).isEqualTo(404);
    assertThat(withToken.statusCode()).isEqualTo(403);
    for (HttpResponse<String> answer : List.of(anonymous, withToken)) {
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(answer.body())
          .doesNotContain("lb://", "route_id", "measurements", "jvm_memory_used_bytes");
    }
    JSONAssert.assertEquals(
        """
        {"type": "urn:fieldops:problem:forbidden", "status": 403, "success": false,
         "error": "Forbidden", "instance": "%s"}
        """
            .formatted(path),
        withToken.body(),
        JSONCompareMode.LENIENT);
  }

  @Test
  void healthAndInfoStayPublic() {
    HttpResponse<String> info = gateway.get("/actuator/info", null);

    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(info.body()).contains("fieldops gateway");
    assertThat(gateway.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
  }
}

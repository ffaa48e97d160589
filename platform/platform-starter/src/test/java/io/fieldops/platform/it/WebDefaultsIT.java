package io.fieldops.platform.it;

import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.ApiDocument;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/** Trailing slashes, JSON style, actuator exposure and the OpenAPI document. */
class WebDefaultsIT extends PlatformIntegrationTest {

  @Test
  void trailingSlashMatchesTheSameEndpoint() {
    assertThat(asAgent().get("/test/me/").status()).isEqualTo(200);
    assertThat(asAgent().get("/test/me").status()).isEqualTo(200);
  }

  @Test
  void trailingSlashOnAPostKeepsTheBody() {
    var response =
        asAgent()
            .postJson(
                "/test/jobcards/",
                """
                {"service_name": "Pest control",
                 "client_data": {"name": "Somchai", "mobile": "0812345678"}}
                """);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("service_name").asString()).isEqualTo("Pest control");
  }

  @Test
  void securitySeesTheNormalisedPath() {
    // public paths with the slash are still public, protected ones still protected
    var booking =
        anonymous().postJson("/api/agent/booking/create/", "{\"service_name\": \"Legal\"}");
    assertThat(booking.status()).isEqualTo(200);
    assertThat(anonymous().get("/test/me/").status()).isEqualTo(401);
    assertThat(anonymous().get("/actuator/health/liveness/").status()).isEqualTo(200);
  }

  @Test
  void jsonIsSnakeCaseWithIsoDatesAndNullsIncluded() {
    var response = asAgent().get("/test/moment");

    assertJson(
        response,
        200,
        """
        {"booking_date": "2025-10-20", "booking_time": "14:00:00",
         "created_at": "2025-10-20T07:00:00Z", "notes": null, "level": 2}
        """);
  }

  @Test
  void probesAreReachableWithoutToken() {
    var liveness = anonymous().get("/actuator/health/liveness");
    var readiness = anonymous().get("/actuator/health/readiness");

    assertThat(liveness.status()).isEqualTo(200);
    assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
  }

  /** Without a management port metrics are not served at all (ManagementPortIT: with one). */
  @Test
  void prometheusIsNotServedOnTheServicePort() {
    assertNoMetricsOnTheServicePort();
  }

  @Test
  void otherActuatorEndpointsAreNotServed() {
    for (String path :
        List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics")) {
      assertThat(anonymous().get(path).status()).as(path).isEqualTo(401);
      assertThat(asAgent().get(path).status()).as(path).isEqualTo(403);
    }
  }

  @Test
  void theServicePortExposesOnlyHealthAndInfo(@Autowired Environment environment) {
    assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
        .isEqualTo("health,info");
    assertThat(anonymous().get("/actuator/info").status()).isEqualTo(200);
    assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
  }

  @Test
  void apiDocsDeclareBearerJwtForEveryOperation() {
    var response = anonymous().get("/v3/api-docs");

    assertThat(response.status()).isEqualTo(200);
    JsonNode doc = response.json();
    assertThat(doc.at("/info/title").asString()).isEqualTo("platform-testapp");
    assertThat(doc.at("/info/description").asString())
        .isEqualTo("Test application of platform-starter");
    assertThat(doc.at("/components/securitySchemes/bearer-jwt/type").asString()).isEqualTo("http");
    assertThat(doc.at("/components/securitySchemes/bearer-jwt/scheme").asString())
        .isEqualTo("bearer");
    assertThat(doc.at("/components/securitySchemes/bearer-jwt/bearerFormat").asString())
        .isEqualTo("JWT");
    assertThat(doc.at("/security/0/bearer-jwt").isArray()).isTrue();
    // clients call the gateway: the one server is relative, so Swagger UI tries it where it is
    // served from, never at a service's own port
    assertThat(doc.at("/servers").size()).isEqualTo(1);
    assertThat(doc.at("/servers/0/url").asString()).isEqualTo("/");
    // internal endpoints (service to service, never routed by the gateway) are not published
    assertThat(doc.at("/paths").propertyNames())
        .isNotEmpty()
        .noneMatch(p -> p.contains("/internal/"))
        // nor Spring's error page, which every service has and no client calls
        .doesNotContain("/error");
    assertThat(doc.at("/components/schemas/JobCardRequest/properties").has("client_data")).isTrue();
    // the caller is the token's, not a parameter a client could send
    assertThat(doc.at("/paths/~1test~1me/get").isObject()).as(doc.at("/paths").toString()).isTrue();
    assertThat(doc.at("/paths/~1test~1me/get/parameters").isMissingNode()).isTrue();
    // a public path (fieldops.security.public-paths) needs no token, others the default
    assertThat(doc.at("/paths/~1test~1public~1echo-traceparent/get/security").isArray()).isTrue();
    assertThat(doc.at("/paths/~1test~1public~1echo-traceparent/get/security")).isEmpty();
    assertThat(doc.at("/paths/~1test~1me/get/security").isMissingNode()).isTrue();
    // every operation documents the platform's errors, the 503 with when to try again
    JsonNode responses = doc.at("/paths/~1test~1me/get/responses");
    assertThat(responses.propertyNames()).contains("400", "401", "403", "500", "503");
    assertThat(responses.at("/503/content/application~1problem+json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(responses.at("/503/headers/Retry-After/schema/type").asString())
        .isEqualTo("integer");
    assertThat(responses.at("/500/headers").isMissingNode()).isTrue();
  }

  @Test
  void apiDocsSayWhatTheApiAccepts() {
    ApiDocument doc =
        ApiDocument.of(anonymous())
            .assertPlatformFacts(
                "/api/agent/booking/create",
                "/test/public/needs-user",
                "/test/public/echo-traceparent");

    // Bean Validation matches a @Pattern against the whole value, a JSON Schema pattern anywhere
    assertThat(doc.member("ClientData", "mobile").path("pattern").asString())
        .isEqualTo("^(?:\\d{10})$");
    assertThat(doc.required("JobCardRequest")).contains("service_name", "client_data");
    // a JSON tree is any JSON value, not the getters of Jackson's tree class
    assertThat(doc.content("/test/tree", "post", null).has("properties")).isFalse();
    assertThat(doc.content("/test/tree", "post", null).path("description").asString())
        .isEqualTo("Any JSON value; the operation says which members");
  }

  @Test
  void nothingIsExportedUnlessAnOtlpEndpointIsConfigured(@Autowired ApplicationContext context) {
    assertThat(context.getBeanNamesForType(OtlpHttpSpanExporter.class)).isEmpty();
    assertThat(context.getBeanNamesForType(OtlpMeterRegistry.class)).isEmpty();
    assertThat(context.getBeanNamesForType(Tracer.class)).isNotEmpty();
  }

  @Test
  void swaggerUiIsServed() {
    var response = anonymous().get("/swagger-ui/index.html");

    assertThat(response.status()).isEqualTo(200);
  }
}

package io.fieldops.customer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.IntegrationTest;
import io.fieldops.platform.test.TestTokenIssuer;
import io.fieldops.platform.test.TestUser;
import java.util.UUID;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * customer-service on a random port against its own fresh database, the shared Kafka broker and an
 * {@link AuthStub} in place of auth-service (one per test class, so stopping it in one class never
 * disturbs another).
 */
@IntegrationTest
abstract class CustomerIntegrationTest {

  static final String CUSTOMERS = "/api/v1/customers/";
  static final AuthStub AUTH = new AuthStub();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void authService(DynamicPropertyRegistry registry) {
    registry.add("spring.http.serviceclient.auth-service.base-url", AUTH::baseUrl);
    registry.add("fieldops.peers.auth-service.timeout", () -> "1s");
  }

  Http http() {
    return Http.to(port);
  }

  /** {@code user}'s token; auth-service (the stub) knows the user from now on. */
  Http as(TestUser user) {
    AUTH.register(user);
    return http().bearer(TestTokenIssuer.shared().token(user));
  }

  static UUID newOrg() {
    return UUID.randomUUID();
  }

  static void assertStatus(Http.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
  }

  /** A 400 whose details name {@code field} (dotted path) with {@code message}. */
  static void assertFieldError(Http.Response response, String field, String message) {
    assertStatus(response, 400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode node = response.json().path("details");
    for (String part : field.split("\\.")) {
      node = node.path(part);
    }
    assertThat(node.asString()).as(response.body()).isEqualTo(message);
  }

  /**
   * A customer as every endpoint answers it, with generated values from {@code actual} and the
   * given identity and fields (a JSON fragment overriding the defaults).
   */
  static String customer(JsonNode actual, String identity, String overrides) {
    String defaults =
        """
        "full_name": null, "mobile": null, "notes": null,
        "street_address": null, "city": null, "state": null, "postal_code": null,
        "country": null, "company_name": null, "business_type": null, "tax_id": null,
        "emergency_contact_name": null, "emergency_contact_phone": null,
        "emergency_contact_relationship": null, "is_verified": false,
        "last_service_date": null, "total_services": 0, "preferred_contact_method": "email",
        "customer_type": "individual",
        "notification_preferences": {"email": true, "sms": false, "push": false},
        "is_active": true
        """;
    JsonNode merged = merge(defaults, overrides);
    return """
        {"id": "%s", "code": "%s", "user_id": %s, %s,
         "customer_since": "%s", "created_at": "%s", "updated_at": "%s", %s}
        """
        .formatted(
            actual.path("id").asString(),
            actual.path("code").asString(),
            actual.path("user_id").isNull()
                ? "null"
                : "\"" + actual.path("user_id").asString() + "\"",
            identity,
            actual.path("customer_since").asString(),
            actual.path("created_at").asString(),
            actual.path("updated_at").asString(),
            merged.toString().substring(1, merged.toString().length() - 1));
  }

  /** Identity members of a linked customer. */
  static String identity(TestUser user) {
    return """
        "email": "%s", "first_name": "%s", "last_name": "%s", "phone_number": "%s"
        """
        .formatted(user.email(), user.givenName(), user.familyName(), user.phoneNumber());
  }

  static final String NO_IDENTITY =
      "\"email\": null, \"first_name\": null, \"last_name\": null, \"phone_number\": null";

  private static JsonNode merge(String defaults, String overrides) {
    var json = tools.jackson.databind.json.JsonMapper.builder().build();
    var base = (tools.jackson.databind.node.ObjectNode) json.readTree("{" + defaults + "}");
    if (overrides != null && !overrides.isBlank()) {
      base.setAll((tools.jackson.databind.node.ObjectNode) json.readTree("{" + overrides + "}"));
    }
    return base;
  }
}

package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Seed 002's "Create Customer Account" through the gateway: register with auth-service, create the
 * customer profile with {@code tokens.access}, read it back with the names from the token; then the
 * organisation's admin sees that customer, its identity fetched from auth-service.
 */
class CustomerFlowIT extends SystemTest {

  private static final String PROFILE_BODY =
      """
      {"street_address": "123 Test St", "city": "Portland", "state": "Oregon",
       "postal_code": "97201", "country": "USA"}
      """;

  @Test
  void seed002CreateCustomerAccount() {
    String email = "customer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    GatewayResponse registered =
        gateway()
            .post(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Test", "last_name": "User",
                 "phone_number": null, "password1": "Pass123!x", "password2": "Pass123!x"}
                """
                    .formatted(email));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String bearer = "Bearer " + registered.json().path("tokens").path("access").asString();
    String userId = registered.json().path("user").path("id").asString();

    // 201, or 200 when the user.registered event already made the record: either way it is the
    // user's one record and it now holds the address
    GatewayResponse created =
        gateway().post("/api/v1/customers/profile/create/", PROFILE_BODY, "Authorization", bearer);
    assertThat(created.status()).as(created.toString()).isIn(200, 201);

    GatewayResponse profile = gateway().get("/api/v1/customers/profile/", "Authorization", bearer);
    assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
    JsonNode customer = profile.json();
    assertThat(customer.path("id").asString()).isEqualTo(created.json().path("id").asString());
    assertThat(customer.path("user_id").asString()).isEqualTo(userId);
    assertThat(customer.path("email").asString()).isEqualTo(email);
    assertThat(customer.path("first_name").asString()).isEqualTo("Test");
    assertThat(customer.path("last_name").asString()).isEqualTo("User");
    assertThat(customer.path("street_address").asString()).isEqualTo("123 Test St");
    assertThat(customer.path("city").asString()).isEqualTo("Portland");
    assertThat(customer.path("postal_code").asString()).isEqualTo("97201");
    assertThat(customer.path("total_services").asInt()).isZero();

    // the demo admin sees the customer with its identity, which customer-service fetched from
    // auth-service through Eureka with the admin's token
    String admin = "Bearer " + demoAdminToken();
    GatewayResponse seen =
        gateway().get("/api/v1/customers/by_user_id/?user_id=" + userId, "Authorization", admin);
    assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
    assertThat(seen.json().path("first_name").asString()).isEqualTo("Test");
    assertThat(seen.json().path("email").asString()).isEqualTo(email);

    // and a customer is kept out of the management endpoints
    GatewayResponse forbidden = gateway().get("/api/v1/customers/", "Authorization", bearer);
    assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
  }
}

package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Seed 002's registration flow and the demo admin's login, through the gateway as a frontend does
 * it: the gateway routes to auth-service and checks auth-service's tokens with its JWKS.
 */
class AuthFlowIT extends SystemTest {

  @Test
  void registerThenCallAProtectedEndpointWithTokensAccess() {
    // The shape of seed 002's PowerShell example (its own email is SeedExamplesIT's).
    String email = "auth.flow@example.com";
    GatewayResponse registered =
        gateway()
            .post(
                "/api/auth/register/",
                """
                {"email": "auth.flow@example.com", "first_name": "Test", "last_name": "User",
                 "phone_number": "+1 (555) 123-4568", "password1": "Pass123!", "password2": "Pass123!"}
                """);

    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String access = registered.json().path("tokens").path("access").asString();
    assertThat(registered.json().path("tokens").path("refresh").asString()).isNotBlank();

    GatewayResponse profile =
        gateway().get("/api/auth/profile/", "Authorization", "Bearer " + access);

    assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
    JsonNode user = profile.json();
    assertThat(user.path("email").asString()).isEqualTo(email);
    assertThat(user.path("first_name").asString()).isEqualTo("Test");
    assertThat(user.path("last_name").asString()).isEqualTo("User");
    // as written, cleaned of spaces, dashes and parentheses
    assertThat(user.path("phone_number").asString()).isEqualTo("+15551234568");
    assertThat(user.path("roles").toString()).isEqualTo("[\"CUSTOMER\"]");
    assertThat(user.path("organization").path("slug").asString()).isEqualTo("demo");
  }

  @Test
  void demoAdminLogsInAndTheGatewayAcceptsTheToken() {
    GatewayResponse login =
        gateway()
            .post(
                "/api/auth/login/",
                """
                {"email": "%s", "password": "%s"}
                """
                    .formatted(stack().admin().email(), stack().admin().password()));

    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    JsonNode user = login.json().path("user");
    assertThat(user.path("roles").toString()).isEqualTo("[\"ADMIN\"]");
    assertThat(user.path("level").asInt()).isEqualTo(3);
    assertThat(user.path("organization").path("slug").asString())
        .isEqualTo(stack().admin().organization());

    String access = login.json().path("tokens").path("access").asString();
    GatewayResponse profile =
        gateway().get("/api/auth/profile", "Authorization", "Bearer " + access);
    assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
  }

  @Test
  void jwksIsPublicThroughTheGateway() {
    GatewayResponse jwks = gateway().get("/.well-known/jwks.json");

    assertThat(jwks.status()).as(jwks.toString()).isEqualTo(200);
    assertThat(jwks.json().path("keys").path(0).path("kid").asString()).isNotBlank();
  }
}

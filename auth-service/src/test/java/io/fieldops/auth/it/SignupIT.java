package io.fieldops.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Seed 004's signup at its own path: the same registration as seed 002's, founding by name. */
class SignupIT extends AuthIntegrationTest {

  @Test
  void seed004sExampleFoundsTheOrganisationWithTheUserAsItsAdmin() {
    String email = uniqueEmail("john");
    Http.Response signup =
        http()
            .postJson(
                "/api/users/",
                """
                {
                    "email": "%s",
                    "username": "john",
                    "first_name": "John",
                    "last_name": "Doe",
                    "password": "SecurePass123",
                    "organization_name": "John's Business"
                }
                """
                    .formatted(email));

    assertThat(signup.status()).as(signup.body()).isEqualTo(201);
    JsonNode user = signup.json().path("user");
    assertThat(user.path("email").asString()).isEqualTo(email);
    assertThat(user.path("first_name").asString()).isEqualTo("John");
    assertThat(user.path("roles").toString()).isEqualTo("[\"ADMIN\"]");
    assertThat(user.path("level").asInt()).isEqualTo(3);
    assertThat(user.path("organization").path("name").asString()).isEqualTo("John's Business");
    assertThat(signup.json().path("tokens").path("access").asString()).isNotBlank();
    // signs in by email with the one password
    Http.Response login =
        http()
            .postJson(
                "/api/auth/login/",
                "{\"email\": \"%s\", \"password\": \"SecurePass123\"}".formatted(email));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
  }

  @Test
  void aRefusedPasswordIsNamedPasswordAndBadInputIsA400NamingTheMember() {
    Http.Response weak =
        http()
            .postJson(
                "/api/users",
                """
                {"email": "%s", "username": "j", "first_name": "J", "password": "short",
                 "organization_name": "J's"}
                """
                    .formatted(uniqueEmail("weak")));
    assertThat(weak.status()).as(weak.body()).isEqualTo(400);
    assertThat(weak.json().path("details").propertyNames()).containsExactly("password");

    Http.Response noPassword =
        http()
            .postJson(
                "/api/users",
                "{\"email\": \"%s\", \"first_name\": \"J\"}".formatted(uniqueEmail("none")));
    assertThat(noPassword.status()).isEqualTo(400);
    assertThat(noPassword.json().path("details").has("password")).isTrue();

    Http.Response unknown =
        http()
            .postJson(
                "/api/users",
                """
                {"email": "%s", "first_name": "J", "password": "SecurePass123",
                 "is_superuser": true}
                """
                    .formatted(uniqueEmail("unknown")));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("is_superuser");
  }
}

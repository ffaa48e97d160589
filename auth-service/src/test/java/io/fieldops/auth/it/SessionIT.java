package io.fieldops.auth.it;

import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static io.fieldops.platform.test.JsonAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.TestTokenIssuer;
import io.fieldops.platform.test.TestUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Login, refresh (rotation and reuse), logout, profile and the bootstrapped demo admin. */
@TestPropertySource(
    properties = {
      "fieldops.bootstrap.admin-email=Admin@Demo.fieldops.local",
      "fieldops.bootstrap.admin-password=fieldops-demo-admin"
    })
class SessionIT extends AuthIntegrationTest {

  private static final String INVALID_CREDENTIALS =
      """
      {"type": "urn:fieldops:problem:invalid-credentials", "title": "Unauthorized", "status": 401,
       "detail": "Unable to log in with the provided credentials.", "instance": "/api/auth/login",
       "success": false, "error": "Unable to log in with the provided credentials.",
       "message": "Unable to log in with the provided credentials."}
      """;

  private static final String INVALID_REFRESH =
      """
      {"type": "urn:fieldops:problem:invalid-token", "title": "Unauthorized", "status": 401,
       "detail": "Token is invalid or expired.", "instance": "/api/auth/token/refresh",
       "success": false, "error": "Token is invalid or expired.",
       "message": "Token is invalid or expired."}
      """;

  private Http.Response login(String json) {
    return http().postJson("/api/auth/login/", json);
  }

  @Test
  void loginByEmailAnswersLikeRegistration() {
    String email = uniqueEmail("login");
    register(email, "0891234567");

    Http.Response response =
        login(
            """
            {"email": "%s", "password": "%s"}
            """
                .formatted(email.toUpperCase(java.util.Locale.ROOT), PASSWORD));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.propertyNames()).containsExactly("user", "tokens");
    assertJson(
        body.path("user").toString(),
        expectedUser(body.path("user"), email, "0891234567", "demo", "Demo", "CUSTOMER", 0));
    assertThat(claims(body.path("tokens").path("access").asString()))
        .containsEntry("sub", body.path("user").path("id").asString());
  }

  @Test
  void loginByPhoneInAnyFormat() {
    String email = uniqueEmail("byphone");
    register(email, "+66 89 765 4321");

    Http.Response response =
        login(
            """
            {"phone_number": "089-765-4321", "password": "%s"}
            """
                .formatted(PASSWORD));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().path("user").path("email").asString()).isEqualTo(email);
  }

  @Test
  void wrongPasswordAndUnknownAccountAnswerTheSame() {
    String email = uniqueEmail("wrong");
    register(email, null);

    assertProblem(
        login(
            """
            {"email": "%s", "password": "not-the-password"}
            """
                .formatted(email)),
        401,
        INVALID_CREDENTIALS);
    assertProblem(
        login(
            """
            {"email": "%s", "password": "%s"}
            """
                .formatted(uniqueEmail("nobody"), PASSWORD)),
        401,
        INVALID_CREDENTIALS);
  }

  @Test
  void loginForAnOrganisationTheUserIsNotInIsRefusedTheSameWay() {
    String email = uniqueEmail("outsider");
    register(email, null);
    Http.Response other =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Test", "password1": "%s", "password2": "%s",
                 "organization_name": "Other Org"}
                """
                    .formatted(uniqueEmail("owner"), PASSWORD, PASSWORD));
    String slug = other.json().path("user").path("organization").path("slug").asString();

    assertProblem(
        login(
            """
            {"email": "%s", "password": "%s", "organization": "%s"}
            """
                .formatted(email, PASSWORD, slug)),
        401,
        INVALID_CREDENTIALS);
  }

  @Test
  void behindTheGatewayTheClientAddressIsCountedNotTheGateways() {
    // 20 failures (the per-address limit) from one client, each for another account name.
    Http fromAttacker = http().header("X-Forwarded-For", "203.0.113.7");
    for (int i = 0; i < 20; i++) {
      String json = "{\"email\": \"%s\", \"password\": \"x\"}".formatted(uniqueEmail("spray"));
      assertThat(fromAttacker.postJson("/api/auth/login/", json).status()).isEqualTo(401);
    }
    String next = "{\"email\": \"%s\", \"password\": \"x\"}".formatted(uniqueEmail("spray"));

    assertThat(fromAttacker.postJson("/api/auth/login/", next).status()).isEqualTo(429);
    // Another client behind the same gateway is not affected.
    assertThat(
            http()
                .header("X-Forwarded-For", "198.51.100.20")
                .postJson("/api/auth/login/", next)
                .status())
        .isEqualTo(401);
  }

  @Test
  void loginWithoutEmailOrPhoneNamesTheField() {
    Http.Response response = login("{\"password\": \"whatever-it-is\"}");

    assertProblem(
        response,
        400,
        """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "Validation failed", "instance": "/api/auth/login", "success": false,
         "error": "Validation failed", "message": "Validation failed",
         "details": {"email": "Enter an email or a phone number."}}
        """);
  }

  @Test
  void bootstrappedDemoAdminLogsInAsAdminOfDemo() {
    Http.Response response =
        login(
            """
            {"email": "admin@demo.fieldops.local", "password": "fieldops-demo-admin",
             "organization": "demo"}
            """);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode user = response.json().path("user");
    assertThat(user.path("roles").toString()).isEqualTo("[\"ADMIN\"]");
    assertThat(user.path("level").asInt()).isEqualTo(3);
    assertThat(user.path("organization").path("slug").asString()).isEqualTo("demo");
  }

  @Test
  void profileAnswersTheCallerWithTheirAccessToken() {
    String email = uniqueEmail("profile");
    JsonNode registered = register(email, null).json();
    String access = registered.path("tokens").path("access").asString();

    for (String path : new String[] {"/api/auth/profile/", "/api/auth/profile"}) {
      Http.Response response = http().bearer(access).get(path);
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertJson(response.body(), registered.path("user").toString());
    }
  }

  @Test
  void profileWithoutATokenIs401() {
    assertProblem(
        http().get("/api/auth/profile/"),
        401,
        """
        {"type": "urn:fieldops:problem:unauthorized", "title": "Unauthorized", "status": 401,
         "detail": "Authentication required", "instance": "/api/auth/profile", "success": false,
         "error": "Authentication required", "message": "Authentication required"}
        """);
  }

  @Test
  void profileRefusesATokenFromAnotherIssuersKey() {
    // Well-formed, RS256, right claims, but signed by the test issuer: not one of our keys.
    String foreign = TestTokenIssuer.shared().token(TestUser.customer(UUID.randomUUID()));

    Http.Response response = http().bearer(foreign).get("/api/auth/profile/");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().path("type").asString())
        .isEqualTo("urn:fieldops:problem:invalid-token");
  }

  @Test
  void refreshRotatesAndTheNewPairWorks() {
    JsonNode tokens = register(uniqueEmail("rotate"), null).json().path("tokens");

    Http.Response refreshed = refresh(tokens.path("refresh").asString());

    assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
    assertThat(refreshed.json().propertyNames()).containsExactly("access", "refresh");
    String nextRefresh = refreshed.json().path("refresh").asString();
    assertThat(nextRefresh).isNotEqualTo(tokens.path("refresh").asString());
    assertThat(
            http()
                .bearer(refreshed.json().path("access").asString())
                .get("/api/auth/profile/")
                .status())
        .isEqualTo(200);
    assertThat(refresh(nextRefresh).status()).isEqualTo(200);
  }

  @Test
  void reusingASpentRefreshTokenRevokesTheWholeFamily() {
    JsonNode tokens = register(uniqueEmail("replay"), null).json().path("tokens");
    String first = tokens.path("refresh").asString();
    String second = refresh(first).json().path("refresh").asString();

    // An attacker (or a confused client) replays the spent token: refused ...
    assertProblem(refresh(first), 401, INVALID_REFRESH);
    // ... and the legitimate holder's newer token is dead too: the family is revoked.
    assertProblem(refresh(second), 401, INVALID_REFRESH);
  }

  @Test
  void unknownRefreshTokenIs401() {
    assertProblem(refresh("not-a-token-we-issued"), 401, INVALID_REFRESH);
  }

  @Test
  void logoutRevokesTheFamily() {
    JsonNode tokens = register(uniqueEmail("logout"), null).json().path("tokens");
    String refresh = tokens.path("refresh").asString();

    Http.Response logout =
        http().postJson("/api/auth/logout/", "{\"refresh\": \"%s\"}".formatted(refresh));

    assertThat(logout.status()).isEqualTo(204);
    assertProblem(refresh(refresh), 401, INVALID_REFRESH);
    // Idempotent: logging out twice is no error.
    assertThat(
            http()
                .postJson("/api/auth/logout", "{\"refresh\": \"%s\"}".formatted(refresh))
                .status())
        .isEqualTo(204);
  }

  @Test
  void refreshWithoutTheTokenNamesTheField() {
    Http.Response response = http().postJson("/api/auth/token/refresh/", "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("details").path("refresh").asString())
        .isEqualTo("must not be blank");
  }

  private Http.Response refresh(String token) {
    return http().postJson("/api/auth/token/refresh/", "{\"refresh\": \"%s\"}".formatted(token));
  }
}

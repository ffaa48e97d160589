package io.fieldops.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.fieldops.auth.key.SigningKeys;
import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.IntegrationTest;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** auth-service on a random port against its own fresh database and the shared Kafka broker. */
@IntegrationTest
abstract class AuthIntegrationTest {

  static final String PASSWORD = "Tr0ub4dor&3-horse";

  @LocalServerPort int port;

  Http http() {
    return Http.to(port);
  }

  /** An organisation founded by a new admin; its slug and the admin's tokens. */
  record Org(String slug, String adminId, String adminEmail, String access) {}

  Org newOrganisation() {
    String email = uniqueEmail("admin");
    Http.Response response =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Ada", "last_name": "Admin", "password1": "%s",
                 "password2": "%s", "organization_name": "Org %s"}
                """
                    .formatted(email, PASSWORD, PASSWORD, UUID.randomUUID()));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode body = response.json();
    return new Org(
        body.path("user").path("organization").path("slug").asString(),
        body.path("user").path("id").asString(),
        email,
        body.path("tokens").path("access").asString());
  }

  /** A customer of {@code org}; answers the registration body. */
  JsonNode join(Org org, String firstName, String email) {
    Http.Response response =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "%s", "last_name": "Member", "password1": "%s",
                 "password2": "%s", "organization": "%s"}
                """
                    .formatted(email, firstName, PASSWORD, PASSWORD, org.slug()));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  /** A unique email per call, so tests in one class never collide. */
  static String uniqueEmail(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  static String registration(String email, String phone) {
    return """
        {"email": "%s", "first_name": "Test", "last_name": "User", "phone_number": %s,
         "password1": "%s", "password2": "%s"}
        """
        .formatted(email, phone == null ? "null" : "\"" + phone + "\"", PASSWORD, PASSWORD);
  }

  Http.Response register(String email, String phone) {
    return http().postJson("/api/auth/register/", registration(email, phone));
  }

  /**
   * The user member of register, login and profile answers, exactly, with the generated values (id,
   * date_joined, organisation id) taken from {@code actual}.
   */
  static String expectedUser(
      JsonNode actual,
      String email,
      String phone,
      String orgSlug,
      String orgName,
      String role,
      int level) {
    return """
        {"id": "%s", "username": "%s", "email": "%s", "first_name": "Test", "last_name": "User",
         "phone_number": %s, "gender": null, "country": null, "is_active": true,
         "date_joined": "%s",
         "organization": {"id": "%s", "slug": "%s", "name": "%s"},
         "roles": ["%s"], "level": %d}
        """
        .formatted(
            actual.path("id").asString(),
            email,
            email,
            phone == null ? "null" : "\"" + phone + "\"",
            actual.path("date_joined").asString(),
            actual.path("organization").path("id").asString(),
            orgSlug,
            orgName,
            role,
            level);
  }

  /** Logs {@code email} in with {@link #PASSWORD}; the answer must be 200. */
  Http.Response loginAs(String email) {
    Http.Response login =
        http()
            .postJson(
                "/api/auth/login/",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, PASSWORD));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    return login;
  }

  /** The kids the JWKS publishes now. */
  List<String> publishedKids() {
    return http()
        .get("/.well-known/jwks.json")
        .json()
        .path("keys")
        .valueStream()
        .map(k -> k.path("kid").asString())
        .toList();
  }

  /**
   * The operator's signing-key endpoint is not served on the service's port, whether or not the
   * deployment has a management port: no token opens it, and the active key stays.
   */
  void assertSigningKeysUnreachableOnTheServicePort(String adminToken, SigningKeys keys) {
    String active = keys.current().active().getKeyID();
    for (String token : new String[] {null, adminToken}) {
      int expected = token == null ? 401 : 403;
      Http caller = http().bearerIfPresent(token);
      assertThat(caller.get("/actuator/signingkeys").status()).isEqualTo(expected);
      Http.Response rotation = caller.postJson("/actuator/signingkeys", "{}");
      assertThat(rotation.status()).as(rotation.body()).isEqualTo(expected);
      assertThat(rotation.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(keys.publishedKeys().getFirst().kid()).isEqualTo(active);
  }

  /** The claims of a JWT, read without checking it (tests that check it do so separately). */
  static Map<String, Object> claims(String jwt) {
    try {
      return SignedJWT.parse(jwt).getJWTClaimsSet().toJSONObject();
    } catch (ParseException e) {
      throw new AssertionError("not a JWT: " + jwt, e);
    }
  }
}

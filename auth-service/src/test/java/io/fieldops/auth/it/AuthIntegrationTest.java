package io.fieldops.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.IntegrationTest;
import java.util.UUID;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.boot.test.web.server.LocalServerPort;

/** auth-service on a random port against its own fresh database and the shared Kafka broker. */
@IntegrationTest
abstract class AuthIntegrationTest {

  static final String PASSWORD = "Tr0ub4dor&3-horse";

  @LocalServerPort int port;

  Http http() {
    return Http.to(port);
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

  /** Exact JSON: no member missing, none extra. */
  static void assertJson(Http.Response response, int status, String expectedJson) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    try {
      JSONAssert.assertEquals(expectedJson, response.body(), JSONCompareMode.STRICT);
    } catch (org.json.JSONException e) {
      throw new AssertionError("Not JSON: " + response.body(), e);
    }
  }

  static void assertProblem(Http.Response response, int status, String expectedJson) {
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertJson(response, status, expectedJson);
  }
}

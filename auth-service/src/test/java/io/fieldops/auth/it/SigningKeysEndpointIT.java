package io.fieldops.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.fieldops.auth.key.SigningKeys;
import io.fieldops.platform.test.Http;
import java.text.ParseException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An operator rotates the signing key on the management port, as the k8s manifests and the devstack
 * give one (a test property, not a dynamic one: the exposure is decided from it while the
 * environment is prepared). Nobody reaches it on the service's port.
 */
@TestPropertySource(properties = "management.server.port=0")
class SigningKeysEndpointIT extends AuthIntegrationTest {

  @LocalManagementPort int managementPort;
  @Autowired SigningKeys signingKeys;

  private Http management() {
    return Http.to(managementPort);
  }

  @Test
  void anOperatorRotatesTheKeyAndEarlierTokensKeepWorking() throws Exception {
    String email = uniqueEmail("rotation");
    String before = register(email, null).json().path("tokens").path("access").asString();
    String oldKid = kid(before);

    Http.Response listing = management().get("/actuator/signingkeys");
    assertThat(listing.status()).as(listing.body()).isEqualTo(200);
    assertThat(listing.json().path("active_kid").asString()).isEqualTo(oldKid);

    Http.Response rotated = management().postJson("/actuator/signingkeys", "{}");

    assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
    String newKid = rotated.json().path("active_kid").asString();
    assertThat(newKid).isNotBlank().isNotEqualTo(oldKid);
    JsonNode retired = key(rotated.json(), oldKid);
    assertThat(retired.path("retired_at").asString()).isNotBlank();
    assertThat(retired.path("published_until").asString()).isNotBlank();
    JsonNode active = key(rotated.json(), newKid);
    assertThat(active.path("retired_at").isNull()).as(active.toString()).isTrue();
    assertThat(active.path("published_until").isNull()).as(active.toString()).isTrue();
    // ids and dates only: no modulus, exponent or private part
    assertThat(retired.propertyNames())
        .containsExactlyInAnyOrder("kid", "created_at", "retired_at", "published_until");
    assertThat(management().get("/actuator/signingkeys").json().path("active_kid").asString())
        .isEqualTo(newKid);

    assertThat(publishedKids()).contains(oldKid, newKid);
    // a token signed before the rotation still opens an authenticated endpoint
    assertThat(http().bearer(before).get("/api/auth/profile/").status()).isEqualTo(200);
    // and a new login is signed with the new key, which works too
    String after = loginAs(email).json().path("tokens").path("access").asString();
    assertThat(kid(after)).isEqualTo(newKid);
    assertThat(http().bearer(after).get("/api/auth/profile/").status()).isEqualTo(200);
  }

  @Test
  void theServicePortDoesNotServeIt() {
    assertSigningKeysUnreachableOnTheServicePort(newOrganisation().access(), signingKeys);
  }

  @Test
  void theManagementPortAlsoServesTheProbesAndMetrics() {
    assertThat(management().get("/actuator/health/readiness").status()).isEqualTo(200);
    Http.Response metrics = management().get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    assertThat(http().get("/actuator/prometheus").status()).isNotEqualTo(200);
  }

  private static JsonNode key(JsonNode listing, String kid) {
    return listing
        .path("keys")
        .valueStream()
        .filter(k -> kid.equals(k.path("kid").asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(kid + " not listed in " + listing));
  }

  private static String kid(String jwt) throws ParseException {
    return SignedJWT.parse(jwt).getHeader().getKeyID();
  }
}

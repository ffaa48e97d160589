package io.fieldops.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class TestTokenIssuerTest {

  private final TestTokenIssuer issuer = TestTokenIssuer.shared();
  private final UUID orgId = UUID.fromString("0b8f3c2e-6a51-4c1d-9e1a-2f3c4d5e6f70");

  @Test
  void servesItsPublicKeyOverHttp() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(issuer.jwkSetUri())).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(issuer.jwkSetUri()).isEqualTo(issuer.issuerUri() + "/.well-known/jwks.json");
    assertThat(issuer.issuerUri()).startsWith("http://127.0.0.1:");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JWKSet jwks = JWKSet.parse(response.body());
    assertThat(jwks.getKeys()).hasSize(1);
    RSAKey key = jwks.getKeys().getFirst().toRSAKey();
    assertThat(key.getKeyID()).isEqualTo(issuer.keyId());
    assertThat(key.isPrivate()).isFalse();
  }

  @Test
  void tokenVerifiesAgainstTheJwksAndCarriesEveryClaim() {
    TestUser user = TestUser.supervisor(orgId).withEmail("sup@example.test");

    Jwt jwt = decoder().decode(issuer.token(user));

    assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", issuer.keyId());
    assertThat(jwt.getIssuer().toString()).isEqualTo(issuer.issuerUri());
    assertThat(jwt.getSubject()).isEqualTo(user.id().toString());
    assertThat(jwt.getClaimAsString("email")).isEqualTo("sup@example.test");
    assertThat(jwt.getClaimAsString("given_name")).isEqualTo(user.givenName());
    assertThat(jwt.getClaimAsString("family_name")).isEqualTo(user.familyName());
    assertThat(jwt.getClaimAsString("phone_number")).isEqualTo(user.phoneNumber());
    assertThat(jwt.getClaimAsString("org_id")).isEqualTo(orgId.toString());
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SUPERVISOR");
    assertThat(jwt.<Number>getClaim("level").intValue()).isEqualTo(2);
    assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()))
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(jwt.getExpiresAt()).isAfter(Instant.now());
  }

  @Test
  void expiredTokenIsRejectedAsExpired() {
    String token = issuer.expiredToken(TestUser.admin(orgId));

    assertThatThrownBy(() -> decoder().decode(token))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void tokenSignedByAnUnpublishedKeyIsRejected() {
    String token = issuer.tokenSignedByUnknownKey(TestUser.agent(orgId));

    assertThatThrownBy(() -> decoder().decode(token)).isInstanceOf(BadJwtException.class);
  }

  @Test
  void factoriesGiveEachRoleItsLevel() {
    assertThat(TestUser.technician(orgId).level()).isZero();
    assertThat(TestUser.agent(orgId).level()).isEqualTo(1);
    assertThat(TestUser.customer(orgId).roles()).containsExactly("CUSTOMER");
    assertThat(TestUser.admin(orgId).withRoles("ADMIN", "AGENT").roles())
        .containsExactlyInAnyOrder("ADMIN", "AGENT");
    assertThat(TestUser.admin(orgId).withLevel(1).level()).isEqualTo(1);
    assertThat(TestUser.agent(orgId).phoneNumber()).matches("\\+66[89]\\d{8}");
  }

  private JwtDecoder decoder() {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuerUri()));
    return decoder;
  }
}

package io.fieldops.auth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.fieldops.auth.AuthServiceApplication;
import io.fieldops.auth.config.AuthProperties;
import io.fieldops.auth.key.SigningKeys;
import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.TestTokenIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

/**
 * The authorization-server side: JWKS and discovery, client credentials, and what a downstream
 * service (a decoder over the public JWKS, as platform-starter configures one) accepts and refuses.
 * Keys rotate without logging anyone out and survive a restart.
 */
class TokenIT extends AuthIntegrationTest {

  @Autowired AuthProperties properties;
  @Autowired SigningKeys signingKeys;
  @Autowired Environment environment;

  /** What booking-service or any other service does with our tokens. */
  private JwtDecoder downstreamDecoder() {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/.well-known/jwks.json")
            .build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(properties.issuer()),
            new JwtClaimValidator<List<String>>(
                "aud", aud -> aud != null && aud.contains(TestTokenIssuer.AUDIENCE))));
    return decoder;
  }

  private String userAccessToken() {
    return register(uniqueEmail("token"), null).json().path("tokens").path("access").asString();
  }

  @Test
  void jwksPublishesThePublicKeyOnlyWithItsKid() {
    Http.Response response = http().get("/.well-known/jwks.json");

    assertThat(response.status()).isEqualTo(200);
    JsonNode key = response.json().path("keys").path(0);
    assertThat(key.path("kty").asString()).isEqualTo("RSA");
    assertThat(key.path("kid").asString()).isEqualTo(signingKeys.current().active().getKeyID());
    assertThat(key.path("alg").asString()).isEqualTo("RS256");
    assertThat(key.path("use").asString()).isEqualTo("sig");
    // no private parts
    assertThat(key.has("d")).isFalse();
    assertThat(key.has("p")).isFalse();
  }

  @Test
  void openidConfigurationNamesTheIssuerJwksAndTokenEndpoint() {
    Http.Response response = http().get("/.well-known/openid-configuration");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode document = response.json();
    assertThat(document.path("issuer").asString()).isEqualTo(properties.issuer());
    assertThat(document.path("jwks_uri").asString())
        .isEqualTo(properties.issuer() + "/.well-known/jwks.json");
    assertThat(document.path("token_endpoint").asString())
        .isEqualTo(properties.issuer() + "/oauth2/token");
    assertThat(document.path("grant_types_supported").toString()).contains("client_credentials");
  }

  @Test
  void userTokenCarriesKidAndIsAcceptedDownstream() throws Exception {
    String token = userAccessToken();

    assertThat(SignedJWT.parse(token).getHeader().getKeyID())
        .isEqualTo(signingKeys.current().active().getKeyID());
    assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    Jwt jwt = downstreamDecoder().decode(token);
    assertThat(jwt.getIssuer().toString()).isEqualTo(properties.issuer());
    assertThat(jwt.getAudience()).containsExactly("fieldops");
  }

  @Test
  void bookingServiceGetsAClientCredentialsTokenWithItsScope() throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                "booking-service:booking-service-dev-secret".getBytes(StandardCharsets.UTF_8));

    Http.Response response =
        http()
            .header("Authorization", "Basic " + basic)
            .postForm("/oauth2/token", "grant_type=client_credentials&scope=users:provision");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    String token = response.json().path("access_token").asString();
    assertThat(response.json().path("token_type").asString()).isEqualTo("Bearer");
    assertThat(SignedJWT.parse(token).getHeader().getKeyID())
        .isEqualTo(signingKeys.current().active().getKeyID());
    Jwt jwt = downstreamDecoder().decode(token);
    assertThat(jwt.getSubject()).isEqualTo("booking-service");
    assertThat(jwt.getAudience()).containsExactly("fieldops");
    assertThat(jwt.getClaimAsStringList("scope")).containsExactly("users:provision");
  }

  @Test
  void wrongClientSecretIsRefused() {
    String basic =
        Base64.getEncoder()
            .encodeToString("booking-service:guess".getBytes(StandardCharsets.UTF_8));

    Http.Response response =
        http()
            .header("Authorization", "Basic " + basic)
            .postForm("/oauth2/token", "grant_type=client_credentials&scope=users:provision");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("access_token");
  }

  @Test
  void clientCannotAskForAScopeItWasNotGiven() {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                "booking-service:booking-service-dev-secret".getBytes(StandardCharsets.UTF_8));

    Http.Response response =
        http()
            .header("Authorization", "Basic " + basic)
            .postForm("/oauth2/token", "grant_type=client_credentials&scope=users:admin");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("error").asString()).isEqualTo("invalid_scope");
  }

  @Test
  void downstreamRefusesATokenSignedByAnotherKeyUnderOurKid() throws Exception {
    RSAKey stranger =
        new RSAKeyGenerator(2048).keyID(signingKeys.current().active().getKeyID()).generate();
    String forged = sign(validClaims().build(), stranger);

    assertThatThrownBy(() -> downstreamDecoder().decode(forged))
        .isInstanceOf(JwtException.class)
        .hasMessageContaining("Invalid signature");
    assertThat(http().bearer(forged).get("/api/auth/profile/").status()).isEqualTo(401);
  }

  @Test
  void downstreamRefusesAnExpiredToken() {
    Instant issued = Instant.now().minusSeconds(3600);
    String expired =
        sign(
            validClaims()
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plusSeconds(900)))
                .build(),
            signingKeys.current().active());

    assertThatThrownBy(() -> downstreamDecoder().decode(expired))
        .isInstanceOf(JwtException.class)
        .hasMessageContaining("expired");
    assertThat(http().bearer(expired).get("/api/auth/profile/").status()).isEqualTo(401);
  }

  @Test
  void downstreamRefusesAnUnsignedToken() {
    String none = new PlainJWT(validClaims().build()).serialize();

    assertThatThrownBy(() -> downstreamDecoder().decode(none)).isInstanceOf(JwtException.class);
    assertThat(http().bearer(none).get("/api/auth/profile/").status()).isEqualTo(401);
  }

  @Test
  void downstreamRefusesATokenForAnotherAudience() {
    String elsewhere =
        sign(validClaims().audience("billing").build(), signingKeys.current().active());
    String noAudience =
        sign(validClaims().audience((String) null).build(), signingKeys.current().active());

    assertThatThrownBy(() -> downstreamDecoder().decode(elsewhere))
        .isInstanceOf(JwtException.class)
        .hasMessageContaining("aud");
    assertThatThrownBy(() -> downstreamDecoder().decode(noAudience))
        .isInstanceOf(JwtException.class);
    assertThat(http().bearer(elsewhere).get("/api/auth/profile/").status()).isEqualTo(401);
    assertThat(http().bearer(noAudience).get("/api/auth/profile/").status()).isEqualTo(401);
  }

  @Test
  void downstreamRefusesATokenOfAnotherIssuer() {
    String otherIssuer =
        sign(validClaims().issuer("http://evil.example").build(), signingKeys.current().active());

    assertThatThrownBy(() -> downstreamDecoder().decode(otherIssuer))
        .isInstanceOf(JwtException.class);
  }

  @Test
  void rotationKeepsEarlierTokensValidAndSignsNewOnesWithTheNewKey() throws Exception {
    String before = userAccessToken();
    String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

    signingKeys.rotate();
    String after = userAccessToken();

    String newKid = SignedJWT.parse(after).getHeader().getKeyID();
    assertThat(newKid).isNotEqualTo(oldKid);
    JwtDecoder downstream = downstreamDecoder();
    assertThat(downstream.decode(before).getSubject()).isNotBlank();
    assertThat(downstream.decode(after).getSubject()).isNotBlank();
    assertThat(publishedKids()).contains(oldKid, newKid);
  }

  /** Without a management port (SigningKeysEndpointIT: with one). */
  @Test
  void theSigningKeyEndpointIsNotOnTheServicePort() {
    assertSigningKeysUnreachableOnTheServicePort(newOrganisation().access(), signingKeys);
  }

  @Test
  void keysSurviveARestart() {
    String token = userAccessToken();

    // A second instance on the same database, as after a restart (or a second replica).
    try (ConfigurableApplicationContext restarted =
        new SpringApplicationBuilder(AuthServiceApplication.class).run(sameInfrastructure())) {
      Jwt jwt = restarted.getBean(JwtDecoder.class).decode(token);
      assertThat(jwt.getSubject()).isEqualTo(claims(token).get("sub"));
      assertThat(restarted.getBean(SigningKeys.class).current().active().getKeyID())
          .isEqualTo(signingKeys.current().active().getKeyID());
    }
  }

  @Test
  void anInstanceReplacesAKeyThatReachedItsMaximumAge() throws Exception {
    String before = userAccessToken();
    String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

    // A replica that finds every key too old: its first scheduled check rotates once.
    String[] args = sameInfrastructure();
    String[] tooOld = java.util.Arrays.copyOf(args, args.length + 1);
    tooOld[args.length] = "--fieldops.auth.signing-key-max-age=0s";
    try (ConfigurableApplicationContext replica =
        new SpringApplicationBuilder(AuthServiceApplication.class).run(tooOld)) {
      SigningKeys replicaKeys = replica.getBean(SigningKeys.class);
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(20))
          .until(() -> !replicaKeys.current().active().getKeyID().equals(oldKid));

      assertThat(replica.getBean(JwtDecoder.class).decode(before).getSubject()).isNotBlank();
      assertThat(replicaKeys.current().published())
          .extracting(com.nimbusds.jose.jwk.JWK::getKeyID)
          .contains(oldKid, replicaKeys.current().active().getKeyID());
    }
    assertThat(downstreamDecoder().decode(before).getSubject()).isNotBlank();
    // this instance still caches the old key (for up to 5 minutes); rotate here too so later
    // tests in this class see one agreed active key
    signingKeys.rotate();
  }

  /** Command-line arguments, which win over application.yml as the devstack's do. */
  private String[] sameInfrastructure() {
    Map<String, Object> same = new java.util.LinkedHashMap<>();
    for (String name :
        List.of(
            "spring.datasource.url",
            "spring.datasource.username",
            "spring.datasource.password",
            "spring.kafka.bootstrap-servers",
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri")) {
      same.put(name, environment.getRequiredProperty(name));
    }
    same.put("server.port", "0");
    same.put("eureka.client.enabled", "false");
    same.put("spring.cloud.discovery.enabled", "false");
    return same.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  private JWTClaimsSet.Builder validClaims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(properties.issuer())
        .audience(TestTokenIssuer.AUDIENCE)
        .subject(java.util.UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(900)))
        .claim("roles", List.of("ADMIN"))
        .claim("level", 3);
  }

  private static String sign(JWTClaimsSet claims, RSAKey key) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

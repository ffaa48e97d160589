package io.fieldops.platform.it;

import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static io.fieldops.platform.test.JsonAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.security.RememberingJwtDecoder;
import io.fieldops.platform.test.TestUser;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Real RS256 validation against the test issuer's JWKS; 401/403 in the problem shape. */
class SecurityIT extends PlatformIntegrationTest {

  @Autowired JwtDecoder jwtDecoder;

  private static final String UNAUTHORIZED =
      """
      {"type": "urn:fieldops:problem:unauthorized", "title": "Unauthorized", "status": 401,
       "detail": "Authentication required", "instance": "/test/me",
       "success": false, "error": "Authentication required", "message": "Authentication required"}
      """;

  private static final String INVALID_TOKEN =
      """
      {"type": "urn:fieldops:problem:invalid-token", "title": "Unauthorized", "status": 401,
       "detail": "The access token is invalid or has expired", "instance": "/test/me",
       "success": false, "error": "The access token is invalid or has expired",
       "message": "The access token is invalid or has expired"}
      """;

  @Test
  void noTokenIs401WithBearerChallenge() {
    var response = anonymous().get("/test/me");

    assertProblem(response, 401, UNAUTHORIZED);
    // Spring Security 7 adds RFC 9728's resource_metadata to the challenge
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void noTokenInThai() {
    var response = anonymous().thai().get("/test/me");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("error").asString()).isEqualTo("กรุณาเข้าสู่ระบบ");
  }

  @Test
  void expiredTokenIs401() {
    var response = anonymous().bearer(ISSUER.expiredToken(TestUser.agent(ORG))).get("/test/me");

    assertProblem(response, 401, INVALID_TOKEN);
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
  }

  @Test
  void tokenSignedByUnknownKeyIs401() {
    var response =
        anonymous().bearer(ISSUER.tokenSignedByUnknownKey(TestUser.agent(ORG))).get("/test/me");

    assertProblem(response, 401, INVALID_TOKEN);
  }

  @Test
  void garbageTokenIs401() {
    var response = anonymous().bearer("not.a.jwt").get("/test/me");

    assertProblem(response, 401, INVALID_TOKEN);
  }

  @Test
  void tokenFromAnotherIssuerIs401() {
    TestUser user = TestUser.agent(ORG);
    String token = ISSUER.sign(ISSUER.claimsBuilder(user).issuer("https://evil.example").build());

    var response = anonymous().bearer(token).get("/test/me");

    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void tokenForAnotherAudienceIs401() {
    var response =
        anonymous().bearer(ISSUER.tokenForAudience(TestUser.agent(ORG), "billing")).get("/test/me");

    assertProblem(response, 401, INVALID_TOKEN);
  }

  @Test
  void tokenWithoutAudienceIs401() {
    TestUser user = TestUser.agent(ORG);
    String token = ISSUER.sign(ISSUER.claimsBuilder(user).audience((String) null).build());

    assertProblem(anonymous().bearer(token).get("/test/me"), 401, INVALID_TOKEN);
  }

  @Test
  void unsignedTokenIs401() {
    String none =
        new com.nimbusds.jwt.PlainJWT(ISSUER.claimsBuilder(TestUser.agent(ORG)).build())
            .serialize();

    assertProblem(anonymous().bearer(none).get("/test/me"), 401, INVALID_TOKEN);
  }

  @Test
  void theKeysAreFetchedOnceNotPerRequest() {
    TestUser user = TestUser.agent(ORG);
    String token = ISSUER.token(user);
    assertThat(anonymous().bearer(token).get("/test/me").status()).isEqualTo(200);
    long fetchedBefore = ISSUER.jwksRequests();

    for (int i = 0; i < 50; i++) {
      assertThat(anonymous().bearer(ISSUER.token(user)).get("/test/me").status()).isEqualTo(200);
    }

    assertThat(ISSUER.jwksRequests()).isEqualTo(fetchedBefore);
  }

  @Test
  void aRepeatedTokenIsAcceptedAndAForgedCopyOfItNever() {
    // the decoder remembers verified tokens (issue 15): a repeat is answered from memory, but only
    // for the exact text; the same claims with a broken signature are checked, and refused
    TestUser user = TestUser.agent(ORG);
    String token = ISSUER.token(user);
    assertThat(anonymous().bearer(token).get("/test/me").status()).isEqualTo(200);
    assertThat(anonymous().bearer(token).get("/test/me").status()).isEqualTo(200);
    String forged =
        token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    assertProblem(anonymous().bearer(forged).get("/test/me"), 401, INVALID_TOKEN);
    assertThat(jwtDecoder).isInstanceOf(RememberingJwtDecoder.class);
  }

  @Test
  void claimsBecomeCurrentUser() {
    UUID id = UUID.fromString("0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21");
    TestUser user =
        new TestUser(
            id,
            ORG,
            "malee@example.test",
            "Malee",
            "Srisuk",
            "+66812345678",
            Set.of("SUPERVISOR", "AGENT", "SOMETHING_NEW"),
            2);

    var response = as(user).get("/test/me");

    assertJson(
        response,
        200,
        """
        {"id": "0b8f2f8e-7c35-4a55-bc1e-6f0f3f6a9d21",
         "org_id": "5f3c1f9e-0d7a-4c2b-9a51-2b7e8d6c4a10",
         "email": "malee@example.test", "given_name": "Malee", "family_name": "Srisuk",
         "phone_number": "+66812345678", "roles": ["AGENT", "SUPERVISOR"], "level": 2}
        """);
  }

  @Test
  void missingRoleIs403Problem() {
    var response = asAgent().get("/test/admin-only");

    assertProblem(
        response,
        403,
        """
        {"type": "urn:fieldops:problem:forbidden", "title": "Forbidden", "status": 403,
         "detail": "Access denied", "instance": "/test/admin-only",
         "success": false, "error": "Access denied", "message": "Access denied"}
        """);
  }

  @Test
  void missingRoleInThaiMatchesTicketSeed() {
    var response = asAgent().thai().get("/test/admin-only");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("error").asString()).isEqualTo("ไม่มีสิทธิ์เข้าถึง");
  }

  @Test
  void adminPassesRoleCheck() {
    assertThat(as(TestUser.admin(ORG)).get("/test/admin-only").status()).isEqualTo(200);
  }

  @Test
  void levelTooLowIs403() {
    var response = as(TestUser.agent(ORG).withLevel(1)).get("/test/supervisors");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("type").asString()).isEqualTo("urn:fieldops:problem:forbidden");
  }

  @Test
  void levelHighEnoughPasses() {
    assertThat(as(TestUser.agent(ORG).withLevel(2)).get("/test/supervisors").status())
        .isEqualTo(200);
  }

  @Test
  void tokenWithoutAUserIsRefusedOnUserEndpoints() {
    // a client-credentials token: its subject is a client id, not a user UUID
    String token =
        ISSUER.sign(ISSUER.claimsBuilder(TestUser.agent(ORG)).subject("booking-service").build());

    var response = anonymous().bearer(token).get("/test/me");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("error").asString())
        .isEqualTo("This endpoint needs a user's access token");
  }

  @Test
  void publicPathNeedsNoToken() {
    var response =
        anonymous().postJson("/api/agent/booking/create", "{\"service_name\": \"Legal\"}");

    assertJson(response, 200, "{\"service_name\": \"Legal\", \"signed_in\": false}");
  }

  @Test
  void publicPathStillSeesASignedInCaller() {
    var response = asAgent().postJson("/api/agent/booking/create", "{\"service_name\": \"Legal\"}");

    assertJson(response, 200, "{\"service_name\": \"Legal\", \"signed_in\": true}");
  }

  @Test
  void publicPathAskingForCurrentUserWithoutTokenIs401() {
    var response = anonymous().get("/test/public/needs-user");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(response.json().get("error").asString()).isEqualTo("Authentication required");
  }

  @Test
  void protectedResourceMetadataNamedInTheChallengeIsServed() {
    var response = anonymous().get("/.well-known/oauth-protected-resource");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("resource").asString()).isEqualTo("http://localhost:" + port);
  }

  @Test
  void unknownPathWithoutTokenIs401NotA404Leak() {
    assertThat(anonymous().get("/api/v1/secret-admin").status()).isEqualTo(401);
  }
}

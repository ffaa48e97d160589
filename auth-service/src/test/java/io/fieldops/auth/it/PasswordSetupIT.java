package io.fieldops.auth.it;

import static io.fieldops.auth.it.ProvisioningIT.bookingServiceToken;
import static io.fieldops.auth.it.ProvisioningIT.e164;
import static io.fieldops.auth.it.ProvisioningIT.provision;
import static io.fieldops.auth.it.ProvisioningIT.uniqueThaiMobile;
import static io.fieldops.platform.test.JsonAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fieldops.platform.test.Http;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * POST /api/auth/password/setup-token (staff) and /api/auth/password/setup (public): a provisioned
 * user, who has no password, claims the account with a one-time link.
 */
class PasswordSetupIT extends AuthIntegrationTest {

  static final String NEW_PASSWORD = "Mango-Sticky-Rice-42";
  static final String LINK_GONE =
      """
      {"type": "urn:fieldops:problem:setup-link-invalid", "title": "Gone", "status": 410,
       "detail": "This link has already been used or has expired.",
       "instance": "/api/auth/password/setup", "success": false,
       "error": "This link has already been used or has expired.",
       "message": "This link has already been used or has expired."}
      """;

  @Autowired JdbcTemplate jdbc;

  /** An organisation founded by a fresh ADMIN: {access token, org id, slug}. */
  private String[] foundOrganisation() {
    Http.Response founder =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Boss", "last_name": "Owner",
                 "password1": "%s", "password2": "%s", "organization_name": "Fix It Ltd"}
                """
                    .formatted(uniqueEmail("admin"), PASSWORD, PASSWORD));
    assertThat(founder.status()).as(founder.body()).isEqualTo(201);
    JsonNode body = founder.json();
    return new String[] {
      body.path("tokens").path("access").asString(),
      body.path("user").path("organization").path("id").asString(),
      body.path("user").path("organization").path("slug").asString()
    };
  }

  /**
   * A provisioned (password-less) user of {@code orgId}: {user id, phone as written (also the
   * username), the same phone in E.164}.
   */
  private String[] provisioned(String orgId) {
    String national = uniqueThaiMobile();
    Http.Response response =
        provision(
            http(),
            bookingServiceToken(http()),
            """
            {"phone": "%s", "first_name": "Malee", "last_name": "Srisuk", "organization": %s}
            """
                .formatted(national, orgId == null ? "null" : "\"" + orgId + "\""));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return new String[] {
      response.json().path("user").path("id").asString(), national, e164(national)
    };
  }

  private Http.Response issue(String accessToken, String userId) {
    return http()
        .bearer(accessToken)
        .postJson("/api/auth/password/setup-token", "{\"user_id\": \"%s\"}".formatted(userId));
  }

  private Http.Response setup(String token, String password1, String password2) {
    return http()
        .postJson(
            "/api/auth/password/setup/",
            """
            {"token": "%s", "password1": "%s", "password2": "%s"}
            """
                .formatted(token, password1, password2));
  }

  private Http.Response loginByPhone(String phone, String password) {
    return http()
        .postJson(
            "/api/auth/login/",
            """
            {"phone_number": "%s", "password": "%s"}
            """
                .formatted(phone, password));
  }

  private static String sha256(String value) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anAdminIssuesALinkTheUserSetsAPasswordAndLogsIn() throws Exception {
    String[] org = foundOrganisation();
    String[] user = provisioned(org[1]);

    Http.Response issued = issue(org[0], user[0]);

    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    assertThat(issued.json().propertyNames()).containsExactlyInAnyOrder("token", "expires_at");
    String token = issued.json().path("token").asString();
    assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 32 bytes, base64url without padding
    assertThat(Instant.parse(issued.json().path("expires_at").asString()))
        .isCloseTo(Instant.now().plus(24, ChronoUnit.HOURS), within(1, ChronoUnit.MINUTES));
    // only the hash is stored
    assertThat(
            jdbc.queryForObject(
                "select token_hash from password_setup_token where user_id = ?::uuid",
                String.class,
                user[0]))
        .isEqualTo(sha256(token));

    Http.Response done = setup(token, NEW_PASSWORD, NEW_PASSWORD);

    assertThat(done.status()).as(done.body()).isEqualTo(200);
    JsonNode body = done.json();
    assertThat(body.propertyNames()).containsExactly("user", "tokens");
    assertThat(body.path("tokens").propertyNames()).containsExactly("access", "refresh");
    assertThat(body.path("user").path("id").asString()).isEqualTo(user[0]);
    assertThat(body.path("user").path("username").asString()).isEqualTo(user[1]);
    assertThat(body.path("user").path("organization").path("slug").asString()).isEqualTo(org[2]);
    assertThat(body.path("user").path("roles").toString()).isEqualTo("[\"CUSTOMER\"]");
    assertThat(claims(body.path("tokens").path("access").asString()))
        .containsEntry("sub", user[0])
        .containsEntry("org_id", org[1]);

    // any spelling of the number logs in
    Http.Response login = loginByPhone(user[2], NEW_PASSWORD);
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.json().path("user").path("id").asString()).isEqualTo(user[0]);
    // and the account is claimed: no further links
    Http.Response again = issue(org[0], user[0]);
    assertThat(again.status()).as(again.body()).isEqualTo(409);
  }

  @Test
  void aLinkWorksOnlyOnce() {
    String[] org = foundOrganisation();
    String[] user = provisioned(org[1]);
    String token = issue(org[0], user[0]).json().path("token").asString();
    assertThat(setup(token, NEW_PASSWORD, NEW_PASSWORD).status()).isEqualTo(200);

    Http.Response reused = setup(token, "Another-Good-Pass-7", "Another-Good-Pass-7");

    assertProblem(reused, 410, LINK_GONE);
    assertThat(loginByPhone(user[1], "Another-Good-Pass-7").status()).isEqualTo(401);
    assertThat(loginByPhone(user[1], NEW_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void setUpWithOneLinkSpendsTheUsersOtherLinks() {
    String[] org = foundOrganisation();
    String[] user = provisioned(org[1]);
    String first = issue(org[0], user[0]).json().path("token").asString();
    String second = issue(org[0], user[0]).json().path("token").asString();

    assertThat(setup(second, NEW_PASSWORD, NEW_PASSWORD).status()).isEqualTo(200);

    assertProblem(setup(first, "Another-Good-Pass-7", "Another-Good-Pass-7"), 410, LINK_GONE);
  }

  @Test
  void anExpiredLinkIsRefused() {
    String[] org = foundOrganisation();
    String[] user = provisioned(org[1]);
    String token = issue(org[0], user[0]).json().path("token").asString();
    jdbc.update(
        "update password_setup_token set expires_at = now() - interval '1 second'"
            + " where user_id = ?::uuid",
        user[0]);

    assertProblem(setup(token, NEW_PASSWORD, NEW_PASSWORD), 410, LINK_GONE);
    assertThat(
            jdbc.queryForObject(
                "select password_hash is null from app_user where id = ?::uuid",
                Boolean.class,
                user[0]))
        .isTrue();
  }

  @Test
  void anUnknownLinkIsRefusedLikeASpentOne() {
    assertProblem(setup("x".repeat(43), NEW_PASSWORD, NEW_PASSWORD), 410, LINK_GONE);
  }

  @Test
  void differentPasswordsAreA400NamingPassword2AndLeaveTheLinkUsable() {
    String[] org = foundOrganisation();
    String[] user = provisioned(org[1]);
    String token = issue(org[0], user[0]).json().path("token").asString();

    assertProblem(
        setup(token, NEW_PASSWORD, NEW_PASSWORD + "x"),
        400,
        """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "Validation failed", "instance": "/api/auth/password/setup", "success": false,
         "error": "Validation failed", "message": "Validation failed",
         "details": {"password2": "The two password fields didn't match."}}
        """);
    assertProblem(
        setup(token, "password", "password"),
        400,
        """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "Validation failed", "instance": "/api/auth/password/setup", "success": false,
         "error": "Validation failed", "message": "Validation failed",
         "details": {"password1": "This password is too common."}}
        """);

    assertThat(setup(token, NEW_PASSWORD, NEW_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void aUserOfAnotherOrganisationIs404() {
    String[] mine = foundOrganisation();
    String[] theirs = foundOrganisation();
    String[] user = provisioned(theirs[1]);

    Http.Response response = issue(mine[0], user[0]);

    assertThat(response.status()).as(response.body()).isEqualTo(404);
    assertThat(response.json().path("type").asString()).isEqualTo("urn:fieldops:problem:not-found");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from password_setup_token where user_id = ?::uuid",
                Long.class,
                user[0]))
        .isZero();
  }

  @Test
  void aCustomerCannotIssueLinks() {
    String[] user = provisioned(null);
    String customer =
        register(uniqueEmail("customer"), null).json().path("tokens").path("access").asString();

    Http.Response response = issue(customer, user[0]);

    assertThat(response.status()).as(response.body()).isEqualTo(403);
  }

  @Test
  void issuingNeedsAToken() {
    Http.Response response =
        http()
            .postJson(
                "/api/auth/password/setup-token",
                "{\"user_id\": \"00000000-0000-0000-0000-000000000000\"}");

    assertThat(response.status()).as(response.body()).isEqualTo(401);
  }
}

package io.fieldops.auth.it;

import static io.fieldops.auth.it.ProvisioningIT.bookingServiceToken;
import static io.fieldops.auth.it.ProvisioningIT.e164;
import static io.fieldops.auth.it.ProvisioningIT.provision;
import static io.fieldops.auth.it.ProvisioningIT.uniqueThaiMobile;
import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static io.fieldops.platform.test.JsonAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12: what one organisation can do to a person whose account it shares with another. Each
 * test is an attack, step by step, through the same HTTP calls an attacker has: register an
 * organisation of their own, book through the public agent booking with the victim's phone (which
 * makes booking-service call the internal provisioning endpoint exactly as below), invite by email,
 * ask for a password set-up link.
 */
class TenantIsolationIT extends AuthIntegrationTest {

  private static final String MEMBERS = "/api/auth/organization/members/";
  private static final String NOT_OWNED =
      """
      {"type": "urn:fieldops:problem:account-not-owned", "title": "Conflict", "status": 409,
       "detail": "%1$s", "instance": "/api/auth/password/setup-token", "success": false,
       "error": "%1$s", "message": "%1$s"}
      """
          .formatted(
              "This account is not this organization's alone: another organization created it or"
                  + " has it as a member. Only its owner can set its password.");

  @Autowired JdbcTemplate jdbc;

  private static String orgId(Org org) {
    return (String) claims(org.access()).get("org_id");
  }

  /**
   * What booking-service sends for a public agent booking (its AuthServiceApi.ProvisionRequest):
   * the organisation's id as it resolved it, the phone and the caller's details as the agent typed
   * them, with its client-credentials token.
   */
  private Http.Response agentBooking(
      String organisationId, String phone, String firstName, String lastName, String email) {
    return provision(
        http(),
        bookingServiceToken(http()),
        """
        {"phone": "%s", "organization": "%s", "first_name": %s, "last_name": %s, "email": %s,
         "gender": null, "country": null}
        """
            .formatted(phone, organisationId, quoted(firstName), quoted(lastName), quoted(email)));
  }

  private static String quoted(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }

  private Http.Response setupLink(String accessToken, String userId) {
    return http()
        .bearer(accessToken)
        .postJson("/api/auth/password/setup-token", "{\"user_id\": \"%s\"}".formatted(userId));
  }

  private Http.Response setUp(String token, String password) {
    return http()
        .postJson(
            "/api/auth/password/setup/",
            """
            {"token": "%s", "password1": "%s", "password2": "%s"}
            """
                .formatted(token, password, password));
  }

  private Map<String, Object> storedIdentity(String userId) {
    return jdbc.queryForMap(
        "select username, email, first_name, last_name, phone, password_hash, password_set_at,"
            + " created_by_organisation_id::text as created_by, version"
            + " from app_user where id = ?::uuid",
        userId);
  }

  /** Organisation id -> "roles/level/origin" of every membership of the user. */
  private Map<String, String> memberships(String userId) {
    return jdbc
        .queryForList(
            "select organisation_id::text as org,"
                + " array_to_string(roles, ',') || '/' || level || '/' || origin as m"
                + " from membership where user_id = ?::uuid",
            userId)
        .stream()
        .collect(
            java.util.stream.Collectors.toMap(
                r -> (String) r.get("org"), r -> (String) r.get("m")));
  }

  private long setupLinksOf(String userId) {
    return jdbc.queryForObject(
        "select count(*) from password_setup_token where user_id = ?::uuid", Long.class, userId);
  }

  @Test
  void anOrganisationThatPullsInAnAgentBookedCustomerCannotGetASetupLinkForHer() {
    // The victim: booked by an agent of her own organisation, so she has an account without a
    // password that she has not claimed yet.
    Org home = newOrganisation();
    String national = uniqueThaiMobile();
    String email = uniqueEmail("malee");
    Http.Response booked = agentBooking(orgId(home), national, "Malee", "Srisuk", email);
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    String victim = booked.json().path("user").path("id").asString();
    Map<String, Object> before = storedIdentity(victim);

    // 1. The attacker registers an organisation of their own: they are its ADMIN.
    Org evil = newOrganisation();

    // 2. An anonymous agent booking with the victim's phone (another spelling of it) and
    //    X-Organization: <evil slug>; booking-service resolves the slug and calls provisioning.
    String written = "+66 " + national.substring(1, 3) + " " + national.substring(3);
    Http.Response pulledIn = agentBooking(orgId(evil), written, "Anyone", null, null);

    // It learns nothing it did not send: not her name, email or username.
    String asWritten = e164(national);
    assertJson(
        pulledIn,
        200,
        """
        {"created": false,
         "user": {"id": "%s", "username": "%s", "first_name": "Anyone", "last_name": "",
                  "email": null, "phone": "%s", "is_active": true}}
        """
            .formatted(victim, asWritten, asWritten));

    // 3. The attacker asks for a set-up link for her: refused, clearly.
    assertProblem(setupLink(evil.access(), victim), 409, NOT_OWNED);

    // 4. Nothing was issued, her identity is as it was, and the attacker's organisation has a
    //    customer it added and knows only by what it typed.
    assertThat(setupLinksOf(victim)).isZero();
    assertThat(storedIdentity(victim)).isEqualTo(before);
    assertThat(before).containsEntry("password_hash", null).containsEntry("first_name", "Malee");
    assertThat(memberships(victim))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                orgId(home), "CUSTOMER/0/CREATED",
                orgId(evil), "CUSTOMER/0/ADDED"));
    assertJson(
        http()
            .bearer(evil.access())
            .get(MEMBERS + "?role=CUSTOMER")
            .json()
            .path("results")
            .toString(),
        """
        [{"user_id": "%s", "username": "%s", "email": null, "first_name": "Anyone",
          "last_name": "", "phone_number": "%s", "roles": ["CUSTOMER"], "level": 0,
          "kind": "CUSTOMER", "is_active": true}]
        """
            .formatted(victim, asWritten, asWritten));
    for (String search : List.of("Malee", "srisuk", email)) {
      assertJson(
          http()
              .bearer(evil.access())
              .get(
                  "/api/auth/organization/users/?search="
                      + URLEncoder.encode(search, StandardCharsets.UTF_8)),
          200,
          "{\"results\": []}");
    }
    // her own organisation still sees her as she is
    assertThat(
            http()
                .bearer(home.access())
                .get("/api/auth/organization/users/?ids=" + victim)
                .json()
                .path("results")
                .get(0)
                .path("first_name")
                .asString())
        .isEqualTo("Malee");
    // The price: her own organisation cannot hand out a link either any more, since a link opens
    // every membership of the account; she claims it herself once password reset exists.
    assertProblem(setupLink(home.access(), victim), 409, NOT_OWNED);
  }

  @Test
  void anInvitedUnclaimedStaffMemberOfAnotherOrganisationCannotBeTakenOver() {
    // The victim: invited as ADMIN by her organisation, set-up link not used yet.
    Org home = newOrganisation();
    String email = uniqueEmail("nok");
    String national = uniqueThaiMobile();
    Http.Response hired =
        http()
            .bearer(home.access())
            .postJson(
                MEMBERS,
                """
                {"email": "%s", "first_name": "Nok", "last_name": "Boss", "phone_number": "%s",
                 "roles": ["ADMIN"]}
                """
                    .formatted(email, national));
    assertThat(hired.status()).as(hired.body()).isEqualTo(201);
    String victim = hired.json().path("member").path("user_id").asString();
    String homeLink = hired.json().path("setup_token").asString();
    Map<String, Object> before = storedIdentity(victim);

    Org evil = newOrganisation();

    // 1. The attacker invites her email: an invitation, not a membership, and not a word about
    //    her in the answer.
    Http.Response invited =
        http()
            .bearer(evil.access())
            .postJson(
                MEMBERS,
                """
                {"email": "%s", "first_name": "X", "roles": ["CUSTOMER"]}
                """
                    .formatted(email));
    assertThat(invited.status()).as(invited.body()).isEqualTo(201);
    assertThat(invited.json().path("created").asBoolean()).isFalse();
    assertThat(invited.json().path("member").isNull()).isTrue();
    assertThat(invited.body())
        .doesNotContain(victim)
        .doesNotContain("Nok")
        .doesNotContain(national);
    // even knowing her id, no link: she is not a member of the attacker's organisation
    Http.Response byId = setupLink(evil.access(), victim);
    assertThat(byId.status()).as(byId.body()).isEqualTo(404);

    // 2. An agent booking with her phone makes her the attacker's customer; still no link.
    assertThat(agentBooking(orgId(evil), national, "Nok", null, null).status()).isEqualTo(200);
    assertProblem(setupLink(evil.access(), victim), 409, NOT_OWNED);

    // 3. Her identity and her admin membership are untouched, nothing was issued to anyone else.
    assertThat(storedIdentity(victim)).isEqualTo(before);
    assertThat(memberships(victim))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                orgId(home), "ADMIN/3/CREATED",
                orgId(evil), "CUSTOMER/0/ADDED"));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from password_setup_token where user_id = ?::uuid"
                    + " and organisation_id = ?::uuid",
                Long.class,
                victim,
                orgId(evil)))
        .isZero();

    // 4. And a link handed out before another organisation had her no longer sets a password:
    //    whoever holds it could otherwise open her other memberships too.
    assertProblem(setUp(homeLink, "Mango-Sticky-Rice-42"), 410, PasswordSetupIT.LINK_GONE);
    assertThat(storedIdentity(victim)).containsEntry("password_hash", null);
  }

  @Test
  void anAgentCannotGetALinkForAnUnclaimedAdminOfTheirOwnOrganisation() {
    Org org = newOrganisation();
    Http admin = http().bearer(org.access());
    String unclaimedAdmin =
        admin
            .postJson(
                MEMBERS,
                "{\"email\": \"%s\", \"first_name\": \"Ann\", \"roles\": [\"ADMIN\"]}"
                    .formatted(uniqueEmail("ann")))
            .json()
            .path("member")
            .path("user_id")
            .asString();
    JsonNode agentInvite =
        admin
            .postJson(
                MEMBERS,
                "{\"email\": \"%s\", \"first_name\": \"Arun\", \"roles\": [\"AGENT\"]}"
                    .formatted(uniqueEmail("arun")))
            .json();
    Http.Response claimed = setUp(agentInvite.path("setup_token").asString(), PASSWORD);
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
    String agent = claimed.json().path("tokens").path("access").asString();
    assertThat(((Number) claims(agent).get("level")).intValue()).isEqualTo(1);

    assertProblem(
        setupLink(agent, unclaimedAdmin),
        403,
        """
        {"type": "urn:fieldops:problem:forbidden", "title": "Forbidden", "status": 403,
         "detail": "Access denied", "instance": "/api/auth/password/setup-token",
         "success": false, "error": "Access denied", "message": "Access denied"}
        """);
    assertThat(setupLinksOf(unclaimedAdmin)).isEqualTo(1); // only the one of the invitation

    // what an agent may do: a link for a customer their organisation's agent booking created
    Http.Response customer = agentBooking(orgId(org), uniqueThaiMobile(), "Cee", null, null);
    assertThat(customer.status()).isEqualTo(201);
    assertThat(setupLink(agent, customer.json().path("user").path("id").asString()).status())
        .isEqualTo(201);
    // and an admin for the unclaimed admin
    assertThat(setupLink(org.access(), unclaimedAdmin).status()).isEqualTo(201);
  }

  @Test
  void provisioningAnswersAnotherOrganisationOnlyWhatItSent() {
    Org a = newOrganisation();
    String national = uniqueThaiMobile();
    String email = uniqueEmail("somsri");
    Http.Response registered =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Somsri", "last_name": "Private",
                 "phone_number": "%s", "password1": "%s", "password2": "%s",
                 "organization": "%s"}
                """
                    .formatted(email, national, PASSWORD, PASSWORD, a.slug()));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String userId = registered.json().path("user").path("id").asString();
    Map<String, Object> before = storedIdentity(userId);
    Org b = newOrganisation();

    String spaced = "+66 " + national.substring(1, 3) + " " + national.substring(3);
    Http.Response first = agentBooking(orgId(b), spaced, " Walk ", "In", "WALK.IN@Example.com");

    String asWritten = e164(national);
    assertJson(
        first,
        200,
        """
        {"created": false,
         "user": {"id": "%s", "username": "%s", "first_name": "Walk", "last_name": "In",
                  "email": "WALK.IN@Example.com", "phone": "%s", "is_active": true}}
        """
            .formatted(userId, asWritten, asWritten));
    // b holds a membership now, but one it added: a second booking learns no more
    assertJson(
        agentBooking(orgId(b), national, null, null, null),
        200,
        """
        {"created": false,
         "user": {"id": "%s", "username": "%s", "first_name": "", "last_name": "",
                  "email": null, "phone": "%s", "is_active": true}}
        """
            .formatted(userId, national, national));
    assertThat(storedIdentity(userId)).isEqualTo(before);
    // b's staff see what b's first booking typed, in the directory too
    assertJson(
        http().bearer(b.access()).get("/api/auth/organization/users/?ids=" + userId),
        200,
        """
        {"results": [{"user_id": "%s", "username": "%s", "email": "WALK.IN@Example.com",
                      "first_name": "Walk", "last_name": "In", "phone_number": "%s",
                      "is_active": true}]}
        """
            .formatted(userId, asWritten, asWritten));
    // a, which she joined herself, is told who she is
    assertJson(
        agentBooking(orgId(a), spaced, "Other", "Name", null),
        200,
        """
        {"created": false,
         "user": {"id": "%s", "username": "%s", "first_name": "Somsri", "last_name": "Private",
                  "email": "%s", "phone": "%s", "is_active": true}}
        """
            .formatted(userId, email, email, national));
  }

  @Test
  void anOrganisationDeactivatingAPersonLocksThemOutOfItselfOnly() {
    Org a = newOrganisation();
    String email = uniqueEmail("dual");
    JsonNode joined = join(a, "Dual", email);
    String userId = joined.path("user").path("id").asString();
    Org b = newOrganisation();
    String invitation =
        http()
            .bearer(b.access())
            .postJson(MEMBERS, "{\"email\": \"%s\", \"roles\": [\"AGENT\"]}".formatted(email))
            .json()
            .path("invitation")
            .path("id")
            .asString();
    assertThat(
            http()
                .bearer(joined.path("tokens").path("access").asString())
                .postJson("/api/auth/invitations/" + invitation + "/accept/", "")
                .status())
        .isEqualTo(200);

    assertThat(
            http()
                .bearer(b.access())
                .postJson(MEMBERS + userId + "/deactivate/", "")
                .json()
                .path("is_active")
                .asBoolean())
        .isFalse();

    String login = "{\"email\": \"%s\", \"password\": \"%s\", \"organization\": \"%s\"}";
    assertThat(
            http()
                .postJson("/api/auth/login/", login.formatted(email, PASSWORD, b.slug()))
                .status())
        .isEqualTo(401);
    Http.Response stillIn =
        http().postJson("/api/auth/login/", login.formatted(email, PASSWORD, a.slug()));
    assertThat(stillIn.status()).as(stillIn.body()).isEqualTo(200);
    assertThat(memberships(userId))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(orgId(a), "CUSTOMER/0/CREATED", orgId(b), "AGENT/1/INVITED"));
  }
}

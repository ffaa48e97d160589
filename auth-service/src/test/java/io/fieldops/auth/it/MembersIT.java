package io.fieldops.auth.it;

import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static io.fieldops.platform.test.JsonAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.KafkaProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Organisation admin: list, change roles and level, deactivate; only an ADMIN (level 3) of the
 * caller's own organisation; another organisation's members answer 404 like missing ones.
 */
class MembersIT extends AuthIntegrationTest {

  private static final String MEMBERS = "/api/auth/organization/members/";

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  private static String member(
      String id,
      String email,
      String first,
      String last,
      String roles,
      int level,
      String kind,
      boolean active) {
    return """
        {"user_id": "%s", "username": "%s", "email": "%s", "first_name": "%s", "last_name": "%s",
         "phone_number": null, "roles": %s, "level": %d, "kind": "%s", "is_active": %s}
        """
        .formatted(id, email, email, first, last, roles, level, kind, active);
  }

  private static String notFound(String instance) {
    return """
        {"type": "urn:fieldops:problem:not-found", "title": "Not Found", "status": 404,
         "detail": "User not found", "instance": "%s", "success": false,
         "error": "User not found", "message": "User not found"}
        """
        .formatted(instance);
  }

  private static String forbidden(String instance) {
    return """
        {"type": "urn:fieldops:problem:forbidden", "title": "Forbidden", "status": 403,
         "detail": "Access denied", "instance": "%s", "success": false,
         "error": "Access denied", "message": "Access denied"}
        """
        .formatted(instance);
  }

  private static final String LAST_ADMIN =
      """
      {"type": "urn:fieldops:problem:last-admin", "title": "Conflict", "status": 409,
       "detail": "The organization must keep at least one active admin.", "instance": "%s",
       "success": false, "error": "The organization must keep at least one active admin.",
       "message": "The organization must keep at least one active admin."}
      """;

  @Test
  void adminListsMembersSortedByNameWithPagingAndRoleFilter() {
    Org org = newOrganisation();
    String zoeEmail = uniqueEmail("zoe");
    String bobEmail = uniqueEmail("bob");
    String zoe = join(org, "Zoe", zoeEmail).path("user").path("id").asString();
    String bob = join(org, "bob", bobEmail).path("user").path("id").asString();
    Http admin = http().bearer(org.access());

    assertJson(
        admin.get(MEMBERS),
        200,
        """
        {"count": 3, "page": 0, "size": 20, "results": [%s, %s, %s]}
        """
            .formatted(
                member(
                    org.adminId(),
                    org.adminEmail(),
                    "Ada",
                    "Admin",
                    "[\"ADMIN\"]",
                    3,
                    "STAFF",
                    true),
                member(bob, bobEmail, "bob", "Member", "[\"CUSTOMER\"]", 0, "CUSTOMER", true),
                member(zoe, zoeEmail, "Zoe", "Member", "[\"CUSTOMER\"]", 0, "CUSTOMER", true)));
    assertJson(
        admin.get("/api/auth/organization/members?page=1&size=2"),
        200,
        """
        {"count": 3, "page": 1, "size": 2, "results": [%s]}
        """
            .formatted(
                member(zoe, zoeEmail, "Zoe", "Member", "[\"CUSTOMER\"]", 0, "CUSTOMER", true)));
    assertJson(
        admin.get(MEMBERS + "?role=ADMIN"),
        200,
        """
        {"count": 1, "page": 0, "size": 20, "results": [%s]}
        """
            .formatted(
                member(
                    org.adminId(),
                    org.adminEmail(),
                    "Ada",
                    "Admin",
                    "[\"ADMIN\"]",
                    3,
                    "STAFF",
                    true)));
    assertProblem(
        admin.get(MEMBERS + "?role=boss&size=0"),
        400,
        """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "Validation failed", "instance": "/api/auth/organization/members",
         "success": false, "error": "Validation failed", "message": "Validation failed",
         "details": {"size": "Size must be between 1 and 100.",
          "role": "Unknown role; use CUSTOMER, AGENT, TECHNICIAN, SUPERVISOR or ADMIN."}}
        """);
  }

  @Test
  void nonAdminsAreRefusedWith403() {
    Org org = newOrganisation();
    String customer =
        join(org, "Carl", uniqueEmail("carl")).path("tokens").path("access").asString();
    Http asCustomer = http().bearer(customer);

    assertProblem(asCustomer.get(MEMBERS), 403, forbidden("/api/auth/organization/members"));
    assertProblem(
        asCustomer.patchJson(MEMBERS + org.adminId() + "/", "{\"level\": 0}"),
        403,
        forbidden("/api/auth/organization/members/" + org.adminId()));
    assertProblem(
        asCustomer.postJson(MEMBERS + org.adminId() + "/deactivate/", ""),
        403,
        forbidden("/api/auth/organization/members/" + org.adminId() + "/deactivate"));
    assertThat(http().get(MEMBERS).status()).isEqualTo(401);
  }

  @Test
  void adminChangesRolesAndLevelAndMembershipChangedIsPublished() {
    Org org = newOrganisation();
    String email = uniqueEmail("tech");
    JsonNode joined = join(org, "Tess", email);
    String userId = joined.path("user").path("id").asString();
    String orgId = joined.path("user").path("organization").path("id").asString();

    try (KafkaProbe probe = new KafkaProbe(kafka, "users")) {
      Http.Response changed =
          http()
              .bearer(org.access())
              .patchJson(
                  MEMBERS + userId + "/", "{\"roles\": [\"TECHNICIAN\", \"AGENT\"], \"level\": 0}");

      assertJson(
          changed,
          200,
          member(userId, email, "Tess", "Member", "[\"TECHNICIAN\", \"AGENT\"]", 0, "STAFF", true));
      ConsumerRecord<String, byte[]> event =
          probe.awaitRecord(
              Duration.ofSeconds(30),
              r ->
                  userId.equals(r.key())
                      && ProfileUpdateIT.json(r)
                          .path("type")
                          .asString()
                          .equals("membership.changed")
                      && ProfileUpdateIT.json(r)
                          .path("data")
                          .path("kind")
                          .asString()
                          .equals("STAFF"));
      JsonNode envelope = ProfileUpdateIT.json(event);
      assertThat(envelope.propertyNames())
          .containsExactlyInAnyOrder("id", "type", "version", "occurred_at", "org_id", "data");
      assertThat(envelope.path("org_id").asString()).isEqualTo(orgId);
      assertJson(
          envelope.path("data").toString(),
          """
          {"membership_id": "%s", "user_id": "%s", "organization_id": "%s",
           "roles": ["TECHNICIAN", "AGENT"], "level": 0, "kind": "STAFF", "active": true}
          """
              .formatted(envelope.path("data").path("membership_id").asString(), userId, orgId));
    }
    // the next refresh carries the new roles
    Http.Response refreshed =
        http()
            .postJson(
                "/api/auth/token/refresh/",
                "{\"refresh\": \"%s\"}"
                    .formatted(joined.path("tokens").path("refresh").asString()));
    assertThat(claims(refreshed.json().path("access").asString()).get("roles").toString())
        .contains("TECHNICIAN");
  }

  @Test
  void invalidRolesAndLevelsAreNamed() {
    Org org = newOrganisation();
    String userId = join(org, "Ivy", uniqueEmail("ivy")).path("user").path("id").asString();

    assertProblem(
        http()
            .bearer(org.access())
            .patchJson(MEMBERS + userId + "/", "{\"roles\": [\"OWNER\"], \"level\": 4}"),
        400,
        """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "Validation failed", "instance": "/api/auth/organization/members/%s",
         "success": false, "error": "Validation failed", "message": "Validation failed",
         "details": {"roles":
            "Unknown role; use CUSTOMER, AGENT, TECHNICIAN, SUPERVISOR or ADMIN.",
          "level": "Level must be between 0 and 3."}}
        """
            .formatted(userId));
    assertThat(
            http()
                .bearer(org.access())
                .patchJson(MEMBERS + userId + "/", "{\"roles\": []}")
                .json()
                .path("details")
                .path("roles")
                .asString())
        .isEqualTo("At least one role is required.");
  }

  @Test
  void theLastAdminCannotBeDemotedOrDeactivatedButOneOfTwoCan() {
    Org org = newOrganisation();
    String self = MEMBERS + org.adminId();

    assertProblem(
        http().bearer(org.access()).patchJson(self + "/", "{\"roles\": [\"SUPERVISOR\"]}"),
        409,
        LAST_ADMIN.formatted(self));
    assertProblem(
        http().bearer(org.access()).patchJson(self + "/", "{\"level\": 2}"),
        409,
        LAST_ADMIN.formatted(self));
    assertProblem(
        http().bearer(org.access()).postJson(self + "/deactivate/", ""),
        409,
        LAST_ADMIN.formatted(self + "/deactivate"));

    String second = join(org, "Sam", uniqueEmail("sam")).path("user").path("id").asString();
    assertThat(
            http()
                .bearer(org.access())
                .patchJson(MEMBERS + second + "/", "{\"roles\": [\"ADMIN\"], \"level\": 3}")
                .status())
        .isEqualTo(200);
    Http.Response demoted =
        http().bearer(org.access()).patchJson(self + "/", "{\"roles\": [\"SUPERVISOR\"]}");
    assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);
    assertThat(demoted.json().path("roles").toString()).isEqualTo("[\"SUPERVISOR\"]");
    // the old token still says ADMIN, but the membership no longer is: refused
    assertProblem(
        http().bearer(org.access()).get(MEMBERS), 403, forbidden("/api/auth/organization/members"));
  }

  @Test
  void deactivatedMemberCanNoLongerLogInOrRefreshAndUserDeactivatedIsPublished() {
    Org org = newOrganisation();
    String email = uniqueEmail("leaver");
    JsonNode joined = join(org, "Lee", email);
    String userId = joined.path("user").path("id").asString();

    try (KafkaProbe probe = new KafkaProbe(kafka, "users")) {
      Http.Response response =
          http().bearer(org.access()).postJson(MEMBERS + userId + "/deactivate/", "");

      assertJson(
          response,
          200,
          member(userId, email, "Lee", "Member", "[\"CUSTOMER\"]", 0, "CUSTOMER", false));
      ConsumerRecord<String, byte[]> event =
          probe.awaitRecord(
              Duration.ofSeconds(30),
              r ->
                  userId.equals(r.key())
                      && ProfileUpdateIT.json(r)
                          .path("type")
                          .asString()
                          .equals("user.deactivated"));
      JsonNode envelope = ProfileUpdateIT.json(event);
      String orgId = joined.path("user").path("organization").path("id").asString();
      assertThat(envelope.path("org_id").asString()).isEqualTo(orgId);
      assertJson(
          envelope.path("data").toString(),
          """
          {"user_id": "%s", "membership_id": "%s", "organization_id": "%s"}
          """
              .formatted(userId, envelope.path("data").path("membership_id").asString(), orgId));
    }

    Http.Response login =
        http()
            .postJson(
                "/api/auth/login/",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, PASSWORD));
    assertProblem(
        login,
        401,
        """
        {"type": "urn:fieldops:problem:invalid-credentials", "title": "Unauthorized",
         "status": 401, "detail": "Unable to log in with the provided credentials.",
         "instance": "/api/auth/login", "success": false,
         "error": "Unable to log in with the provided credentials.",
         "message": "Unable to log in with the provided credentials."}
        """);
    assertThat(
            http()
                .postJson(
                    "/api/auth/token/refresh/",
                    "{\"refresh\": \"%s\"}"
                        .formatted(joined.path("tokens").path("refresh").asString()))
                .status())
        .isEqualTo(401);
    // the still-unexpired access token no longer reads a profile
    assertThat(
            http()
                .bearer(joined.path("tokens").path("access").asString())
                .get("/api/auth/profile/")
                .status())
        .isEqualTo(404);
    // listed as inactive; deactivating again changes nothing
    assertThat(
            http()
                .bearer(org.access())
                .postJson(MEMBERS + userId + "/deactivate", "")
                .json()
                .path("is_active")
                .asBoolean())
        .isFalse();
  }

  @Test
  void anotherOrganisationsMembersAreInvisibleExactlyLikeMissingOnes() {
    Org a = newOrganisation();
    Org b = newOrganisation();
    String aMember = join(a, "Alice", uniqueEmail("alice")).path("user").path("id").asString();
    String missing = UUID.randomUUID().toString();
    Http bAdmin = http().bearer(b.access());

    Http.Response list = bAdmin.get(MEMBERS);
    assertThat(list.json().path("count").asInt()).isEqualTo(1);
    assertThat(list.json().path("results").get(0).path("user_id").asString())
        .isEqualTo(b.adminId());
    for (String id : new String[] {aMember, a.adminId(), missing}) {
      assertProblem(
          bAdmin.patchJson(MEMBERS + id + "/", "{\"level\": 1}"),
          404,
          notFound("/api/auth/organization/members/" + id));
      assertProblem(
          bAdmin.postJson(MEMBERS + id + "/deactivate/", ""),
          404,
          notFound("/api/auth/organization/members/" + id + "/deactivate"));
    }
    // A's member is untouched and still logs in
    Http.Response aList = http().bearer(a.access()).get(MEMBERS + "?role=CUSTOMER");
    assertThat(aList.json().path("results").get(0).path("is_active").asBoolean()).isTrue();
    assertThat(aList.json().path("results").get(0).path("level").asInt()).isZero();
  }

  // --- invitations -------------------------------------------------------------------------

  private static String login(String email, String organization) {
    return """
        {"email": "%s", "password": "%s"%s}
        """
        .formatted(
            email,
            PASSWORD,
            organization == null ? "" : ", \"organization\": \"" + organization + "\"");
  }

  @Test
  void aNewPersonInvitedByEmailClaimsTheAccountWithTheSetupToken() {
    Org org = newOrganisation();
    String email = uniqueEmail("tina");
    String setupToken;

    try (KafkaProbe probe = new KafkaProbe(kafka, "users")) {
      Http.Response invited =
          http()
              .bearer(org.access())
              .postJson(
                  MEMBERS,
                  """
                  {"email": "%s", "first_name": "Tina", "last_name": "Tech",
                   "roles": ["TECHNICIAN"]}
                  """
                      .formatted(email.toUpperCase(java.util.Locale.ROOT)));

      assertThat(invited.status()).as(invited.body()).isEqualTo(201);
      JsonNode body = invited.json();
      String userId = body.path("member").path("user_id").asString();
      setupToken = body.path("setup_token").asString();
      assertThat(setupToken).hasSizeGreaterThanOrEqualTo(43);
      assertJson(
          invited.body(),
          """
          {"created": true, "member": %s, "invitation": null, "setup_token": "%s",
           "setup_expires_at": "%s"}
          """
              .formatted(
                  member(userId, email, "Tina", "Tech", "[\"TECHNICIAN\"]", 0, "STAFF", true),
                  setupToken,
                  body.path("setup_expires_at").asString()));
      JsonNode registered =
          ProfileUpdateIT.json(
              probe.awaitRecord(
                  Duration.ofSeconds(30),
                  r ->
                      userId.equals(r.key())
                          && ProfileUpdateIT.json(r)
                              .path("type")
                              .asString()
                              .equals("user.registered")));
      assertThat(registered.path("data").path("kind").asString()).isEqualTo("STAFF");
      assertThat(registered.path("data").path("roles").toString()).isEqualTo("[\"TECHNICIAN\"]");
    }

    // no password yet: nobody can log in as the invited person
    assertThat(http().postJson("/api/auth/login/", login(email, org.slug())).status())
        .isEqualTo(401);
    Http.Response claimed =
        http()
            .postJson(
                "/api/auth/password/setup/",
                """
                {"token": "%s", "password1": "%s", "password2": "%s"}
                """
                    .formatted(setupToken, PASSWORD, PASSWORD));
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
    Http.Response login = http().postJson("/api/auth/login/", login(email, org.slug()));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(claims(login.json().path("tokens").path("access").asString()).get("roles"))
        .asString()
        .contains("TECHNICIAN");
  }

  @Test
  void anExistingAccountIsInvitedNotAddedAndBecomesAMemberOnlyWhenItAccepts() {
    Org home = newOrganisation();
    String email = uniqueEmail("known");
    String userId = join(home, "Kim", email).path("user").path("id").asString();
    Org other = newOrganisation();

    Http.Response invited =
        http()
            .bearer(other.access())
            .postJson(
                MEMBERS,
                """
                {"email": "%s", "first_name": "ignored", "roles": ["AGENT"]}
                """
                    .formatted(email.toUpperCase(java.util.Locale.ROOT)));

    // only that an invitation went out: nothing about the account it reached
    JsonNode invitation = invited.json().path("invitation");
    assertJson(
        invited,
        201,
        """
        {"created": false, "member": null,
         "invitation": {"id": "%s", "email": "%s", "roles": ["AGENT"], "level": 1,
                        "status": "PENDING", "invited_at": "%s", "expires_at": "%s"},
         "setup_token": null, "setup_expires_at": null}
        """
            .formatted(
                invitation.path("id").asString(),
                email,
                invitation.path("invited_at").asString(),
                invitation.path("expires_at").asString()));
    assertThat(invited.body()).doesNotContain(userId).doesNotContain("Kim");
    assertThat(
            java.time.Duration.between(
                java.time.Instant.parse(invitation.path("invited_at").asString()),
                java.time.Instant.parse(invitation.path("expires_at").asString())))
        .isEqualTo(java.time.Duration.ofDays(7));
    // not a member yet: no login for the organisation, not in its list
    assertThat(http().postJson("/api/auth/login/", login(email, other.slug())).status())
        .isEqualTo(401);
    assertThat(
            http().bearer(other.access()).get(MEMBERS + "?role=AGENT").json().path("count").asInt())
        .isZero();
    // a second invitation while this one is pending
    assertProblem(
        http()
            .bearer(other.access())
            .postJson(MEMBERS, "{\"email\": \"%s\", \"roles\": [\"ADMIN\"]}".formatted(email)),
        409,
        """
        {"type": "urn:fieldops:problem:invitation-pending", "title": "Conflict", "status": 409,
         "detail": "This person already has a pending invitation to the organization.",
         "instance": "/api/auth/organization/members", "success": false,
         "error": "This person already has a pending invitation to the organization.",
         "message": "This person already has a pending invitation to the organization."}
        """);

    String kim =
        http()
            .postJson("/api/auth/login/", login(email, home.slug()))
            .json()
            .path("tokens")
            .path("access")
            .asString();
    assertThat(
            http()
                .bearer(kim)
                .postJson(
                    "/api/auth/invitations/" + invitation.path("id").asString() + "/accept/", "")
                .status())
        .isEqualTo(200);

    Http.Response login = http().postJson("/api/auth/login/", login(email, other.slug()));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(claims(login.json().path("tokens").path("access").asString()).get("roles"))
        .asString()
        .contains("AGENT");
    // now the organisation knows who accepted
    assertJson(
        http()
            .bearer(other.access())
            .get(MEMBERS + "?role=AGENT")
            .json()
            .path("results")
            .toString(),
        "[" + member(userId, email, "Kim", "Member", "[\"AGENT\"]", 1, "STAFF", true) + "]");
    assertProblem(
        http()
            .bearer(other.access())
            .postJson(MEMBERS, "{\"email\": \"%s\", \"roles\": [\"AGENT\"]}".formatted(email)),
        409,
        """
        {"type": "urn:fieldops:problem:already-member", "title": "Conflict", "status": 409,
         "detail": "This user is already a member of the organization.",
         "instance": "/api/auth/organization/members", "success": false,
         "error": "This user is already a member of the organization.",
         "message": "This user is already a member of the organization."}
        """);
  }

  @Test
  void invitationsAreCheckedFieldByField() {
    Org org = newOrganisation();
    Http admin = http().bearer(org.access());

    Http.Response empty = admin.postJson(MEMBERS, "{}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().path("details").propertyNames())
        .containsExactlyInAnyOrder("email", "roles");

    Http.Response bad =
        admin.postJson(
            MEMBERS,
            """
            {"email": "%s", "roles": ["BOSS"], "level": 7, "phone_number": "12"}
            """
                .formatted(uniqueEmail("bad")));
    assertThat(bad.status()).isEqualTo(400);
    assertJson(
        bad.json().path("details").toString(),
        """
        {"roles": "Unknown role; use CUSTOMER, AGENT, TECHNICIAN, SUPERVISOR or ADMIN.",
         "level": "Level must be between 0 and 3.", "first_name": "This field may not be blank.",
         "phone_number": "Enter a valid phone number."}
        """);

    Http.Response thai =
        admin
            .thai()
            .postJson(
                MEMBERS,
                "{\"email\": \"%s\", \"first_name\": \"Th\", \"roles\": [\"admin\"]}"
                    .formatted(uniqueEmail("th")));
    assertThat(thai.status()).isEqualTo(400);
    assertThat(thai.json().path("details").path("roles").asString())
        .isEqualTo("บทบาทไม่ถูกต้อง ใช้ CUSTOMER, AGENT, TECHNICIAN, SUPERVISOR หรือ ADMIN");

    Org stranger = newOrganisation();
    String customer = uniqueEmail("cust");
    join(stranger, "Cy", customer);
    String customerToken =
        http()
            .postJson("/api/auth/login/", login(customer, stranger.slug()))
            .json()
            .path("tokens")
            .path("access")
            .asString();
    assertProblem(
        http()
            .bearer(customerToken)
            .postJson(
                MEMBERS, "{\"email\": \"%s\", \"roles\": [\"ADMIN\"]}".formatted(uniqueEmail("x"))),
        403,
        forbidden("/api/auth/organization/members"));
  }

  @Test
  void concurrentInvitationsOfOneEmailCreateOneAccount() throws Exception {
    Org org = newOrganisation();
    String email = uniqueEmail("rush");
    String body =
        "{\"email\": \"%s\", \"first_name\": \"Rush\", \"roles\": [\"AGENT\"]}".formatted(email);

    List<Integer> statuses =
        inParallel(12, () -> http().bearer(org.access()).postJson(MEMBERS, body).status());

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(11);
    assertThat(
            http().bearer(org.access()).get(MEMBERS + "?role=AGENT").json().path("count").asLong())
        .isEqualTo(1);
  }

  @Test
  void aReactivatedMemberLogsInAgain() {
    Org org = newOrganisation();
    String email = uniqueEmail("back");
    String userId = join(org, "Bea", email).path("user").path("id").asString();
    Http admin = http().bearer(org.access());
    assertThat(admin.postJson(MEMBERS + userId + "/deactivate/", "").status()).isEqualTo(200);
    assertThat(http().postJson("/api/auth/login/", login(email, org.slug())).status())
        .isEqualTo(401);

    try (KafkaProbe probe = new KafkaProbe(kafka, "users")) {
      assertJson(
          admin.postJson(MEMBERS + userId + "/reactivate/", ""),
          200,
          member(userId, email, "Bea", "Member", "[\"CUSTOMER\"]", 0, "CUSTOMER", true));
      probe.awaitRecord(
          Duration.ofSeconds(30),
          r ->
              userId.equals(r.key())
                  && ProfileUpdateIT.json(r).path("type").asString().equals("membership.changed"));
    }
    assertThat(http().postJson("/api/auth/login/", login(email, org.slug())).status())
        .isEqualTo(200);
    // idempotent
    assertThat(admin.postJson(MEMBERS + userId + "/reactivate/", "").status()).isEqualTo(200);
    UUID missing = UUID.randomUUID();
    assertProblem(
        admin.postJson(MEMBERS + missing + "/reactivate/", ""),
        404,
        notFound("/api/auth/organization/members/" + missing + "/reactivate"));
  }

  @Test
  void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
    for (int round = 0; round < 5; round++) {
      Org org = newOrganisation();
      String secondEmail = uniqueEmail("second");
      String second = join(org, "Sid", secondEmail).path("user").path("id").asString();
      assertThat(
              http()
                  .bearer(org.access())
                  .patchJson(MEMBERS + second + "/", "{\"roles\": [\"ADMIN\"], \"level\": 3}")
                  .status())
          .isEqualTo(200);
      String secondToken =
          http()
              .postJson("/api/auth/login/", login(secondEmail, org.slug()))
              .json()
              .path("tokens")
              .path("access")
              .asString();
      String demote = "{\"roles\": [\"SUPERVISOR\"], \"level\": 2}";

      java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
      List<Integer> statuses =
          inParallel(
              List.of(
                  () -> {
                    together.await();
                    return http()
                        .bearer(org.access())
                        .patchJson(MEMBERS + second + "/", demote)
                        .status();
                  },
                  () -> {
                    together.await();
                    return http()
                        .bearer(secondToken)
                        .patchJson(MEMBERS + org.adminId() + "/", demote)
                        .status();
                  }));

      // One wins. The other either waited for the organisation lock and found a single admin
      // left (409), or started after the first had committed and was no longer an admin (403).
      assertThat(statuses).as("round " + round).containsOnlyOnce(200);
      int loser = statuses.get(0) == 200 ? statuses.get(1) : statuses.get(0);
      assertThat(loser).as("round " + round).isIn(403, 409);
      String winnerToken = statuses.get(0) == 200 ? org.access() : secondToken;
      assertThat(
              http().bearer(winnerToken).get(MEMBERS + "?role=ADMIN").json().path("count").asLong())
          .as("round " + round)
          .isEqualTo(1);
    }
  }

  private static <T> List<T> inParallel(int copies, java.util.concurrent.Callable<T> task)
      throws Exception {
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Callable<T>> tasks = new java.util.ArrayList<>();
    for (int i = 0; i < copies; i++) {
      tasks.add(
          () -> {
            start.await();
            return task.call();
          });
    }
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(copies)) {
      List<java.util.concurrent.Future<T>> futures = tasks.stream().map(pool::submit).toList();
      start.countDown();
      List<T> results = new java.util.ArrayList<>();
      for (var f : futures) {
        results.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      return results;
    }
  }

  private static <T> List<T> inParallel(List<java.util.concurrent.Callable<T>> tasks)
      throws Exception {
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(tasks.size())) {
      List<java.util.concurrent.Future<T>> futures = tasks.stream().map(pool::submit).toList();
      List<T> results = new java.util.ArrayList<>();
      for (var f : futures) {
        results.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      return results;
    }
  }
}

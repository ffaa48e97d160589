package io.fieldops.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.KafkaProbe;
import java.time.Duration;
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

  /** An organisation founded by a new admin; its slug and the admin's tokens. */
  record Org(String slug, String adminId, String adminEmail, String access) {}

  private Org newOrganisation() {
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
  private JsonNode join(Org org, String firstName, String email) {
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
           "roles": ["TECHNICIAN", "AGENT"], "level": 0, "kind": "STAFF"}
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
}

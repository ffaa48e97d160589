package io.fieldops.auth.it;

import static io.fieldops.auth.it.ProvisioningIT.bookingServiceToken;
import static io.fieldops.auth.it.ProvisioningIT.provision;
import static io.fieldops.auth.it.ProvisioningIT.uniqueThaiMobile;
import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static io.fieldops.platform.test.JsonAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.KafkaProbe;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An existing account invited by an organisation: a pending invitation the person sees and answers
 * while logged in ({@code /api/auth/invitations/}); the membership, and {@code membership.changed},
 * only on accept.
 */
class InvitationIT extends AuthIntegrationTest {

  private static final String MEMBERS = "/api/auth/organization/members/";
  private static final String INVITATIONS = "/api/auth/invitations/";

  @Autowired JdbcTemplate jdbc;

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  /** A person with an account of their own (a customer of {@code home}) and their access token. */
  private record Person(String id, String email, String access) {}

  private Person person(Org home, String firstName) {
    String email = uniqueEmail(firstName.toLowerCase(java.util.Locale.ROOT));
    JsonNode joined = join(home, firstName, email);
    return new Person(
        joined.path("user").path("id").asString(),
        email,
        joined.path("tokens").path("access").asString());
  }

  private Http.Response invite(Org org, String email, String roles) {
    return http()
        .bearer(org.access())
        .postJson(MEMBERS, "{\"email\": \"%s\", \"roles\": %s}".formatted(email, roles));
  }

  private static String orgId(Org org) {
    return (String) claims(org.access()).get("org_id");
  }

  private String orgName(Org org) {
    return jdbc.queryForObject(
        "select name from organisation where slug = ?", String.class, org.slug());
  }

  private long membershipsIn(Org org, String userId) {
    return jdbc.queryForObject(
        "select count(*) from membership where user_id = ?::uuid and organisation_id = ?::uuid",
        Long.class,
        userId,
        orgId(org));
  }

  private static String problem(int status, String title, String code, String text, String path) {
    return """
        {"type": "urn:fieldops:problem:%s", "title": "%s", "status": %d, "detail": "%s",
         "instance": "%s", "success": false, "error": "%s", "message": "%s"}
        """
        .formatted(code, title, status, text, path, text, text);
  }

  private static boolean membershipChangedIn(
      ConsumerRecord<String, byte[]> record, String userId, String organisationId) {
    JsonNode event = ProfileUpdateIT.json(record);
    return userId.equals(record.key())
        && event.path("type").asString().equals("membership.changed")
        && event.path("data").path("organization_id").asString().equals(organisationId);
  }

  @Test
  void theInvitedPersonSeesAcceptsAndOnlyThenBecomesAMember() {
    Person kim = person(newOrganisation(), "Kim");
    Org other = newOrganisation();

    Http.Response invited = invite(other, kim.email(), "[\"SUPERVISOR\", \"AGENT\"]");
    assertThat(invited.status()).as(invited.body()).isEqualTo(201);
    String id = invited.json().path("invitation").path("id").asString();
    assertThat(membershipsIn(other, kim.id())).isZero();

    // she sees it, logged in with a token of her own organisation
    Http.Response mine = http().bearer(kim.access()).get(INVITATIONS);
    JsonNode listed = mine.json().path("results").get(0);
    String expectedView =
        """
        {"id": "%s", "organization": {"id": "%s", "slug": "%s", "name": "%s"},
         "roles": ["SUPERVISOR", "AGENT"], "level": 2, "status": "%s",
         "invited_at": "%s", "expires_at": "%s"}
        """;
    assertJson(
        mine,
        200,
        "{\"results\": ["
            + expectedView.formatted(
                id,
                orgId(other),
                other.slug(),
                orgName(other),
                "PENDING",
                listed.path("invited_at").asString(),
                listed.path("expires_at").asString())
            + "]}");

    try (KafkaProbe probe = new KafkaProbe(kafka, "users")) {
      Http.Response accepted =
          http().bearer(kim.access()).postJson(INVITATIONS + id + "/accept/", "");

      assertJson(
          accepted,
          200,
          expectedView.formatted(
              id,
              orgId(other),
              other.slug(),
              orgName(other),
              "ACCEPTED",
              listed.path("invited_at").asString(),
              listed.path("expires_at").asString()));
      JsonNode changed =
          ProfileUpdateIT.json(
              probe.awaitRecord(
                  Duration.ofSeconds(30), r -> membershipChangedIn(r, kim.id(), orgId(other))));
      assertThat(changed.path("org_id").asString()).isEqualTo(orgId(other));
      assertJson(
          changed.path("data").toString(),
          """
          {"membership_id": "%s", "user_id": "%s", "organization_id": "%s",
           "roles": ["SUPERVISOR", "AGENT"], "level": 2, "kind": "STAFF", "active": true}
          """
              .formatted(
                  changed.path("data").path("membership_id").asString(), kim.id(), orgId(other)));
      // one event for this membership: none was published when the invitation was sent (one key,
      // one partition, in order: an earlier one would have been read before this one)
      assertThat(probe.seen())
          .filteredOn(r -> membershipChangedIn(r, kim.id(), orgId(other)))
          .hasSize(1);
    }
    assertThat(
            jdbc.queryForObject(
                "select array_to_string(roles, ',') || '/' || level || '/' || kind || '/' || origin"
                    + " from membership where user_id = ?::uuid and organisation_id = ?::uuid",
                String.class,
                kim.id(),
                orgId(other)))
        .isEqualTo("SUPERVISOR,AGENT/2/STAFF/INVITED");
    assertJson(http().bearer(kim.access()).get(INVITATIONS), 200, "{\"results\": []}");
    Http.Response login =
        http()
            .postJson(
                "/api/auth/login/",
                """
                {"email": "%s", "password": "%s", "organization": "%s"}
                """
                    .formatted(kim.email(), PASSWORD, other.slug()));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.json().path("user").path("level").asInt()).isEqualTo(2);

    String answered = "This invitation has already been answered.";
    String path = "/api/auth/invitations/" + id;
    assertProblem(
        http().bearer(kim.access()).postJson(INVITATIONS + id + "/accept/", ""),
        409,
        problem(409, "Conflict", "invitation-answered", answered, path + "/accept"));
    assertProblem(
        http().bearer(kim.access()).postJson(INVITATIONS + id + "/decline/", ""),
        409,
        problem(409, "Conflict", "invitation-answered", answered, path + "/decline"));
  }

  @Test
  void strangersCannotSeeAcceptOrDeclineSomeoneElsesInvitation() {
    Org home = newOrganisation();
    Person kim = person(home, "Kim");
    Person stranger = person(home, "Stranger");
    Org other = newOrganisation();
    String id =
        invite(other, kim.email(), "[\"ADMIN\"]").json().path("invitation").path("id").asString();

    assertJson(http().bearer(stranger.access()).get(INVITATIONS), 200, "{\"results\": []}");
    // the stranger, the inviting admin himself, and a made-up id: all the same 404
    for (String token : new String[] {stranger.access(), other.access(), home.access()}) {
      for (String answer : new String[] {"accept", "decline"}) {
        String path = "/api/auth/invitations/" + id + "/" + answer;
        assertProblem(
            http().bearer(token).postJson(path + "/", ""),
            404,
            problem(404, "Not Found", "not-found", "Invitation not found", path));
      }
    }
    String missing = "/api/auth/invitations/" + UUID.randomUUID() + "/accept";
    assertProblem(
        http().bearer(kim.access()).postJson(missing, ""),
        404,
        problem(404, "Not Found", "not-found", "Invitation not found", missing));
    assertThat(http().get(INVITATIONS).status()).isEqualTo(401);
    assertThat(http().postJson(INVITATIONS + id + "/accept/", "").status()).isEqualTo(401);

    // nothing happened: still pending, nobody was added
    assertThat(membershipsIn(other, kim.id())).isZero();
    assertThat(membershipsIn(other, stranger.id())).isZero();
    assertThat(http().bearer(kim.access()).get(INVITATIONS).json().path("results").size())
        .isEqualTo(1);
  }

  @Test
  void aDeclinedInvitationGrantsNothingAndANewOneMayFollow() {
    Person kim = person(newOrganisation(), "Kim");
    Org other = newOrganisation();
    String id =
        invite(other, kim.email(), "[\"AGENT\"]").json().path("invitation").path("id").asString();

    Http.Response declined =
        http().bearer(kim.access()).postJson(INVITATIONS + id + "/decline/", "");

    assertThat(declined.status()).as(declined.body()).isEqualTo(200);
    assertThat(declined.json().path("status").asString()).isEqualTo("DECLINED");
    assertThat(membershipsIn(other, kim.id())).isZero();
    assertProblem(
        http().bearer(kim.access()).postJson(INVITATIONS + id + "/accept/", ""),
        409,
        problem(
            409,
            "Conflict",
            "invitation-answered",
            "This invitation has already been answered.",
            "/api/auth/invitations/" + id + "/accept"));
    assertThat(membershipsIn(other, kim.id())).isZero();
    // the organisation may ask again
    Http.Response again = invite(other, kim.email(), "[\"AGENT\"]");
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json().path("invitation").path("id").asString()).isNotEqualTo(id);
  }

  @Test
  void anExpiredInvitationCannotBeAnsweredAndMakesWayForANewOne() {
    Person kim = person(newOrganisation(), "Kim");
    Org other = newOrganisation();
    String id =
        invite(other, kim.email(), "[\"AGENT\"]").json().path("invitation").path("id").asString();
    // its time is up (relative to when it was sent, whatever today's date)
    jdbc.update("update invitation set expires_at = created_at where id = ?::uuid", id);

    assertJson(http().bearer(kim.access()).get(INVITATIONS), 200, "{\"results\": []}");
    assertProblem(
        http().bearer(kim.access()).postJson(INVITATIONS + id + "/accept/", ""),
        409,
        problem(
            409,
            "Conflict",
            "invitation-expired",
            "This invitation has expired.",
            "/api/auth/invitations/" + id + "/accept"));
    assertThat(membershipsIn(other, kim.id())).isZero();

    Http.Response again = invite(other, kim.email(), "[\"AGENT\"]");
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(
            jdbc.queryForObject(
                "select status from invitation where id = ?::uuid", String.class, id))
        .isEqualTo("EXPIRED");
    assertThat(http().bearer(kim.access()).get(INVITATIONS).json().path("results").size())
        .isEqualTo(1);
  }

  @Test
  void aCustomerAddedByAnAgentBookingIsKnownToTheOrganisationOnlyOnceSheAccepts() {
    Org home = newOrganisation();
    String national = uniqueThaiMobile();
    String email = uniqueEmail("pim");
    Http.Response registered =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Pim", "last_name": "Real", "phone_number": "%s",
                 "password1": "%s", "password2": "%s", "organization": "%s"}
                """
                    .formatted(email, national, PASSWORD, PASSWORD, home.slug()));
    String pim = registered.json().path("user").path("id").asString();
    String access = registered.json().path("tokens").path("access").asString();
    Org shop = newOrganisation();
    Http.Response booked =
        provision(
            http(),
            bookingServiceToken(http()),
            """
            {"phone": "%s", "organization": "%s", "first_name": "Booked", "last_name": "By Phone"}
            """
                .formatted(national, orgId(shop)));
    assertThat(booked.status()).as(booked.body()).isEqualTo(200);
    Http admin = http().bearer(shop.access());
    assertThat(
            admin
                .get(MEMBERS + "?role=CUSTOMER")
                .json()
                .path("results")
                .get(0)
                .path("first_name")
                .asString())
        .isEqualTo("Booked");

    // a customer the shop only added is no member it knows: it may invite her
    Http.Response invited = invite(shop, email, "[\"AGENT\"]");
    assertThat(invited.status()).as(invited.body()).isEqualTo(201);
    assertThat(invited.body()).doesNotContain(pim);
    String id = invited.json().path("invitation").path("id").asString();
    assertThat(http().bearer(access).postJson(INVITATIONS + id + "/accept/", "").status())
        .isEqualTo(200);

    // one membership, changed to what she accepted, and now the shop knows who she is
    assertThat(membershipsIn(shop, pim)).isEqualTo(1);
    assertJson(
        admin.get(MEMBERS + "?role=AGENT").json().path("results").toString(),
        """
        [{"user_id": "%s", "username": "%s", "email": "%s", "first_name": "Pim",
          "last_name": "Real", "phone_number": "%s", "roles": ["AGENT"], "level": 1,
          "kind": "STAFF", "is_active": true}]
        """
            .formatted(pim, email, email, national));
  }
}

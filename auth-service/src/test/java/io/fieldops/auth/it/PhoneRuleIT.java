package io.fieldops.auth.it;

import static io.fieldops.auth.it.ProvisioningIT.bookingServiceToken;
import static io.fieldops.auth.it.ProvisioningIT.provision;
import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static io.fieldops.platform.test.JsonAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The suite's one phone rule as auth-service applies it (issue 11): numbers kept as written and
 * compared by key, the organisation's strict validation, and its admin's {@code PATCH
 * /api/auth/organization/}.
 */
class PhoneRuleIT extends AuthIntegrationTest {

  private static final String ORGANIZATION = "/api/auth/organization/";

  @Autowired JdbcTemplate jdbc;

  /** A customer of {@code org} with {@code phone}; the raw answer. */
  private Http.Response registerIn(Org org, String email, String phone) {
    return http()
        .postJson(
            "/api/auth/register/",
            """
            {"email": "%s", "first_name": "Test", "last_name": "User", "phone_number": "%s",
             "password1": "%s", "password2": "%s", "organization": "%s"}
            """
                .formatted(email, phone, PASSWORD, PASSWORD, org.slug()));
  }

  private Http.Response loginByPhone(Org org, String phone) {
    return http()
        .postJson(
            "/api/auth/login/",
            """
            {"phone_number": "%s", "password": "%s", "organization": "%s"}
            """
                .formatted(phone, PASSWORD, org.slug()));
  }

  private Http.Response provisionIn(Org org, String phone) {
    return provision(
        http(),
        bookingServiceToken(http()),
        """
        {"phone": "%s", "first_name": "Walk", "last_name": "In", "organization": "%s"}
        """
            .formatted(phone, org.slug()));
  }

  private String accessOf(String email, Org org) {
    Http.Response login =
        http()
            .postJson(
                "/api/auth/login/",
                """
                {"email": "%s", "password": "%s", "organization": "%s"}
                """
                    .formatted(email, PASSWORD, org.slug()));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    return login.json().path("tokens").path("access").asString();
  }

  private Http.Response patch(String access, String json) {
    return http().bearer(access).patchJson(ORGANIZATION, json);
  }

  private static String organisation(Org org, JsonNode actual, String region, boolean strict) {
    return """
        {"id": "%s", "slug": "%s", "name": "%s", "default_phone_region": "%s",
         "strict_phone_validation": %s, "date_order": "DMY"}
        """
        .formatted(
            actual.path("id").asString(),
            org.slug(),
            actual.path("name").asString(),
            region,
            strict);
  }

  private static String validation(String details) {
    return """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "Validation failed", "instance": "/api/auth/organization", "success": false,
         "error": "Validation failed", "message": "Validation failed", "details": %s}
        """
        .formatted(details);
  }

  @Test
  void threeSpellingsOfAThaiMobileAreOnePersonInAThaiOrganisation() {
    Org org = newOrganisation();
    String email = uniqueEmail("somchai");

    Http.Response registered = registerIn(org, email, "081-234-5678");
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String userId = registered.json().path("user").path("id").asString();
    assertThat(registered.json().path("user").path("phone_number").asString())
        .isEqualTo("0812345678");
    assertThat(claims(registered.json().path("tokens").path("access").asString()))
        .containsEntry("phone_number", "0812345678");

    Http.Response login = loginByPhone(org, "(081) 234 5678");
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.json().path("user").path("id").asString()).isEqualTo(userId);

    Http.Response provisioned = provisionIn(org, "+66 81 234 5678");
    assertJson(
        provisioned,
        200,
        """
        {"created": false,
         "user": {"id": "%s", "username": "%s", "first_name": "Test", "last_name": "User",
                  "email": "%s", "phone": "0812345678", "is_active": true}}
        """
            .formatted(userId, email, email));

    assertThat(
            jdbc.queryForList(
                "select phone || ' ' || phone_key from app_user where phone_key = '+66812345678'",
                String.class))
        .containsExactly("0812345678 +66812345678");
    // a fourth spelling is taken too
    Http.Response again = registerIn(org, uniqueEmail("copy"), "081.234.5678");
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.json().path("details").path("phone_number").asString())
        .isEqualTo("A user with that phone number already exists.");
  }

  @Test
  void tenDigitsAreAcceptedUntilTheAdminTurnsStrictValidationOn() {
    Org org = newOrganisation();
    String email = uniqueEmail("lenient");

    // 9876543210 is no Thai number, but the user documents' ten digits: accepted by default
    Http.Response lenient = registerIn(org, email, "98765-43210");
    assertThat(lenient.status()).as(lenient.body()).isEqualTo(201);
    assertThat(lenient.json().path("user").path("phone_number").asString()).isEqualTo("9876543210");
    assertThat(
            jdbc.queryForObject(
                "select phone_key from app_user where id = ?::uuid",
                String.class,
                lenient.json().path("user").path("id").asString()))
        .isEqualTo("9876543210");

    Http.Response strict = patch(org.access(), "{\"strict_phone_validation\": true}");
    assertJson(strict, 200, organisation(org, strict.json(), "TH", true));

    assertProblem(
        registerIn(org, uniqueEmail("strict"), "9876543219"),
        400,
        """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "Validation failed", "instance": "/api/auth/register", "success": false,
         "error": "Validation failed", "message": "Validation failed",
         "details": {"phone_number": "Enter a valid phone number."}}
        """);
    Http.Response provisionRefused = provisionIn(org, "9876543219");
    assertThat(provisionRefused.status()).as(provisionRefused.body()).isEqualTo(400);
    assertThat(provisionRefused.json().path("details").path("phone").asString())
        .isEqualTo("Enter a valid phone number.");
    Http.Response inviteRefused =
        http()
            .bearer(org.access())
            .postJson(
                "/api/auth/organization/members/",
                """
                {"email": "%s", "first_name": "Ivy", "roles": ["AGENT"],
                 "phone_number": "9876543219"}
                """
                    .formatted(uniqueEmail("ivy")));
    assertThat(inviteRefused.status()).as(inviteRefused.body()).isEqualTo(400);
    assertThat(inviteRefused.json().path("details").path("phone_number").asString())
        .isEqualTo("Enter a valid phone number.");
    Http.Response profileRefused =
        http()
            .bearer(accessOf(email, org))
            .patchJson("/api/auth/profile/update/", "{\"phone_number\": \"9876543219\"}");
    assertThat(profileRefused.status()).as(profileRefused.body()).isEqualTo(400);
    assertThat(profileRefused.json().path("details").path("phone_number").asString())
        .isEqualTo("Enter a valid phone number.");
    // a number valid in Thailand is still welcome
    assertThat(registerIn(org, uniqueEmail("valid"), "089 111 2233").status()).isEqualTo(201);
    // the number stored before still finds its owner: strictness decides what is stored, not who
    // is found
    assertThat(loginByPhone(org, "9876543210").status()).isEqualTo(200);
    Http.Response found = provisionIn(org, "987 654 3210");
    assertThat(found.status()).as(found.body()).isEqualTo(200);
    assertThat(found.json().path("user").path("phone").asString()).isEqualTo("9876543210");

    // and off again: accepted again
    assertThat(patch(org.access(), "{\"strict_phone_validation\": false}").status()).isEqualTo(200);
    assertThat(registerIn(org, uniqueEmail("relaxed"), "9876543219").status()).isEqualTo(201);
  }

  @Test
  void theAdminSetsRegionAndStrictnessAndEveryMemberSeesThem() {
    Org org = newOrganisation();
    String customerEmail = uniqueEmail("cust");
    join(org, "Cleo", customerEmail);

    Http.Response before = http().bearer(org.access()).get(ORGANIZATION);
    assertJson(before, 200, organisation(org, before.json(), "TH", false));
    assertThat(before.header("ETag")).isEqualTo("\"0\"");

    Http.Response changed =
        http()
            .bearer(org.access())
            .header("If-Match", "\"0\"")
            .patchJson(
                ORGANIZATION,
                "{\"default_phone_region\": \"in\", \"strict_phone_validation\": true}");
    assertJson(changed, 200, organisation(org, changed.json(), "IN", true));
    assertThat(changed.header("ETag")).isEqualTo("\"1\"");
    Http.Response seen = http().bearer(accessOf(customerEmail, org)).get("/api/auth/organization");
    assertJson(seen, 200, organisation(org, changed.json(), "IN", true));
    assertThat(seen.header("ETag")).isEqualTo("\"1\"");

    // numbers are now read in India: valid there, so accepted although strict, keyed by E.164
    Http.Response indian = registerIn(org, uniqueEmail("indian"), "98765 43211");
    assertThat(indian.status()).as(indian.body()).isEqualTo(201);
    assertThat(indian.json().path("user").path("phone_number").asString()).isEqualTo("9876543211");
    assertThat(
            jdbc.queryForObject(
                "select phone_key from app_user where id = ?::uuid",
                String.class,
                indian.json().path("user").path("id").asString()))
        .isEqualTo("+919876543211");

    // the same setting again changes nothing, not even the version
    Http.Response same = patch(org.access(), "{\"strict_phone_validation\": true}");
    assertThat(same.header("ETag")).isEqualTo("\"1\"");
    // a stale If-Match is refused and changes nothing
    Http.Response stale =
        http()
            .bearer(org.access())
            .header("If-Match", "\"0\"")
            .patchJson(ORGANIZATION, "{\"strict_phone_validation\": false}");
    assertThat(stale.status()).as(stale.body()).isEqualTo(412);
    assertThat(http().bearer(org.access()).get(ORGANIZATION).json().path("strict_phone_validation"))
        .hasToString("true");
  }

  @Test
  void badSettingsAreA400NamingTheFieldAndChangeNothing() {
    Org org = newOrganisation();

    assertProblem(
        patch(
            org.access(), "{\"default_phone_region\": \"XX\", \"strict_phone_validation\": true}"),
        400,
        validation(
            "{\"default_phone_region\":"
                + " \"Unknown phone region; use a two-letter country code such as TH.\"}"));
    assertProblem(
        patch(org.access(), "{\"default_phone_region\": \"\"}"),
        400,
        validation(
            "{\"default_phone_region\":"
                + " \"Unknown phone region; use a two-letter country code such as TH.\"}"));
    assertProblem(
        patch(org.access(), "{\"strict_phone_validation\": \"yes\"}"),
        400,
        """
        {"type": "urn:fieldops:problem:type-mismatch", "title": "Bad Request", "status": 400,
         "detail": "'strict_phone_validation' must be true or false",
         "instance": "/api/auth/organization", "success": false,
         "error": "'strict_phone_validation' must be true or false",
         "message": "'strict_phone_validation' must be true or false",
         "details": {"strict_phone_validation": "'strict_phone_validation' must be true or false"}}
        """);
    for (String notBoolean : new String[] {"\"true\"", "1", "[]", "{}"}) {
      Http.Response refused =
          patch(org.access(), "{\"strict_phone_validation\": %s}".formatted(notBoolean));
      assertThat(refused.status()).as(notBoolean + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().path("details").has("strict_phone_validation"))
          .as(refused.body())
          .isTrue();
    }
    // nothing else of the organisation is set here, and no other organisation can be named
    Http.Response unknown = patch(org.access(), "{\"date_order\": \"MDY\"}");
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.json().path("details").has("date_order")).as(unknown.body()).isTrue();

    Http.Response after = http().bearer(org.access()).get(ORGANIZATION);
    assertJson(after, 200, organisation(org, after.json(), "TH", false));
    assertThat(after.header("ETag")).isEqualTo("\"0\"");
  }

  @Test
  void onlyTheOrganisationsOwnAdminChangesIt() {
    Org org = newOrganisation();
    String customerEmail = uniqueEmail("cust");
    String supervisorEmail = uniqueEmail("super");
    join(org, "Cleo", customerEmail);
    String supervisor = join(org, "Sam", supervisorEmail).path("user").path("id").asString();
    assertThat(
            http()
                .bearer(org.access())
                .patchJson(
                    "/api/auth/organization/members/" + supervisor + "/",
                    "{\"roles\": [\"SUPERVISOR\"], \"level\": 2}")
                .status())
        .isEqualTo(200);
    String forbidden =
        """
        {"type": "urn:fieldops:problem:forbidden", "title": "Forbidden", "status": 403,
         "detail": "Access denied", "instance": "/api/auth/organization", "success": false,
         "error": "Access denied", "message": "Access denied"}
        """;

    assertProblem(
        patch(accessOf(customerEmail, org), "{\"strict_phone_validation\": true}"), 403, forbidden);
    assertProblem(
        patch(accessOf(supervisorEmail, org), "{\"strict_phone_validation\": true}"),
        403,
        forbidden);
    // the check comes before the input's: a non-admin learns nothing from a bad value either
    assertProblem(
        patch(accessOf(customerEmail, org), "{\"default_phone_region\": \"XX\"}"), 403, forbidden);
    assertThat(http().patchJson(ORGANIZATION, "{\"strict_phone_validation\": true}").status())
        .isEqualTo(401);

    // another organisation's admin changes their own organisation, never this one
    Org other = newOrganisation();
    Http.Response theirs = patch(other.access(), "{\"strict_phone_validation\": true}");
    assertJson(theirs, 200, organisation(other, theirs.json(), "TH", true));
    Http.Response named =
        patch(
            other.access(),
            "{\"strict_phone_validation\": true, \"organization\": \"%s\"}".formatted(org.slug()));
    assertThat(named.status()).as(named.body()).isEqualTo(400);
    Http.Response mine = http().bearer(org.access()).get(ORGANIZATION);
    assertJson(mine, 200, organisation(org, mine.json(), "TH", false));
    assertThat(mine.header("ETag")).isEqualTo("\"0\"");
  }
}

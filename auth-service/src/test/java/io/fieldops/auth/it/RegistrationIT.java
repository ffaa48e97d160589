package io.fieldops.auth.it;

import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static io.fieldops.platform.test.JsonAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/auth/register/ (seeds 002 and 004): happy paths, every refusal, races, events. */
class RegistrationIT extends AuthIntegrationTest {

  @Autowired JdbcTemplate jdbc;

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  @Test
  void seed002RegistrationJoinsTheDefaultOrganisationAsCustomer() {
    String email = uniqueEmail("seed");
    Http.Response response = register(email, "+15551234567");

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode body = response.json();
    assertThat(body.propertyNames()).containsExactly("user", "tokens");
    assertThat(body.path("tokens").propertyNames()).containsExactly("access", "refresh");
    assertJson(
        body.path("user").toString(),
        expectedUser(body.path("user"), email, "+15551234567", "demo", "Demo", "CUSTOMER", 0));

    Map<String, Object> claims = claims(body.path("tokens").path("access").asString());
    assertThat(claims)
        .containsEntry("sub", body.path("user").path("id").asString())
        .containsEntry("email", email)
        .containsEntry("given_name", "Test")
        .containsEntry("family_name", "User")
        .containsEntry("phone_number", "+15551234567")
        .containsEntry("org_id", body.path("user").path("organization").path("id").asString())
        .containsEntry("roles", List.of("CUSTOMER"))
        .containsEntry("level", 0L)
        .containsKeys("iss", "iat", "exp");
    assertThat((Long) claims.get("exp") - (Long) claims.get("iat")).isEqualTo(15 * 60L);
  }

  @Test
  void pathWorksWithoutTheTrailingSlashToo() {
    Http.Response response =
        http().postJson("/api/auth/register", registration(uniqueEmail("noslash"), null));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().path("user").path("phone_number").isNull()).isTrue();
  }

  @Test
  void organizationNameFoundsANewOrganisationWithTheUserAsAdmin() {
    String email = uniqueEmail("founder");
    Http.Response response =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Test", "last_name": "User",
                 "password1": "%s", "password2": "%s", "organization_name": "John's Business"}
                """
                    .formatted(email, PASSWORD, PASSWORD));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode user = response.json().path("user");
    String slug = user.path("organization").path("slug").asString();
    assertThat(slug).startsWith("johns-business");
    assertJson(
        user.toString(), expectedUser(user, email, null, slug, "John's Business", "ADMIN", 3));
    assertThat(claims(response.json().path("tokens").path("access").asString()))
        .containsEntry("roles", List.of("ADMIN"))
        .containsEntry("level", 3L);
  }

  @Test
  void organizationBySlugOrIdJoinsItAsCustomer() {
    Http.Response founder =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Test", "password1": "%s", "password2": "%s",
                 "organization_name": "Pest Busters"}
                """
                    .formatted(uniqueEmail("owner"), PASSWORD, PASSWORD));
    JsonNode organisation = founder.json().path("user").path("organization");

    for (String reference :
        List.of(organisation.path("slug").asString(), organisation.path("id").asString())) {
      String email = uniqueEmail("client");
      Http.Response joined =
          http()
              .postJson(
                  "/api/auth/register/",
                  """
                  {"email": "%s", "first_name": "Test", "last_name": "User",
                   "password1": "%s", "password2": "%s", "organization": "%s"}
                  """
                      .formatted(email, PASSWORD, PASSWORD, reference));

      assertThat(joined.status()).as(joined.body()).isEqualTo(201);
      JsonNode user = joined.json().path("user");
      assertJson(
          user.toString(),
          expectedUser(
              user,
              email,
              null,
              organisation.path("slug").asString(),
              "Pest Busters",
              "CUSTOMER",
              0));
      assertThat(user.path("organization").path("id").asString())
          .isEqualTo(organisation.path("id").asString());
    }
  }

  @Test
  void unknownOrganizationIsA400NamingTheField() {
    Http.Response response =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Test", "password1": "%s", "password2": "%s",
                 "organization": "no-such-org"}
                """
                    .formatted(uniqueEmail("lost"), PASSWORD, PASSWORD));

    assertProblem(
        response,
        400,
        """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "Validation failed", "instance": "/api/auth/register", "success": false,
         "error": "Validation failed", "message": "Validation failed",
         "details": {"organization": "Organization not found."}}
        """);
  }

  /** Issue 16: both used to found a new organisation silently, the one named to join ignored. */
  @Test
  void organizationAndOrganizationNameTogetherAreA400NamingBoth() {
    String email = uniqueEmail("both");
    Integer organisations = jdbc.queryForObject("select count(*) from organisation", Integer.class);

    Http.Response response =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Test", "password1": "%s", "password2": "%s",
                 "organization": "default", "organization_name": "John's Business"}
                """
                    .formatted(email, PASSWORD, PASSWORD));

    String text =
        "Give either organization (to join an existing organization) or organization_name (to"
            + " found a new one), not both.";
    assertProblem(
        response,
        400,
        """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "%1$s", "instance": "/api/auth/register", "success": false,
         "error": "%1$s", "message": "%1$s",
         "details": {"organization": "%1$s", "organization_name": "%1$s"}}
        """
            .formatted(text));
    assertThat(jdbc.queryForObject("select count(*) from organisation", Integer.class))
        .isEqualTo(organisations);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from app_user where email = ?", Integer.class, email))
        .isZero();
  }

  @Test
  void differentPasswordsAreA400NamingPassword2() {
    Http.Response response =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Test", "password1": "%s", "password2": "other-one"}
                """
                    .formatted(uniqueEmail("typo"), PASSWORD));

    assertProblem(
        response,
        400,
        """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "Validation failed", "instance": "/api/auth/register", "success": false,
         "error": "Validation failed", "message": "Validation failed",
         "details": {"password2": "The two password fields didn't match."}}
        """);
  }

  @Test
  void differentPasswordsInThai() {
    Http.Response response =
        http()
            .thai()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Test", "password1": "%s", "password2": "other-one"}
                """
                    .formatted(uniqueEmail("typo"), PASSWORD));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("details").path("password2").asString())
        .isEqualTo("รหัสผ่านทั้งสองช่องไม่ตรงกัน");
  }

  @Test
  void shortPasswordIsA400NamingPassword1() {
    Http.Response response =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Test", "password1": "abc12", "password2": "abc12"}
                """
                    .formatted(uniqueEmail("short")));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("details").propertyNames()).containsExactly("password1");
    assertThat(response.json().path("details").path("password1").asString())
        .isEqualTo("This password is too short.");
  }

  @Test
  void commonPasswordIsRefused() {
    Http.Response response =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Test", "password1": "password",
                 "password2": "password"}
                """
                    .formatted(uniqueEmail("common")));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("details").path("password1").asString())
        .isEqualTo("This password is too common.");
  }

  @Test
  void missingFieldsAreNamed() {
    Http.Response response =
        http().postJson("/api/auth/register/", "{\"email\": \"not-an-email\"}");

    assertProblem(
        response,
        400,
        """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "Validation failed", "instance": "/api/auth/register", "success": false,
         "error": "Validation failed", "message": "Validation failed",
         "details": {"email": "must be a well-formed email address",
                     "first_name": "must not be blank", "password1": "must not be blank",
                     "password2": "must not be blank"}}
        """);
  }

  @Test
  void invalidPhoneNumberIsA400NamingIt() {
    Http.Response response = register(uniqueEmail("phone"), "12");

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("details").path("phone_number").asString())
        .isEqualTo("Enter a valid phone number.");
  }

  @Test
  void emailIsUniqueWhateverItsCase() {
    String email = uniqueEmail("twice");
    assertThat(register(email, null).status()).isEqualTo(201);

    assertProblem(
        register(email.toUpperCase(java.util.Locale.ROOT), null),
        409,
        """
        {"type": "urn:fieldops:problem:conflict", "title": "Conflict", "status": 409,
         "detail": "A user with that email already exists.", "instance": "/api/auth/register",
         "success": false, "error": "A user with that email already exists.",
         "message": "A user with that email already exists.",
         "details": {"email": "A user with that email already exists."}}
        """);
  }

  @Test
  void phoneIsUniqueWhateverItsFormat() {
    // Thai mobile written nationally and internationally: one number, TH being the default region.
    Http.Response first = register(uniqueEmail("mobile1"), "081-234-5678");
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    // kept as written (cleaned), compared by its key: +66812345678
    assertThat(first.json().path("user").path("phone_number").asString()).isEqualTo("0812345678");

    assertProblem(
        register(uniqueEmail("mobile2"), "+66 81 234 5678"),
        409,
        """
        {"type": "urn:fieldops:problem:conflict", "title": "Conflict", "status": 409,
         "detail": "A user with that phone number already exists.",
         "instance": "/api/auth/register", "success": false,
         "error": "A user with that phone number already exists.",
         "message": "A user with that phone number already exists.",
         "details": {"phone_number": "A user with that phone number already exists."}}
        """);
  }

  @Test
  void twentyConcurrentRegistrationsWithOneEmailCreateExactlyOneUser() throws Exception {
    String email = uniqueEmail("race");
    int attempts = 20;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
      for (int i = 0; i < attempts; i++) {
        // Upper and lower case alternate: the database, not the application, must see one email.
        String variant = i % 2 == 0 ? email : email.toUpperCase(java.util.Locale.ROOT);
        statuses.add(
            pool.submit(
                () -> {
                  start.await();
                  return register(variant, null).status();
                }));
      }
      start.countDown();
      List<Integer> results = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        results.add(status.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(results).filteredOn(s -> s == 201).hasSize(1);
      assertThat(results).filteredOn(s -> s == 409).hasSize(attempts - 1);
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from app_user where lower(email) = ?", Integer.class, email))
        .isEqualTo(1);
  }

  @Test
  void twoConcurrentRegistrationsWithTwoSpellingsOfOneNumberCreateOneUser() throws Exception {
    // Both requests pass the friendly pre-check together (each then spends ~160 ms hashing its
    // password), so the unique index on phone_key decides; five numbers, five races.
    for (int round = 0; round < 5; round++) {
      String national = ProvisioningIT.uniqueThaiMobile();
      String[] spellings = {
        national.substring(0, 3) + "-" + national.substring(3, 6) + "-" + national.substring(6),
        "+66 " + national.substring(1)
      };
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Http.Response>> responses = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
        for (String spelling : spellings) {
          String email = uniqueEmail("twin");
          responses.add(
              pool.submit(
                  () -> {
                    start.await();
                    return register(email, spelling);
                  }));
        }
        start.countDown();
        List<Http.Response> results = new ArrayList<>();
        for (Future<Http.Response> response : responses) {
          results.add(response.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertThat(results).extracting(Http.Response::status).containsExactlyInAnyOrder(201, 409);
        Http.Response loser =
            results.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertProblem(
            loser,
            409,
            """
            {"type": "urn:fieldops:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "A user with that phone number already exists.",
             "instance": "/api/auth/register", "success": false,
             "error": "A user with that phone number already exists.",
             "message": "A user with that phone number already exists.",
             "details": {"phone_number": "A user with that phone number already exists."}}
            """);
      }
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from app_user where phone_key = ?",
                  Integer.class,
                  ProvisioningIT.e164(national)))
          .isEqualTo(1);
    }
  }

  @Test
  void theDatabaseHoldsOneUserPerPhoneKey() {
    Http.Response first = register(uniqueEmail("keyed"), "089 999 0001");
    assertThat(first.status()).as(first.body()).isEqualTo(201);

    // what decides a race the pre-check cannot see: the unique constraint on the key
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "insert into app_user (id, username, phone, phone_key, created_at, updated_at)"
                        + " values (gen_random_uuid(), 'twin', '+66899990001', '+66899990001',"
                        + " now(), now())"))
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("uk_app_user_phone_key");
    // and a phone never goes without its key
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "insert into app_user (id, username, phone, created_at, updated_at)"
                        + " values (gen_random_uuid(), 'keyless', '0899990002', now(), now())"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("ck_app_user_phone_key");
  }

  @Test
  void registrationPublishesUserRegisteredWithItsMembershipOnUsers() {
    String email = uniqueEmail("events");
    Http.Response response = register(email, null);
    JsonNode user = response.json().path("user");
    String userId = user.path("id").asString();
    String orgId = user.path("organization").path("id").asString();

    try (KafkaProbe probe = new KafkaProbe(kafka, "users")) {
      ConsumerRecord<String, byte[]> registered =
          probe.awaitRecord(
              Duration.ofSeconds(30),
              r ->
                  userId.equals(r.key())
                      && json(r).path("type").asString().equals("user.registered"));

      JsonNode envelope = json(registered);
      assertThat(envelope.propertyNames())
          .containsExactlyInAnyOrder("id", "type", "version", "occurred_at", "org_id", "data");
      assertThat(envelope.path("version").asInt()).isEqualTo(1);
      assertThat(envelope.path("org_id").asString()).isEqualTo(orgId);
      assertJson(
          envelope.path("data").toString(),
          """
          {"user_id": "%s", "username": "%s", "email": "%s", "first_name": "Test",
           "last_name": "User", "phone_number": null, "organization_id": "%s",
           "roles": ["CUSTOMER"], "level": 0, "kind": "CUSTOMER"}
          """
              .formatted(userId, email, email, orgId));
      // the membership travels in user.registered: no membership.changed for a new account
      assertThat(probe.seen())
          .filteredOn(r -> userId.equals(r.key()))
          .extracting(r -> json(r).path("type").asString())
          .containsExactly("user.registered");
    }
  }

  @Test
  void aRefusedRegistrationPublishesNothingAndStoresNothing() {
    String email = uniqueEmail("refused");
    register(email, null);
    Integer before = jdbc.queryForObject("select count(*) from app_user", Integer.class);

    assertThat(register(email, null).status()).isEqualTo(409);

    assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class))
        .isEqualTo(before);
  }

  private static JsonNode json(ConsumerRecord<String, byte[]> record) {
    return JsonMapper.builder()
        .build()
        .readTree(new String(record.value(), StandardCharsets.UTF_8));
  }
}

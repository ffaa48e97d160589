package io.fieldops.auth.it;

import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static io.fieldops.platform.test.JsonAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.auth.invitation.InvitationStatus;
import io.fieldops.auth.user.MembershipKind;
import io.fieldops.platform.person.Gender;
import io.fieldops.platform.security.Role;
import io.fieldops.platform.test.ApiDocument;
import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /api/v1/internal/users/provision: booking-service's find-or-create by phone, with client
 * credentials from the real token endpoint.
 */
class ProvisioningIT extends AuthIntegrationTest {

  static final String PROVISION = "/api/v1/internal/users/provision";
  private static final String OTHER_CLIENT = "test-reporting-service";
  private static final String OTHER_SECRET = "test-reporting-secret";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired JdbcTemplate jdbc;
  @Autowired RegisteredClientRepository clients;
  @Autowired PasswordEncoder passwordEncoder;

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  /** A Thai mobile no other test uses, in its national form: 08xxxxxxxx. */
  static final String RESOLVE = "/api/v1/internal/organizations/resolve";

  static String uniqueThaiMobile() {
    return "08" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  static String e164(String thaiNational) {
    return "+66" + thaiNational.substring(1);
  }

  static String clientToken(Http http, String clientId, String secret, String scope) {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    Http.Response response =
        http.header("Authorization", "Basic " + basic)
            .postForm("/oauth2/token", "grant_type=client_credentials&scope=" + scope);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().path("access_token").asString();
  }

  static String bookingServiceToken(Http http) {
    return clientToken(http, "booking-service", "booking-service-dev-secret", "users:provision");
  }

  static Http.Response provision(Http http, String token, String json) {
    return http.bearerIfPresent(token).postJson(PROVISION, json);
  }

  /** Another service's client whose token is genuine but lacks users:provision. */
  private String otherClientToken() {
    synchronized (ProvisioningIT.class) {
      if (clients.findByClientId(OTHER_CLIENT) == null) {
        ((InMemoryRegisteredClientRepository) clients)
            .save(
                RegisteredClient.withId(OTHER_CLIENT)
                    .clientId(OTHER_CLIENT)
                    .clientSecret(passwordEncoder.encode(OTHER_SECRET))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope("users:read")
                    .build());
      }
    }
    return clientToken(http(), OTHER_CLIENT, OTHER_SECRET, "users:read");
  }

  private static JsonNode json(ConsumerRecord<String, byte[]> record) {
    return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
  }

  private String defaultOrgId() {
    return jdbc.queryForObject(
        "select id::text from organisation where slug = 'demo'", String.class);
  }

  @Test
  void createsAUserWithoutPasswordThenFindsItByAnyFormOfThePhone() {
    String token = bookingServiceToken(http());
    String national = uniqueThaiMobile();
    // kept and answered as written, cleaned of its dashes
    String phone = national;
    String email = uniqueEmail("provisioned");

    Http.Response created =
        provision(
            http(),
            token,
            """
            {"phone": "%s-%s-%s", "first_name": "Somchai", "last_name": "Jaidee",
             "email": "%s", "gender": "male", "country": "Thailand"}
            """
                .formatted(
                    national.substring(0, 3),
                    national.substring(3, 6),
                    national.substring(6),
                    email.toUpperCase()));

    String userId = created.json().path("user").path("id").asString();
    assertJson(
        created,
        201,
        """
        {"created": true,
         "user": {"id": "%s", "username": "%s", "first_name": "Somchai", "last_name": "Jaidee",
                  "email": "%s", "phone": "%s", "is_active": true}}
        """
            .formatted(userId, phone, email, phone));
    assertThat(
            jdbc.queryForMap(
                "select password_hash, gender, country from app_user where id = ?::uuid", userId))
        .containsEntry("password_hash", null)
        .containsEntry("gender", "male")
        .containsEntry("country", "Thailand");
    assertThat(
            jdbc.queryForObject(
                "select roles[1] || '/' || level || '/' || kind from membership"
                    + " where user_id = ?::uuid and organisation_id = ?::uuid",
                String.class,
                userId,
                defaultOrgId()))
        .isEqualTo("CUSTOMER/0/CUSTOMER");

    Http.Response found =
        provision(
            http(),
            token,
            """
            {"phone": "+66 %s", "first_name": "Other", "organization": "demo"}
            """
                .formatted(national.substring(1)));

    assertJson(
        found,
        200,
        """
        {"created": false,
         "user": {"id": "%s", "username": "%s", "first_name": "Somchai", "last_name": "Jaidee",
                  "email": "%s", "phone": "%s", "is_active": true}}
        """
            .formatted(userId, phone, email, phone));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from membership where user_id = ?::uuid", Long.class, userId))
        .isEqualTo(1L);

    try (KafkaProbe probe = new KafkaProbe(kafka, "users")) {
      JsonNode registered =
          json(
              probe.awaitRecord(
                  Duration.ofSeconds(30),
                  r ->
                      userId.equals(r.key())
                          && json(r).path("type").asString().equals("user.registered")));
      assertThat(registered.path("org_id").asString()).isEqualTo(defaultOrgId());
      assertThat(registered.path("data").path("user_id").asString()).isEqualTo(userId);
      assertThat(registered.path("data").path("username").asString()).isEqualTo(phone);
      assertThat(registered.path("data").path("phone_number").asString()).isEqualTo(phone);
      // the new account's membership travels in user.registered, and finding it again publishes
      // nothing: one event for the user, no membership.changed beside it
      assertThat(registered.path("data").path("roles").toString()).isEqualTo("[\"CUSTOMER\"]");
      assertThat(registered.path("data").path("kind").asString()).isEqualTo("CUSTOMER");
      assertThat(probe.seen())
          .filteredOn(r -> userId.equals(r.key()))
          .extracting(r -> json(r).path("type").asString())
          .containsExactly("user.registered");
    }
  }

  @Test
  void seed001sPhoneIsAnsweredAsWrittenAndAnotherSpellingFindsTheSameUser() {
    String token = bookingServiceToken(http());
    // seed 001's example: no Thai number, but the user documents' ten digits
    Http.Response created =
        provision(
            http(),
            token,
            """
            {"phone": "1234567890", "first_name": "John", "last_name": "Doe",
             "email": "john.doe@example.com", "gender": "male", "country": "USA"}
            """);

    String userId = created.json().path("user").path("id").asString();
    String expected =
        """
        {"created": %s,
         "user": {"id": "%s", "username": "1234567890", "first_name": "John", "last_name": "Doe",
                  "email": "john.doe@example.com", "phone": "1234567890", "is_active": true}}
        """;
    assertJson(created, 201, expected.formatted(true, userId));
    assertThat(
            jdbc.queryForMap(
                "select username, phone, phone_key from app_user where id = ?::uuid", userId))
        .containsEntry("username", "1234567890")
        .containsEntry("phone", "1234567890")
        .containsEntry("phone_key", "1234567890");

    Http.Response found =
        provision(http(), token, "{\"phone\": \"123-456-7890\", \"first_name\": \"Other\"}");

    assertJson(found, 200, expected.formatted(false, userId));
    try (KafkaProbe probe = new KafkaProbe(kafka, "users")) {
      JsonNode registered =
          json(
              probe.awaitRecord(
                  Duration.ofSeconds(30),
                  r ->
                      userId.equals(r.key())
                          && json(r).path("type").asString().equals("user.registered")));
      assertThat(registered.path("data").path("username").asString()).isEqualTo("1234567890");
      assertThat(registered.path("data").path("phone_number").asString()).isEqualTo("1234567890");
    }
  }

  @Test
  void oneSpellingOfTwoNumbersInTwoRegionsIsTwoUsers() {
    // 0812345670 is a Thai mobile in the default organisation, and ten digits in an Indian one
    String token = bookingServiceToken(http());
    Http.Response thai = provision(http(), token, "{\"phone\": \"081-234-5670\"}");
    assertThat(thai.status()).as(thai.body()).isEqualTo(201);
    Http.Response founder =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Raj", "password1": "%s", "password2": "%s",
                 "organization_name": "Mumbai Repairs"}
                """
                    .formatted(uniqueEmail("raj"), PASSWORD, PASSWORD));
    String admin = founder.json().path("tokens").path("access").asString();
    String slug = founder.json().path("user").path("organization").path("slug").asString();
    assertThat(
            http()
                .bearer(admin)
                .patchJson("/api/auth/organization/", "{\"default_phone_region\": \"IN\"}")
                .status())
        .isEqualTo(200);

    Http.Response indian =
        provision(
            http(), token, "{\"phone\": \"0812345670\", \"organization\": \"%s\"}".formatted(slug));

    assertThat(indian.status()).as(indian.body()).isEqualTo(201);
    assertThat(indian.json().path("user").path("id").asString())
        .isNotEqualTo(thai.json().path("user").path("id").asString());
    assertThat(indian.json().path("user").path("phone").asString()).isEqualTo("0812345670");
    // two numbers, two keys; the written form is the first one's username already, and here
    // the second's key too (ten digits, not valid in India), so its id keeps its username unique
    String indianId = indian.json().path("user").path("id").asString();
    assertThat(
            jdbc.queryForList(
                "select phone_key from app_user where phone = '0812345670'", String.class))
        .containsExactlyInAnyOrder("+66812345670", "0812345670");
    assertThat(thai.json().path("user").path("username").asString()).isEqualTo("0812345670");
    assertThat(indian.json().path("user").path("username").asString())
        .isEqualTo("0812345670#" + indianId);
  }

  @Test
  void anExistingUserJoinsAnotherOrganisationAsCustomerWithoutItLearningWhoTheyAre() {
    // a self-registered user with a phone, then an agent of another organisation books for them
    // with another spelling of it
    String national = uniqueThaiMobile();
    String phone = e164(national);
    String email = uniqueEmail("existing");
    Http.Response registered = register(email, national);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String userId = registered.json().path("user").path("id").asString();
    Http.Response founder =
        http()
            .postJson(
                "/api/auth/register/",
                """
                {"email": "%s", "first_name": "Boss", "last_name": "Owner",
                 "password1": "%s", "password2": "%s", "organization_name": "Cool Air Co"}
                """
                    .formatted(uniqueEmail("founder"), PASSWORD, PASSWORD));
    String orgId = founder.json().path("user").path("organization").path("id").asString();

    Http.Response found =
        provision(
            http(),
            bookingServiceToken(http()),
            """
            {"phone": "%s", "organization": "%s"}
            """
                .formatted(phone, orgId));

    // the account existed, and this organisation never knew its owner: the answer is what the
    // request sent (the phone as written, no names, no email), not the stored identity
    assertJson(
        found,
        200,
        """
        {"created": false,
         "user": {"id": "%s", "username": "%s", "first_name": "", "last_name": "",
                  "email": null, "phone": "%s", "is_active": true}}
        """
            .formatted(userId, phone, phone));
    assertThat(
            jdbc.queryForObject(
                "select roles[1] from membership where user_id = ?::uuid and organisation_id = ?::uuid",
                String.class,
                userId,
                orgId))
        .isEqualTo("CUSTOMER");
    try (KafkaProbe probe = new KafkaProbe(kafka, "users")) {
      probe.awaitRecord(
          Duration.ofSeconds(30),
          r ->
              userId.equals(r.key())
                  && json(r).path("type").asString().equals("membership.changed")
                  && json(r).path("data").path("organization_id").asString().equals(orgId));
    }
    // the existing password still works, nothing about the account changed
    Http.Response login =
        http()
            .postJson(
                "/api/auth/login/",
                """
                {"phone_number": "%s", "password": "%s"}
                """
                    .formatted(phone, PASSWORD));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
  }

  @Test
  void thirtyConcurrentProvisionsOfOnePhoneCreateExactlyOneUser() throws Exception {
    String token = bookingServiceToken(http());
    String national = uniqueThaiMobile();
    String phone = e164(national);
    int callers = 30;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Http.Response>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
      for (int i = 0; i < callers; i++) {
        // half national, half international form: one number either way
        String written = i % 2 == 0 ? national : phone;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return provision(
                      http(),
                      token,
                      """
                      {"phone": "%s", "first_name": "Race"}
                      """
                          .formatted(written));
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      int createdTrue = 0;
      for (Future<Http.Response> result : results) {
        Http.Response response = result.get();
        statuses.add(response.status());
        ids.add(response.json().path("user").path("id").asString());
        if (response.json().path("created").asBoolean()) {
          createdTrue++;
        }
      }
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(callers - 1);
      assertThat(createdTrue).isEqualTo(1);
      assertThat(ids).containsOnly(ids.getFirst());
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from app_user where phone_key = ?", Long.class, phone))
        .isEqualTo(1L);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from membership m join app_user u on u.id = m.user_id"
                    + " where u.phone_key = ?",
                Long.class,
                phone))
        .isEqualTo(1L);
  }

  @Test
  void bookingServiceResolvesTheOrganisationAPublicRequestNames() {
    String token =
        clientToken(http(), "booking-service", "booking-service-dev-secret", "organizations:read");
    String expected =
        """
        {"id": "%s", "slug": "demo", "name": "Demo", "default_phone_region": "TH",
         "strict_phone_validation": false, "date_order": "DMY"}
        """
            .formatted(defaultOrgId());

    assertJson(http().bearer(token).get(RESOLVE), 200, expected);
    assertJson(http().bearer(token).get(RESOLVE + "?organization=DEMO"), 200, expected);
    assertJson(
        http().bearer(token).get(RESOLVE + "?organization=" + defaultOrgId()), 200, expected);
    assertProblem(
        http().bearer(token).get(RESOLVE + "?organization=nowhere"),
        400,
        """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "Validation failed", "instance": "/api/v1/internal/organizations/resolve",
         "success": false, "error": "Validation failed", "message": "Validation failed",
         "details": {"organization": "Organization not found."}}
        """);
    // the provisioning scope alone is not enough, nor is a user token
    assertThat(http().bearer(bookingServiceToken(http())).get(RESOLVE).status()).isEqualTo(403);
    String userToken =
        register(uniqueEmail("peek"), null).json().path("tokens").path("access").asString();
    assertThat(http().bearer(userToken).get(RESOLVE).status()).isEqualTo(403);
    assertThat(http().get(RESOLVE).status()).isEqualTo(401);
  }

  @Test
  void withoutATokenIs401() {
    Http.Response response =
        provision(http(), null, "{\"phone\": \"%s\"}".formatted(uniqueThaiMobile()));

    assertThat(response.status()).as(response.body()).isEqualTo(401);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void aUserTokenIsRefusedWith403() {
    String userToken =
        register(uniqueEmail("nosy"), null).json().path("tokens").path("access").asString();
    String phone = uniqueThaiMobile();

    Http.Response response = provision(http(), userToken, "{\"phone\": \"%s\"}".formatted(phone));

    assertThat(response.status()).as(response.body()).isEqualTo(403);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from app_user where phone_key = ?", Long.class, e164(phone)))
        .isZero();
  }

  @Test
  void aClientTokenWithAnotherScopeIsRefusedWith403() {
    Http.Response response =
        provision(http(), otherClientToken(), "{\"phone\": \"%s\"}".formatted(uniqueThaiMobile()));

    assertThat(response.status()).as(response.body()).isEqualTo(403);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void anImpossiblePhoneIsA400NamingPhone() {
    Http.Response response = provision(http(), bookingServiceToken(http()), "{\"phone\": \"12\"}");

    assertProblem(
        response,
        400,
        """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "Validation failed", "instance": "%s", "success": false,
         "error": "Validation failed", "message": "Validation failed",
         "details": {"phone": "Enter a valid phone number."}}
        """
            .formatted(PROVISION));
  }

  /** Issue 16: the platform's gender rule; "Female" is kept lowercase, BOGUS_VALUE refused. */
  @Test
  void genderIsMaleFemaleOrOtherKeptLowercase() {
    String token = bookingServiceToken(http());
    String phone = uniqueThaiMobile();
    Http.Response created =
        provision(http(), token, "{\"phone\": \"%s\", \"gender\": \"Female\"}".formatted(phone));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(
            jdbc.queryForObject(
                "select gender from app_user where id = ?::uuid",
                String.class,
                created.json().path("user").path("id").asString()))
        .isEqualTo("female");

    String refused = uniqueThaiMobile();
    assertProblem(
        provision(
            http(), token, "{\"phone\": \"%s\", \"gender\": \"BOGUS_VALUE\"}".formatted(refused)),
        400,
        """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "'gender' must be one of: male, female, other", "instance": "%s",
         "success": false, "error": "'gender' must be one of: male, female, other",
         "message": "'gender' must be one of: male, female, other",
         "details": {"gender": "Must be one of: male, female, other."}}
        """
            .formatted(PROVISION));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from app_user where phone = ?", Integer.class, refused))
        .isZero();
  }

  @Test
  void aProvisionedUserCannotLogInWithAnyPassword() {
    String national = uniqueThaiMobile();
    Http.Response created =
        provision(http(), bookingServiceToken(http()), "{\"phone\": \"%s\"}".formatted(national));
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    for (String password : List.of("password", "", PASSWORD)) {
      Http.Response login =
          http()
              .postJson(
                  "/api/auth/login/",
                  """
                  {"phone_number": "%s", "password": "%s"}
                  """
                      .formatted(e164(national), password));
      assertThat(login.status()).as(login.body()).isIn(400, 401);
      assertThat(login.body()).doesNotContain("\"tokens\"");
    }
    Http.Response withPassword =
        http()
            .postJson(
                "/api/auth/login/",
                """
                {"phone_number": "%s", "password": "password"}
                """
                    .formatted(national));
    assertThat(withPassword.status()).as(withPassword.body()).isEqualTo(401);
  }

  @Test
  void thePublicApiDocumentLeavesOutTheInternalEndpoints() {
    Http.Response docs = http().get("/v3/api-docs");

    assertThat(docs.status()).as(docs.body()).isEqualTo(200);
    assertThat(docs.json().path("paths").propertyNames())
        .contains("/api/auth/login", "/api/auth/password/setup-token", "/api/auth/invitations")
        .noneMatch(path -> path.startsWith("/api/v1/internal"));
    assertThat(docs.body()).doesNotContain("/api/v1/internal");
  }

  /**
   * The document clients and the API fuzzer are generated from: the public operations (register,
   * signup, login, refresh, logout, password set-up) need no token and the others the bearer one;
   * the caller is never a parameter; roles, membership kinds, invitation states, genders and date
   * orders are listed as the values the service reads and writes.
   */
  @Test
  void theApiDocumentListsEveryValueSet() {
    ApiDocument doc =
        ApiDocument.of(http())
            .assertPlatformFacts(
                "/api/auth/register",
                "/api/users",
                "/api/auth/login",
                "/api/auth/token/refresh",
                "/api/auth/logout",
                "/api/auth/password/setup");

    List<String> roles = Arrays.stream(Role.values()).map(Role::name).toList();
    for (String schema :
        List.of(
            "InviteRequest",
            "MemberChangeRequest",
            "MemberResponse",
            "UserResponse",
            "SentInvitation",
            "InvitationView")) {
      assertThat(doc.enumOf(schema, "roles")).as(schema).isEqualTo(roles);
    }
    assertThat(doc.parameterEnum("/api/auth/organization/members", "get", "role")).isEqualTo(roles);
    assertThat(doc.enumOf("MemberResponse", "kind"))
        .isEqualTo(Arrays.stream(MembershipKind.values()).map(MembershipKind::name).toList());
    assertThat(doc.enumOf("InvitationView", "status"))
        .isEqualTo(Arrays.stream(InvitationStatus.values()).map(InvitationStatus::name).toList());
    assertThat(doc.enumOf("UserResponse", "gender")).isEqualTo(Gender.VALUES);
    assertThat(doc.enumOf("OrganisationResponse", "date_order")).containsExactly("DMY", "MDY");
    assertThat(doc.member("InviteRequest", "level").path("maximum").asInt()).isEqualTo(3);
    assertThat(doc.required("LoginRequest")).containsExactly("password");
  }
}

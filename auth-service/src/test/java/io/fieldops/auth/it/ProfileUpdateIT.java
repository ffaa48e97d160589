package io.fieldops.auth.it;

import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static io.fieldops.platform.test.JsonAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PATCH /api/auth/profile/update/ (ETag / If-Match, uniqueness, user.updated) and password change.
 */
class ProfileUpdateIT extends AuthIntegrationTest {

  private static final String NEW_PASSWORD = "Correct-Horse-Battery-9";

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  /** A Thai mobile no other test uses: national form (as written and answered), and its E.164. */
  static String[] uniquePhone() {
    String digits = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    return new String[] {"09" + digits, "+669" + digits};
  }

  private JsonNode registered(String email, String phone) {
    Http.Response response = register(email, phone);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  private static String validation(String instance, String details) {
    return """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "Validation failed", "instance": "%s", "success": false,
         "error": "Validation failed", "message": "Validation failed", "details": %s}
        """
        .formatted(instance, details);
  }

  @Test
  void profileCarriesTheVersionAsETagAndAPartialUpdateChangesOnlyWhatWasSent() {
    String email = uniqueEmail("patch");
    String[] phone = uniquePhone();
    JsonNode body = registered(email, phone[0]);
    String access = body.path("tokens").path("access").asString();
    String userId = body.path("user").path("id").asString();

    Http.Response profile = http().bearer(access).get("/api/auth/profile/");
    assertThat(profile.header("ETag")).isEqualTo("\"0\"");

    try (KafkaProbe probe = new KafkaProbe(kafka, "users")) {
      Http.Response updated =
          http()
              .bearer(access)
              .header("If-Match", profile.header("ETag"))
              .patchJson("/api/auth/profile/update/", "{\"first_name\": \"Neo\"}");

      assertThat(updated.status()).as(updated.body()).isEqualTo(200);
      assertThat(updated.header("ETag")).isEqualTo("\"1\"");
      String expected =
          expectedUser(updated.json(), email, phone[0], "demo", "Demo", "CUSTOMER", 0)
              .replace("\"first_name\": \"Test\"", "\"first_name\": \"Neo\"");
      assertJson(updated, 200, expected);
      // the profile reads the same afterwards
      assertJson(http().bearer(access).get("/api/auth/profile/"), 200, expected);

      ConsumerRecord<String, byte[]> event =
          probe.awaitRecord(
              Duration.ofSeconds(30),
              r ->
                  userId.equals(r.key()) && json(r).path("type").asString().equals("user.updated"));
      JsonNode envelope = json(event);
      assertThat(envelope.propertyNames())
          .containsExactlyInAnyOrder("id", "type", "version", "occurred_at", "org_id", "data");
      assertThat(envelope.path("org_id").asString())
          .isEqualTo(body.path("user").path("organization").path("id").asString());
      assertJson(
          envelope.path("data").toString(),
          """
          {"user_id": "%s", "username": "%s", "email": "%s", "first_name": "Neo",
           "last_name": "User", "phone_number": "%s", "changed": ["first_name"]}
          """
              .formatted(userId, email, email, phone[0]));
    }
  }

  @Test
  void emailAndPhoneChangeAreNormalisedAndTheNewEmailLogsIn() {
    JsonNode body = registered(uniqueEmail("move"), null);
    String access = body.path("tokens").path("access").asString();
    String newEmail = uniqueEmail("moved");
    String[] phone = uniquePhone();

    Http.Response updated =
        http()
            .bearer(access)
            .patchJson(
                "/api/auth/profile/update",
                """
                {"email": "%s", "phone_number": "%s", "last_name": "Anderson"}
                """
                    .formatted(newEmail.toUpperCase(java.util.Locale.ROOT), phone[0]));

    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertJson(
        updated,
        200,
        expectedUser(updated.json(), newEmail, phone[0], "demo", "Demo", "CUSTOMER", 0)
            .replace("\"last_name\": \"User\"", "\"last_name\": \"Anderson\""));
    loginAs(newEmail);
  }

  @Test
  void aTakenEmailOrPhoneIsA409NamingTheField() {
    String takenEmail = uniqueEmail("taken");
    String[] takenPhone = uniquePhone();
    registered(takenEmail, takenPhone[0]);
    String access = registered(uniqueEmail("wants"), null).path("tokens").path("access").asString();

    assertProblem(
        http()
            .bearer(access)
            .patchJson("/api/auth/profile/update/", "{\"email\": \"%s\"}".formatted(takenEmail)),
        409,
        """
        {"type": "urn:fieldops:problem:conflict", "title": "Conflict", "status": 409,
         "detail": "A user with that email already exists.",
         "instance": "/api/auth/profile/update", "success": false,
         "error": "A user with that email already exists.",
         "message": "A user with that email already exists.",
         "details": {"email": "A user with that email already exists."}}
        """);
    assertProblem(
        http()
            .bearer(access)
            .patchJson(
                "/api/auth/profile/update/", "{\"phone_number\": \"%s\"}".formatted(takenPhone[1])),
        409,
        """
        {"type": "urn:fieldops:problem:conflict", "title": "Conflict", "status": 409,
         "detail": "A user with that phone number already exists.",
         "instance": "/api/auth/profile/update", "success": false,
         "error": "A user with that phone number already exists.",
         "message": "A user with that phone number already exists.",
         "details": {"phone_number": "A user with that phone number already exists."}}
        """);
  }

  @Test
  void anotherSpellingOfOnesOwnNumberIsShownAsWrittenAndIsNoConflict() {
    String email = uniqueEmail("respell");
    String[] phone = uniquePhone();
    String access = registered(email, phone[0]).path("tokens").path("access").asString();
    String international = "+66 " + phone[0].substring(1, 3) + " " + phone[0].substring(3);

    Http.Response updated =
        http()
            .bearer(access)
            .patchJson(
                "/api/auth/profile/update/", "{\"phone_number\": \"%s\"}".formatted(international));

    assertJson(
        updated, 200, expectedUser(updated.json(), email, phone[1], "demo", "Demo", "CUSTOMER", 0));
    assertThat(updated.header("ETag")).isEqualTo("\"1\"");
    // still one number: the national spelling logs in
    Http.Response login =
        http()
            .postJson(
                "/api/auth/login/",
                "{\"phone_number\": \"%s\", \"password\": \"%s\"}".formatted(phone[0], PASSWORD));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
  }

  @Test
  void invalidFieldsAreNamedAndNothingChanges() {
    String email = uniqueEmail("invalid");
    String access = registered(email, null).path("tokens").path("access").asString();

    assertProblem(
        http()
            .bearer(access)
            .patchJson(
                "/api/auth/profile/update/",
                "{\"email\": \"not-an-email\", \"first_name\": \"Ok\"}"),
        400,
        validation(
            "/api/auth/profile/update", "{\"email\": \"must be a well-formed email address\"}"));
    assertProblem(
        http()
            .bearer(access)
            .patchJson(
                "/api/auth/profile/update/", "{\"phone_number\": \"12\", \"first_name\": \" \"}"),
        400,
        validation(
            "/api/auth/profile/update",
            "{\"first_name\": \"This field may not be blank.\","
                + " \"phone_number\": \"Enter a valid phone number.\"}"));
    Http.Response profile = http().bearer(access).get("/api/auth/profile/");
    assertJson(
        profile, 200, expectedUser(profile.json(), email, null, "demo", "Demo", "CUSTOMER", 0));
    assertThat(profile.header("ETag")).isEqualTo("\"0\"");
  }

  @Test
  void aStaleIfMatchIs412AndChangesNothing() {
    String access = registered(uniqueEmail("stale"), null).path("tokens").path("access").asString();
    assertThat(
            http()
                .bearer(access)
                .header("If-Match", "\"0\"")
                .patchJson("/api/auth/profile/update/", "{\"first_name\": \"First\"}")
                .status())
        .isEqualTo(200);

    assertProblem(
        http()
            .bearer(access)
            .header("If-Match", "\"0\"")
            .patchJson("/api/auth/profile/update/", "{\"first_name\": \"Second\"}"),
        412,
        """
        {"type": "urn:fieldops:problem:stale-version", "title": "Precondition Failed",
         "status": 412,
         "detail": "The record was changed by someone else; reload it and try again",
         "instance": "/api/auth/profile/update", "success": false,
         "error": "The record was changed by someone else; reload it and try again",
         "message": "The record was changed by someone else; reload it and try again"}
        """);
    assertThat(http().bearer(access).get("/api/auth/profile/").json().path("first_name").asString())
        .isEqualTo("First");
  }

  @Test
  void profileUpdateWithoutATokenIs401() {
    assertThat(http().patchJson("/api/auth/profile/update/", "{\"first_name\": \"X\"}").status())
        .isEqualTo(401);
  }

  @Test
  void passwordChangeRefusesAWrongOldPasswordAMismatchAndAWeakPassword() {
    String access = registered(uniqueEmail("pw"), null).path("tokens").path("access").asString();
    String path = "/api/auth/password/change/";

    assertProblem(
        http()
            .bearer(access)
            .postJson(
                path,
                """
                {"old_password": "not-it", "new_password1": "%s", "new_password2": "%s"}
                """
                    .formatted(NEW_PASSWORD, NEW_PASSWORD)),
        400,
        validation(
            "/api/auth/password/change",
            "{\"old_password\": \"Your old password was entered incorrectly."
                + " Please enter it again.\"}"));
    assertProblem(
        http()
            .bearer(access)
            .postJson(
                path,
                """
                {"old_password": "%s", "new_password1": "%s", "new_password2": "other"}
                """
                    .formatted(PASSWORD, NEW_PASSWORD)),
        400,
        validation(
            "/api/auth/password/change",
            "{\"new_password2\": \"The two password fields didn't match.\"}"));
    assertProblem(
        http()
            .bearer(access)
            .postJson(
                path,
                """
                {"old_password": "%s", "new_password1": "password123",
                 "new_password2": "password123"}
                """
                    .formatted(PASSWORD)),
        400,
        validation(
            "/api/auth/password/change", "{\"new_password1\": \"This password is too common.\"}"));
    assertProblem(
        http().bearer(access).postJson(path, "{}"),
        400,
        validation(
            "/api/auth/password/change",
            "{\"old_password\": \"must not be blank\", \"new_password1\": \"must not be blank\","
                + " \"new_password2\": \"must not be blank\"}"));
  }

  @Test
  void passwordChangeKeepsTheNamedSessionAndEndsEveryOtherOne() {
    String email = uniqueEmail("rotate");
    JsonNode first = registered(email, null);
    String access = first.path("tokens").path("access").asString();
    String otherDevice = first.path("tokens").path("refresh").asString();
    String thisDevice =
        http()
            .postJson(
                "/api/auth/login/",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, PASSWORD))
            .json()
            .path("tokens")
            .path("refresh")
            .asString();

    Http.Response changed =
        http()
            .bearer(access)
            .postJson(
                "/api/auth/password/change/",
                """
                {"old_password": "%s", "new_password1": "%s", "new_password2": "%s",
                 "refresh": "%s"}
                """
                    .formatted(PASSWORD, NEW_PASSWORD, NEW_PASSWORD, thisDevice));

    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    assertThat(changed.body()).isEmpty();
    assertThat(refresh(otherDevice).status()).isEqualTo(401);
    assertThat(refresh(thisDevice).status()).isEqualTo(200);
    assertThat(login(email, PASSWORD).status()).isEqualTo(401);
    assertThat(login(email, NEW_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void passwordChangeWithoutARefreshTokenEndsEverySession() {
    String email = uniqueEmail("all");
    JsonNode first = registered(email, null);

    Http.Response changed =
        http()
            .bearer(first.path("tokens").path("access").asString())
            .postJson(
                "/api/auth/password/change",
                """
                {"old_password": "%s", "new_password1": "%s", "new_password2": "%s"}
                """
                    .formatted(PASSWORD, NEW_PASSWORD, NEW_PASSWORD));

    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    assertThat(refresh(first.path("tokens").path("refresh").asString()).status()).isEqualTo(401);
  }

  private Http.Response refresh(String token) {
    return http().postJson("/api/auth/token/refresh/", "{\"refresh\": \"%s\"}".formatted(token));
  }

  private Http.Response login(String email, String password) {
    return http()
        .postJson(
            "/api/auth/login/",
            "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password));
  }

  static JsonNode json(ConsumerRecord<String, byte[]> record) {
    return JsonMapper.builder()
        .build()
        .readTree(new String(record.value(), StandardCharsets.UTF_8));
  }
}

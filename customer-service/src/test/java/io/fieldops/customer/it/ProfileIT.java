package io.fieldops.customer.it;

import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static io.fieldops.platform.test.JsonAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.customer.customer.ContactMethods;
import io.fieldops.customer.customer.CustomerTypes;
import io.fieldops.platform.test.ApiDocument;
import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Seed 002's profile of the caller: create, read (names from the JWT), update, delete. */
class ProfileIT extends CustomerIntegrationTest {

  private static final String PROFILE = CUSTOMERS + "profile/";
  private static final String SEED_002_BODY =
      """
      {"street_address": "123 Test St", "city": "Portland", "state": "Oregon",
       "postal_code": "97201", "country": "USA"}
      """;
  private static final String SEED_002_FIELDS =
      """
      "street_address": "123 Test St", "city": "Portland", "state": "Oregon",
      "postal_code": "97201", "country": "USA"
      """;

  @Test
  void seed002CreateProfileThenReadItWithNamesFromTheToken() {
    TestUser user = TestUser.customer(newOrg());
    Http client = as(user);
    int authCalls = AUTH.userCalls();

    Http.Response created = client.postJson(PROFILE + "create/", SEED_002_BODY);

    assertJson(created, 201, customer(created.json(), identity(user), SEED_002_FIELDS));
    assertThat(created.json().path("user_id").asString()).isEqualTo(user.id().toString());
    assertThat(created.json().path("code").asString()).isEqualTo("CUS-000001");
    assertThat(created.header("ETag")).isEqualTo("\"0\"");

    for (String path : List.of(PROFILE, "/api/v1/customers/profile")) {
      Http.Response read = client.get(path);
      assertJson(read, 200, created.body());
      assertThat(read.header("ETag")).isEqualTo("\"0\"");
    }
    // auth-service was not asked: the caller's own identity is in the token
    assertThat(AUTH.userCalls()).isEqualTo(authCalls);
  }

  @Test
  void aSecondCreateAnswersTheExistingProfileWithoutOverwritingIt() {
    TestUser user = TestUser.customer(newOrg());
    Http client = as(user);
    Http.Response first = client.postJson(PROFILE + "create", SEED_002_BODY);
    assertStatus(first, 201);

    Http.Response same = client.postJson(PROFILE + "create/", "{\"city\": \"Bangkok\"}");
    assertJson(same, 200, first.body());

    // members the record lacks are filled in (the record may come from the user.registered event)
    Http.Response filled =
        client.postJson(PROFILE + "create/", "{\"city\": \"Bangkok\", \"company_name\": \"Acme\"}");
    assertJson(
        filled,
        200,
        customer(filled.json(), identity(user), SEED_002_FIELDS + ", \"company_name\": \"Acme\""));
    assertThat(filled.header("ETag")).isEqualTo("\"1\"");
  }

  @Test
  void parallelCreatesOfOneUserMakeOneProfile() throws Exception {
    Http client = as(TestUser.customer(newOrg()));
    List<Http.Response> answers =
        parallel(20, () -> client.postJson(PROFILE + "create/", "{\"city\": \"Chiang Mai\"}"));

    assertThat(answers).extracting(Http.Response::status).containsOnly(200, 201);
    assertThat(answers.stream().filter(r -> r.status() == 201)).hasSize(1);
    assertThat(answers.stream().map(r -> r.json().path("id").asString()).distinct()).hasSize(1);
  }

  @Test
  void withoutAProfileTheSeedsMessageAnswers404() {
    assertProblem(
        as(TestUser.customer(newOrg())).get(PROFILE),
        404,
        """
        {"type": "urn:fieldops:problem:not-found", "title": "Not Found", "status": 404,
         "detail": "Customer profile not found", "instance": "/api/v1/customers/profile",
         "success": false, "error": "Customer profile not found",
         "message": "Customer profile not found"}
        """);
  }

  @Test
  void updateChangesOnlyWhatIsSentGuardedByIfMatch() {
    TestUser user = TestUser.customer(newOrg());
    Http client = as(user);
    assertStatus(client.postJson(PROFILE + "create/", SEED_002_BODY), 201);

    Http.Response updated =
        client
            .header("If-Match", "\"0\"")
            .patchJson(
                PROFILE + "update/",
                """
                {"city": "Bangkok", "state": "", "company_name": "Acme Pest Co",
                 "emergency_contact_name": "Malee", "emergency_contact_phone": "081-234-5678",
                 "emergency_contact_relationship": "sister", "preferred_contact_method": "sms",
                 "notification_preferences": {"sms": true}}
                """);

    assertJson(
        updated,
        200,
        customer(
            updated.json(),
            identity(user),
            """
            "street_address": "123 Test St", "city": "Bangkok", "state": null,
            "postal_code": "97201", "country": "USA", "company_name": "Acme Pest Co",
            "emergency_contact_name": "Malee", "emergency_contact_phone": "0812345678",
            "emergency_contact_relationship": "sister", "preferred_contact_method": "sms",
            "notification_preferences": {"email": true, "sms": true, "push": false}
            """));
    assertThat(updated.header("ETag")).isEqualTo("\"1\"");

    Http.Response stale =
        client.header("If-Match", "\"0\"").patchJson(PROFILE + "update", "{\"city\": \"Hua Hin\"}");
    assertProblem(
        stale,
        412,
        """
        {"type": "urn:fieldops:problem:stale-version", "title": "Precondition Failed",
         "status": 412, "detail": "The record was changed by someone else; reload it and try again",
         "instance": "/api/v1/customers/profile/update", "success": false,
         "error": "The record was changed by someone else; reload it and try again",
         "message": "The record was changed by someone else; reload it and try again"}
        """);
    // without If-Match the last writer wins, as the seed's clients expect
    assertStatus(client.patchJson(PROFILE + "update/", "{\"city\": \"Hua Hin\"}"), 200);
    assertThat(client.get(PROFILE).json().path("city").asString()).isEqualTo("Hua Hin");
  }

  @Test
  void badInputOnEveryFieldIsA400NamingIt() {
    Http client = as(TestUser.customer(newOrg()));
    String create = PROFILE + "create/";
    String tooLong = "x".repeat(256);

    assertFieldError(
        client.postJson(create, "{\"street_address\": \"" + tooLong + "\"}"),
        "street_address",
        "size must be between 0 and 255");
    for (String field : List.of("city", "state", "country", "business_type")) {
      assertFieldError(
          client.postJson(create, "{\"" + field + "\": \"" + "y".repeat(101) + "\"}"),
          field,
          "size must be between 0 and 100");
    }
    assertFieldError(
        client.postJson(create, "{\"company_name\": \"" + "y".repeat(201) + "\"}"),
        "company_name",
        "size must be between 0 and 200");
    assertFieldError(
        client.postJson(create, "{\"tax_id\": \"" + "1".repeat(51) + "\"}"),
        "tax_id",
        "size must be between 0 and 50");
    assertFieldError(
        client.postJson(create, "{\"emergency_contact_name\": \"" + "y".repeat(151) + "\"}"),
        "emergency_contact_name",
        "size must be between 0 and 150");
    assertFieldError(
        client.postJson(create, "{\"emergency_contact_relationship\": \"" + "y".repeat(51) + "\"}"),
        "emergency_contact_relationship",
        "size must be between 0 and 50");
    assertFieldError(
        client.postJson(create, "{\"postal_code\": \"97201; DROP\"}"),
        "postal_code",
        "Enter a valid postal code (letters, digits, spaces and dashes).");
    assertFieldError(
        client.postJson(create, "{\"emergency_contact_phone\": \"12\"}"),
        "emergency_contact_phone",
        "Enter a valid phone number.");
    assertFieldError(
        client.postJson(create, "{\"preferred_contact_method\": \"pigeon\"}"),
        "preferred_contact_method",
        "Must be one of: email, phone, sms, whatsapp.");
    assertFieldError(
        client.postJson(create, "{\"user_id\": \"" + java.util.UUID.randomUUID() + "\"}"),
        "user_id",
        "This field cannot be set here.");
    for (String identityField : List.of("full_name", "mobile", "email", "notes")) {
      assertFieldError(
          client.postJson(create, "{\"" + identityField + "\": \"x@example.com\"}"),
          identityField,
          "Names, email and phone of a user's customer record live in the auth service"
              + " (PATCH /api/auth/profile/update/).");
    }
    Http.Response wrongType =
        client.postJson(create, "{\"notification_preferences\": {\"sms\": \"often\"}}");
    assertStatus(wrongType, 400);
    assertThat(wrongType.body()).contains("notification_preferences.sms");
    Http.Response unknown = client.postJson(create, "{\"nickname\": \"Bob\"}");
    assertStatus(unknown, 400);
    assertThat(unknown.json().path("detail").asString()).contains("nickname");
    assertStatus(client.postJson(create, "{not json"), 400);
    assertStatus(client.postJson(create, "[]"), 400);
    assertFieldError(
        client.header("If-Match", "yesterday").patchJson(PROFILE + "update/", "{}"),
        "If-Match",
        "If-Match must be an ETag of this resource, such as \"3\".");
    // nothing was created by any of these
    assertStatus(client.get(PROFILE), 404);
  }

  @Test
  void errorsAreInThaiOnRequest() {
    Http client = as(TestUser.customer(newOrg())).thai();

    assertFieldError(
        client.postJson(PROFILE + "create/", "{\"preferred_contact_method\": \"pigeon\"}"),
        "preferred_contact_method",
        "ต้องเป็นหนึ่งใน: email, phone, sms, whatsapp");
    assertThat(client.get(PROFILE).json().path("detail").asString())
        .isEqualTo("ไม่พบโปรไฟล์ลูกค้า");
  }

  @Test
  void deleteRemovesTheProfile() {
    Http client = as(TestUser.customer(newOrg()));
    assertStatus(client.postJson(PROFILE + "create/", "{}"), 201);

    Http.Response deleted = client.delete(PROFILE + "delete/");

    assertThat(deleted.status()).isEqualTo(204);
    assertStatus(client.get(PROFILE), 404);
    assertStatus(client.delete(PROFILE + "delete"), 404);
  }

  @Test
  void withoutATokenEveryProfileEndpointAnswers401() {
    assertStatus(http().get(PROFILE), 401);
    assertStatus(http().postJson(PROFILE + "create/", "{}"), 401);
    assertStatus(http().patchJson(PROFILE + "update/", "{}"), 401);
    assertStatus(http().delete(PROFILE + "delete/"), 401);
  }

  static List<Http.Response> parallel(int count, Callable<Http.Response> call) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<Future<Http.Response>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<Http.Response> answers = new ArrayList<>();
      for (Future<Http.Response> future : futures) {
        answers.add(future.get());
      }
      return answers;
    }
  }

  /**
   * The document clients and the API fuzzer are generated from lists the contact methods and
   * customer types the service accepts, and its patterns match the whole value as Bean Validation
   * does.
   */
  @Test
  void theApiDocumentListsEveryValueSet() {
    ApiDocument doc = ApiDocument.of(http()).assertPlatformFacts("/api/v1/customers/health");

    assertThat(doc.enumOf("CustomerRequest", "preferred_contact_method"))
        .isEqualTo(ContactMethods.ALL);
    assertThat(doc.enumOf("CustomerResponse", "preferred_contact_method"))
        .isEqualTo(ContactMethods.ALL);
    for (String schema :
        List.of("CustomerRequest", "CustomerResponse", "OrganisationCustomerRequest")) {
      assertThat(doc.enumOf(schema, "customer_type"))
          .as(schema)
          .containsExactly(CustomerTypes.DEFAULT, "business");
    }
    assertThat(doc.member("CustomerRequest", "customer_type").path("pattern").asString())
        .isEqualTo("^(?:" + CustomerTypes.PATTERN + ")$");
    assertThat(doc.required("ClientRequest")).containsExactlyInAnyOrder("full_name", "mobile");
  }

  static JsonNode body(Http.Response response) {
    return response.json();
  }
}

package io.fieldops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.json.JSONException;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;

/**
 * The user documents' own request examples, sent through the gateway as written, and their
 * documented answers checked member by member (docs/api-contract.md). Only the deliberate
 * deviations of docs/api-contract.md "Deliberate deviations" are applied, each where it happens:
 *
 * <ul>
 *   <li>dates in the examples are in the past, and a booking in the past is refused: they are moved
 *       into the future;
 *   <li>ids are UUIDs where the documents show numbers ({@code user_id}, a client's {@code id}),
 *       and {@code organization} is a real organisation's id: the numbers are replaced by real ids;
 *   <li>an agent-created user gets no usable password (not "password").
 * </ul>
 *
 * Seed 000's client parts are served by customer-service's clients endpoints (its job card examples
 * join this test with jobcard-service); seed 003's examples join it with ticket-service. This class
 * is the only one that uses the documents' own phone numbers and emails, so their answers ({@code
 * user_created: true}, 201) do not depend on which test ran first.
 */
class SeedExamplesIT extends SystemTest {

  private static final String AGENT = "/api/agent/booking/create/";

  /** Tuesday to Thursday of a week at least two weeks ahead (Bangkok): working days, no clash. */
  private static final LocalDate TUESDAY =
      LocalDate.now(ZoneId.of("Asia/Bangkok"))
          .plusDays(14)
          .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));

  @Test
  void seed001AgentBookingExamples() {
    // "cURL Example" (and "JavaScript Example", the same body): creates the user
    GatewayResponse curl =
        gateway()
            .post(
                AGENT,
                """
                {
                    "phone": "1234567890",
                    "first_name": "John",
                    "last_name": "Doe",
                    "email": "john.doe@example.com",
                    "service_name": "Legal Consultation",
                    "booking_date": "%s",
                    "booking_time": "14:00",
                    "notes": "Agent created booking"
                  }
                """
                    .formatted(TUESDAY));
    JsonNode created = curl.json();
    String userId = created.path("user_id").asString();
    assertExactly(
        curl,
        201,
        """
        {"success": true, "message": "Booking created successfully", "user_created": true,
         "user_id": "%s", "booking_id": %d,
         "data": {
           "booking": {"id": %d, "service_name": "Legal Consultation", "booking_date": "%s",
                       "booking_time": "14:00:00", "status": "upcoming",
                       "notes": "Agent created booking", "created_at": "%s"},
           "user": {"id": "%s", "username": "1234567890", "first_name": "John",
                    "last_name": "Doe", "email": "john.doe@example.com", "phone": "1234567890",
                    "is_active": true, "created": true}}}
        """
            .formatted(
                userId,
                created.path("booking_id").asLong(),
                created.path("booking_id").asLong(),
                TUESDAY,
                created.path("data").path("booking").path("created_at").asString(),
                userId));

    // "Basic Request": the same phone finds the same user
    GatewayResponse basic =
        gateway()
            .post(
                AGENT,
                """
                {
                  "phone": "1234567890",
                  "service_name": "Legal Consultation",
                  "booking_date": "%s",
                  "booking_time": "14:00"
                }
                """
                    .formatted(TUESDAY.plusDays(1)));
    assertExactly(basic, 201, agentAnswer(basic.json(), userId, TUESDAY.plusDays(1), null, false));

    // "Complete Request"
    GatewayResponse complete =
        gateway()
            .post(
                AGENT,
                """
                {
                  "phone": "1234567890",
                  "first_name": "John",
                  "last_name": "Doe",
                  "email": "john.doe@example.com",
                  "gender": "male",
                  "country": "USA",
                  "service_name": "Legal Consultation",
                  "booking_date": "%s",
                  "booking_time": "14:00",
                  "notes": "Agent created booking",
                  "status": "upcoming"
                }
                """
                    .formatted(TUESDAY.plusDays(2)));
    assertExactly(
        complete,
        201,
        agentAnswer(complete.json(), userId, TUESDAY.plusDays(2), "Agent created booking", false));

    // "Error Response": the slot is taken now
    GatewayResponse taken =
        gateway()
            .post(
                AGENT,
                """
                {"phone": "1234567890", "service_name": "Legal Consultation",
                 "booking_date": "%s", "booking_time": "14:00"}
                """
                    .formatted(TUESDAY));
    assertThat(taken.status()).as(taken.toString()).isEqualTo(422);
    assertThat(taken.json().path("success").asBoolean()).isFalse();
    assertThat(taken.json().path("message").asString())
        .isEqualTo("This time slot is already reserved");
  }

  /** Seed 001's "Success Response" for a user the phone already named. */
  private static String agentAnswer(
      JsonNode actual, String userId, LocalDate date, String notes, boolean created) {
    return """
        {"success": true, "message": "Booking created successfully", "user_created": %s,
         "user_id": "%s", "booking_id": %d,
         "data": {
           "booking": {"id": %d, "service_name": "Legal Consultation", "booking_date": "%s",
                       "booking_time": "14:00:00", "status": "upcoming", "notes": %s,
                       "created_at": "%s"},
           "user": {"id": "%s", "username": "1234567890", "first_name": "John",
                    "last_name": "Doe", "email": "john.doe@example.com", "phone": "1234567890",
                    "is_active": true, "created": %s}}}
        """
        .formatted(
            created,
            userId,
            actual.path("booking_id").asLong(),
            actual.path("booking_id").asLong(),
            date,
            notes == null ? "null" : "\"" + notes + "\"",
            actual.path("data").path("booking").path("created_at").asString(),
            userId,
            created);
  }

  @Test
  void seed000ClientDataAndCheckClient() {
    String admin = "Bearer " + demoAdminToken();

    // Mode 2's "client_data", as written
    GatewayResponse client =
        gateway()
            .post(
                "/api/v1/customers/clients/",
                """
                {
                    "full_name": "John Doe",
                    "mobile": "9876543210",
                    "email": "john@example.com",
                    "city": "Mumbai",
                    "address": "123 Main Street",
                    "notes": "New customer"
                }
                """,
                "Authorization",
                admin);
    JsonNode stored = client.json().path("client");
    String clientJson =
        """
        {"id": "%s", "full_name": "John Doe", "mobile": "9876543210",
         "email": "john@example.com", "city": "Mumbai", "address": "123 Main Street",
         "notes": "New customer", "is_active": true, "created_at": "%s", "updated_at": "%s"}
        """
            .formatted(
                stored.path("id").asString(),
                stored.path("created_at").asString(),
                stored.path("updated_at").asString());
    assertExactly(client, 201, "{\"created\": true, \"client\": %s}".formatted(clientJson));

    // "Check Client Existence": GET .../check-client/?mobile=9876543210
    assertExactly(
        gateway().get("/api/v1/customers/check-client/?mobile=9876543210", "Authorization", admin),
        200,
        """
        {"exists": true, "client": %s,
         "message": "Client found with mobile number 9876543210"}
        """
            .formatted(clientJson));
    assertExactly(
        gateway().get("/api/v1/customers/check-client/?mobile=1234567890", "Authorization", admin),
        200,
        """
        {"exists": false, "client": null,
         "message": "No client found with mobile number 1234567890"}
        """);

    // the same mobile written otherwise finds the same client ("get_or_create")
    GatewayResponse again =
        gateway()
            .post(
                "/api/v1/customers/clients/",
                "{\"full_name\": \"John Doe\", \"mobile\": \"98765 43210\"}",
                "Authorization",
                admin);
    assertExactly(again, 200, "{\"created\": false, \"client\": %s}".formatted(clientJson));

    // "Validation Errors": the seed's text for a mobile that is not ten digits
    GatewayResponse invalid =
        gateway()
            .post(
                "/api/v1/customers/clients/",
                "{\"full_name\": \"John Doe\", \"mobile\": \"98765\"}",
                "Authorization",
                admin);
    assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
    assertThat(invalid.json().path("error").asString()).isEqualTo("Validation failed");
    assertThat(invalid.json().path("details").toString())
        .isEqualTo("{\"mobile\":\"Mobile number must be exactly 10 digits.\"}");
  }

  @Test
  void seed002QuickTestRegisterThenCreateTheProfile() {
    // "PowerShell Quick Test": Register
    GatewayResponse registered =
        gateway()
            .post(
                "/api/auth/register/",
                """
                {"email": "test@example.com", "first_name": "Test", "last_name": "User",
                 "phone_number": "+15551234567", "password1": "Pass123!", "password2": "Pass123!"}
                """);
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    JsonNode user = registered.json().path("user");
    assertThat(user.path("email").asString()).isEqualTo("test@example.com");
    assertThat(user.path("first_name").asString()).isEqualTo("Test");
    assertThat(user.path("last_name").asString()).isEqualTo("User");
    assertThat(user.path("phone_number").asString()).isEqualTo("+15551234567");
    String token = "Bearer " + registered.json().path("tokens").path("access").asString();
    assertThat(registered.json().path("tokens").path("refresh").asString()).isNotBlank();

    // "Create Profile" with $auth.tokens.access
    GatewayResponse profile =
        gateway()
            .post(
                "/api/v1/customers/profile/create/",
                """
                {"street_address": "123 Test St", "city": "Portland", "state": "Oregon",
                 "postal_code": "97201", "country": "USA"}
                """,
                "Authorization",
                token);
    // 201, or 200 when the user.registered event made the record first: the record, with the
    // address
    assertThat(profile.status()).as(profile.toString()).isIn(200, 201);
    JsonNode customer = profile.json();
    assertThat(customer.path("user_id").asString()).isEqualTo(user.path("id").asString());
    assertThat(customer.path("street_address").asString()).isEqualTo("123 Test St");
    assertThat(customer.path("city").asString()).isEqualTo("Portland");
    assertThat(customer.path("state").asString()).isEqualTo("Oregon");
    assertThat(customer.path("postal_code").asString()).isEqualTo("97201");
    assertThat(customer.path("country").asString()).isEqualTo("USA");

    // "Get Customer Profile": customer data with email and names from the JWT
    GatewayResponse read = gateway().get("/api/v1/customers/profile/", "Authorization", token);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().path("email").asString()).isEqualTo("test@example.com");
    assertThat(read.json().path("first_name").asString()).isEqualTo("Test");
    assertThat(read.json().path("last_name").asString()).isEqualTo("User");
    assertThat(read.json().path("total_services").asInt()).isZero();

    // "Check if Profile Exists" and the health check
    GatewayResponse exists =
        gateway()
            .post(
                "/api/v1/customers/check_profile_exists/",
                "{\"user_id\": \"%s\"}".formatted(user.path("id").asString()),
                "Authorization",
                token);
    assertThat(exists.status()).as(exists.toString()).isEqualTo(200);
    assertThat(exists.json().path("exists").asBoolean()).isTrue();
    assertThat(gateway().get("/api/v1/customers/health/").status()).isEqualTo(200);
  }

  @Test
  void seed004SignupThenCustomersForAUserAndWithout() {
    // "Example 1: New User Signup"
    GatewayResponse signup =
        gateway()
            .post(
                "/api/users/",
                """
                {
                    "email": "john@example.com",
                    "username": "john",
                    "first_name": "John",
                    "last_name": "Doe",
                    "password": "SecurePass123",
                    "organization_name": "John's Business"
                }
                """);
    assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
    JsonNode founder = signup.json().path("user");
    String userId = founder.path("id").asString();
    String orgId = founder.path("organization").path("id").asString();
    assertThat(founder.path("organization").path("name").asString()).isEqualTo("John's Business");
    assertThat(founder.path("roles").toString()).isEqualTo("[\"ADMIN\"]");
    String token = "Bearer " + signup.json().path("tokens").path("access").asString();

    // "Automatically creates ... Customer record" for the user in the new organisation
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                gateway()
                        .get(
                            "/api/v1/customers/by_user_id/?user_id=" + userId,
                            "Authorization",
                            token)
                        .status()
                    == 200);
    String existing =
        gateway()
            .get("/api/v1/customers/by_user_id/?user_id=" + userId, "Authorization", token)
            .body();

    // "Example 2: Create Customer for Existing User": the existing record, no duplicate
    GatewayResponse example2 =
        gateway()
            .post(
                "/api/customers/",
                """
                {
                    "user_id": "%s",
                    "organization": "%s",
                    "email": "john@example.com",
                    "customer_type": "individual"
                }
                """
                    .formatted(userId, orgId),
                "Authorization",
                token);
    assertExactly(example2, 200, existing);

    // "Example 3: Create Customer Without User"
    GatewayResponse example3 =
        gateway()
            .post(
                "/api/customers/",
                """
                {
                    "organization": "%s",
                    "name": "Jane Smith",
                    "email": "jane@example.com",
                    "customer_type": "individual"
                }
                """
                    .formatted(orgId),
                "Authorization",
                token);
    assertThat(example3.status()).as(example3.toString()).isEqualTo(201);
    assertThat(example3.json().path("user_id").isNull()).isTrue();
    assertThat(example3.json().path("full_name").asString()).isEqualTo("Jane Smith");
    assertThat(example3.json().path("email").asString()).isEqualTo("jane@example.com");
    assertThat(example3.json().path("customer_type").asString()).isEqualTo("individual");
  }

  /** Status first (the body as the message), then the body exactly: no member missing or extra. */
  static void assertExactly(GatewayResponse response, int status, String expectedJson) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    try {
      JSONAssert.assertEquals(expectedJson, response.body(), JSONCompareMode.STRICT);
    } catch (JSONException e) {
      throw new AssertionError("Not JSON: " + response.body(), e);
    }
  }
}

package io.fieldops.customer.it;

import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static io.fieldops.platform.test.JsonAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import io.fieldops.platform.test.TestUser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Seed 002's management endpoints and seed 004's create, for staff; customers get 403 and another
 * organisation's customers are 404 exactly like missing ones.
 */
class ManagementIT extends CustomerIntegrationTest {

  private static final String FORBIDDEN =
      """
      {"type": "urn:fieldops:problem:forbidden", "title": "Forbidden", "status": 403,
       "detail": "Only staff of the organization can access customer management.",
       "instance": "%s", "success": false,
       "error": "Only staff of the organization can access customer management.",
       "message": "Only staff of the organization can access customer management."}
      """;

  private static String notFound(String instance) {
    return """
        {"type": "urn:fieldops:problem:not-found", "title": "Not Found", "status": 404,
         "detail": "Customer not found", "instance": "%s", "success": false,
         "error": "Customer not found", "message": "Customer not found"}
        """
        .formatted(instance);
  }

  private JsonNode standalone(Http staff, String body) {
    Http.Response response = staff.postJson(CUSTOMERS, body);
    assertStatus(response, 201);
    return response.json();
  }

  @Test
  void seed004CreateWithUserIdAnswersTheExistingCustomerOfThatUser() {
    UUID org = newOrg();
    Http agent = as(TestUser.agent(org));
    TestUser member = AUTH.register(TestUser.customer(org));
    String body = "{\"user_id\": \"%s\", \"city\": \"Khon Kaen\"}".formatted(member.id());

    Http.Response created = agent.postJson(CUSTOMERS, body);
    assertJson(created, 201, customer(created.json(), identity(member), "\"city\": \"Khon Kaen\""));

    Http.Response again = agent.postJson("/api/v1/customers", body.replace("Khon Kaen", "Other"));
    assertJson(again, 200, created.body());

    // and the user's own profile is that record
    Http.Response own = as(member).get(CUSTOMERS + "profile/");
    assertThat(own.json().path("id").asString()).isEqualTo(created.json().path("id").asString());
    // a user auth-service does not know in this organisation gets no record
    TestUser stranger = AUTH.register(TestUser.customer(newOrg()));
    assertFieldError(
        agent.postJson(CUSTOMERS, "{\"user_id\": \"%s\"}".formatted(stranger.id())),
        "user_id",
        "No member of this organization has this user id.");
  }

  @Test
  void seed004sOwnPathAndBodiesWorkAsWritten() {
    UUID org = newOrg();
    Http agent = as(TestUser.agent(org));
    TestUser member = AUTH.register(TestUser.customer(org));
    Http.Response existing =
        agent.postJson(CUSTOMERS, "{\"user_id\": \"%s\"}".formatted(member.id()));
    assertStatus(existing, 201);

    // Example 2: a customer for a user who already has one answers that one, unchanged
    Http.Response example2 =
        agent.postJson(
            "/api/customers/",
            """
            {"user_id": "%s", "organization": "%s", "email": "john@example.com",
             "customer_type": "individual"}
            """
                .formatted(member.id(), org));
    assertJson(example2, 200, existing.body());

    // Example 3: a standalone customer
    Http.Response example3 =
        agent.postJson(
            "/api/customers/",
            """
            {"organization": "%s", "name": "Jane Smith", "email": "jane@example.com",
             "customer_type": "individual"}
            """
                .formatted(org));
    assertJson(
        example3,
        201,
        customer(
            example3.json(),
            "\"email\": \"jane@example.com\", \"first_name\": null, \"last_name\": null,"
                + " \"phone_number\": null",
            "\"full_name\": \"Jane Smith\""));
    Http.Response business =
        agent.postJson("/api/customers", "{\"name\": \"Acme\", \"customer_type\": \"business\"}");
    assertStatus(business, 201);
    assertThat(business.json().path("customer_type").asString()).isEqualTo("business");

    // another organisation's id, or an unknown type, is a 400 naming the member
    assertFieldError(
        agent.postJson(
            "/api/customers/", "{\"organization\": \"%s\", \"name\": \"X\"}".formatted(newOrg())),
        "organization",
        "Customers can only be created in your own organisation.");
    assertFieldError(
        agent.postJson("/api/customers/", "{\"name\": \"X\", \"customer_type\": \"vip\"}"),
        "customer_type",
        "Must be one of: individual, business.");
    assertStatus(as(member).postJson("/api/customers/", "{\"name\": \"X\"}"), 403);
  }

  @Test
  void standaloneCustomersHaveTheirOwnNameMobileAndEmail() {
    Http agent = as(TestUser.agent(newOrg()));

    Http.Response created =
        agent.postJson(
            CUSTOMERS,
            """
            {"full_name": "Jane Smith", "mobile": "081-234-5678", "email": "jane@example.com",
             "notes": "gate code 1234", "city": "Bangkok"}
            """);

    assertJson(
        created,
        201,
        customer(
            created.json(),
            "\"email\": \"jane@example.com\", \"first_name\": null, \"last_name\": null,"
                + " \"phone_number\": null",
            """
            "full_name": "Jane Smith", "mobile": "0812345678", "notes": "gate code 1234",
            "city": "Bangkok"
            """));
    // the same number written differently is the same client: 409 naming the field
    Http.Response duplicate =
        agent.postJson(CUSTOMERS, "{\"full_name\": \"J\", \"mobile\": \"+66 81 234 5678\"}");
    assertProblem(
        duplicate,
        409,
        """
        {"type": "urn:fieldops:problem:conflict", "title": "Conflict", "status": 409,
         "detail": "A customer with this mobile number already exists.",
         "instance": "/api/v1/customers", "success": false,
         "error": "A customer with this mobile number already exists.",
         "message": "A customer with this mobile number already exists.",
         "details": {"mobile": "A customer with this mobile number already exists."}}
        """);
    assertFieldError(agent.postJson(CUSTOMERS, "{}"), "full_name", "This field is required.");
    assertFieldError(
        agent.postJson(CUSTOMERS, "{\"full_name\": \"  \"}"),
        "full_name",
        "This field may not be blank.");
    assertFieldError(
        agent.postJson(CUSTOMERS, "{\"full_name\": \"X\", \"mobile\": \"12345\"}"),
        "mobile",
        "Mobile number must be exactly 10 digits.");
    assertFieldError(
        agent.postJson(CUSTOMERS, "{\"full_name\": \"X\", \"email\": \"not-an-email\"}"),
        "email",
        "must be a well-formed email address");
    assertFieldError(
        agent.postJson(
            CUSTOMERS, "{\"full_name\": \"X\", \"notes\": \"" + "n".repeat(2001) + "\"}"),
        "notes",
        "size must be between 0 and 2000");
    assertStatus(agent.postJson(CUSTOMERS, "{\"user_id\": \"not-a-uuid\"}"), 400);
    assertFieldError(
        agent.postJson(
            CUSTOMERS, "{\"user_id\": \"%s\", \"full_name\": \"X\"}".formatted(UUID.randomUUID())),
        "full_name",
        "Names, email and phone of a user's customer record live in the auth service"
            + " (PATCH /api/auth/profile/update/).");
  }

  @Test
  void staffSeeALinkedCustomersIdentityFromAuthServiceWithTheirOwnToken() {
    UUID org = newOrg();
    TestUser agent = TestUser.agent(org);
    TestUser member = AUTH.register(TestUser.customer(org));
    String id =
        as(member).postJson(CUSTOMERS + "profile/create/", "{}").json().path("id").asString();

    Http.Response read = as(agent).get(CUSTOMERS + id + "/");

    assertJson(read, 200, customer(read.json(), identity(member), ""));
    assertThat(read.header("ETag")).isEqualTo("\"0\"");
    // asked with the agent's own token (relayed), not with a service credential
    assertThat(AUTH.callers()).last().isEqualTo(agent.id().toString());
    Http.Response byUser = as(agent).get(CUSTOMERS + "by_user_id/?user_id=" + member.id());
    assertJson(byUser, 200, read.body());
    assertStatus(as(agent).get(CUSTOMERS + "by_user_id/?user_id=" + UUID.randomUUID()), 404);
    assertStatus(as(agent).get(CUSTOMERS + "by_user_id/"), 400);
    assertStatus(as(agent).get(CUSTOMERS + "by_user_id/?user_id=42"), 400);
    assertStatus(as(agent).get(CUSTOMERS + "not-a-uuid/"), 400);
  }

  @Test
  void listIsPagedNewestFirstAndSearchable() {
    UUID org = newOrg();
    Http admin = as(TestUser.admin(org));
    JsonNode a =
        standalone(
            admin,
            "{\"full_name\": \"Qorvath W\", \"mobile\": \"0812345671\", \"city\": \"Phuket\"}");
    JsonNode b =
        standalone(
            admin, "{\"full_name\": \"Ben C\", \"mobile\": \"0812345672\", \"city\": \"Bangkok\"}");
    TestUser member = AUTH.register(TestUser.customer(org));
    JsonNode c =
        as(member).postJson(CUSTOMERS + "profile/create/", "{\"city\": \"Bangkok\"}").json();

    Http.Response firstPage = admin.get(CUSTOMERS + "?page=0&size=2");
    assertJson(
        firstPage,
        200,
        """
        {"count": 3, "page": 0, "size": 2, "results": [%s, %s]}
        """
            .formatted(
                customer(c, identity(member), "\"city\": \"Bangkok\""),
                customer(
                    b,
                    "\"email\": null, \"first_name\": null, \"last_name\": null, \"phone_number\": null",
                    "\"full_name\": \"Ben C\", \"mobile\": \"0812345672\", \"city\": \"Bangkok\"")));
    assertThat(ids(admin.get(CUSTOMERS + "?page=1&size=2"))).containsExactly(id(a));
    assertThat(ids(admin.get(CUSTOMERS + "?search=bangkok"))).containsExactly(id(c), id(b));
    assertThat(ids(admin.get(CUSTOMERS + "?search=081-234-5671"))).containsExactly(id(a));
    // (a name no test user has: auth-service's matches join the record's own)
    assertThat(ids(admin.get(CUSTOMERS + "?search=qorvath"))).containsExactly(id(a));
    assertThat(ids(admin.get(CUSTOMERS + "?search=" + b.path("code").asString())))
        .containsExactly(id(b));
    assertThat(ids(admin.get(CUSTOMERS + "?search=%25"))).isEmpty();
    // a linked customer is found by what auth-service holds for them (here a unique piece of the
    // email; the stub matches names, email and phone like auth-service)
    String piece =
        member.email().substring(member.email().indexOf('.') + 1, member.email().indexOf('@'));
    assertThat(ids(admin.get(CUSTOMERS + "?search=" + piece))).containsExactly(id(c));
    assertThat(ids(admin.get(CUSTOMERS + "?linked=true"))).containsExactly(id(c));
    assertThat(ids(admin.get(CUSTOMERS + "?is_verified=true"))).isEmpty();
    assertFieldError(admin.get(CUSTOMERS + "?size=101"), "size", "Size must be between 1 and 100.");
    assertFieldError(admin.get(CUSTOMERS + "?page=-1"), "page", "Page must be 0 or more.");
    assertStatus(admin.get(CUSTOMERS + "?page=x"), 400);
    assertStatus(admin.get(CUSTOMERS + "?is_verified=maybe"), 400);
  }

  @Test
  void incrementServiceAndVerifyTrackTheCustomer() {
    UUID org = newOrg();
    // a level 0 technician sees only what is assigned to them: not the customer list
    assertStatus(as(TestUser.technician(org)).get(CUSTOMERS), 403);
    Http technician = as(TestUser.agent(org));
    String id = id(standalone(technician, "{\"full_name\": \"Ploy\"}"));

    Http.Response served = technician.postJson(CUSTOMERS + id + "/increment_service/", "");
    assertStatus(served, 200);
    assertThat(served.json().path("total_services").asInt()).isEqualTo(1);
    assertThat(served.json().path("last_service_date").asString())
        .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(
            technician
                .postJson(CUSTOMERS + id + "/increment_service", "")
                .json()
                .path("total_services")
                .asInt())
        .isEqualTo(2);

    Http.Response verified = technician.postJson(CUSTOMERS + id + "/verify/", "");
    assertStatus(verified, 200);
    assertThat(verified.json().path("is_verified").asBoolean()).isTrue();
    assertThat(technician.get(CUSTOMERS + "?is_verified=true").json().path("count").asInt())
        .isEqualTo(1);
  }

  @Test
  void staffUpdateIsGuardedByIfMatchAndKeepsIdentityRules() {
    UUID org = newOrg();
    Http agent = as(TestUser.agent(org));
    String id = id(standalone(agent, "{\"full_name\": \"Kanya\", \"mobile\": \"0812345670\"}"));
    String other = id(standalone(agent, "{\"full_name\": \"Niran\", \"mobile\": \"0899999999\"}"));

    Http.Response updated =
        agent
            .header("If-Match", "\"0\"")
            .patchJson(CUSTOMERS + id + "/", "{\"mobile\": \"089 111 2222\", \"city\": \"Nan\"}");
    assertStatus(updated, 200);
    assertThat(updated.json().path("mobile").asString()).isEqualTo("0891112222");
    assertThat(updated.header("ETag")).isEqualTo("\"1\"");
    assertStatus(agent.header("If-Match", "\"0\"").patchJson(CUSTOMERS + id, "{}"), 412);
    assertStatus(agent.patchJson(CUSTOMERS + other, "{\"mobile\": \"0891112222\"}"), 409);
    assertFieldError(
        agent.patchJson(CUSTOMERS + id, "{\"full_name\": \"\"}"),
        "full_name",
        "This field may not be blank.");

    TestUser member = AUTH.register(TestUser.customer(org));
    String linked = id(as(member).postJson(CUSTOMERS + "profile/create/", "{}").json());
    assertFieldError(
        agent.patchJson(CUSTOMERS + linked, "{\"email\": \"x@example.com\"}"),
        "email",
        "Names, email and phone of a user's customer record live in the auth service"
            + " (PATCH /api/auth/profile/update/).");
    assertStatus(agent.patchJson(CUSTOMERS + linked, "{\"tax_id\": \"0105555\"}"), 200);
  }

  @Test
  void statsCountTheOrganisationOnly() {
    UUID org = newOrg();
    Http supervisor = as(TestUser.supervisor(org));
    String id = id(standalone(supervisor, "{\"full_name\": \"A\"}"));
    standalone(supervisor, "{\"full_name\": \"B\"}");
    supervisor.postJson(CUSTOMERS + id + "/verify/", "");
    supervisor.postJson(CUSTOMERS + id + "/increment_service/", "");
    as(TestUser.customer(org)).postJson(CUSTOMERS + "profile/create/", "{}");
    standalone(as(TestUser.agent(newOrg())), "{\"full_name\": \"elsewhere\"}");

    assertJson(
        supervisor.get(CUSTOMERS + "stats/"),
        200,
        """
        {"total_customers": 3, "verified_customers": 1, "unverified_customers": 2,
         "linked_customers": 1, "standalone_customers": 2, "total_services": 1,
         "recent_customers": 3}
        """);
  }

  @Test
  void checkProfileExistsForOneselfOrAsStaff() {
    UUID org = newOrg();
    TestUser user = TestUser.customer(org);
    Http customer = as(user);
    String check = CUSTOMERS + "check_profile_exists/";

    assertJson(
        customer.postJson(check, "{\"user_id\": \"%s\"}".formatted(user.id())),
        200,
        "{\"exists\": false, \"user_id\": \"%s\", \"customer_id\": null}".formatted(user.id()));
    String id = id(customer.postJson(CUSTOMERS + "profile/create/", "{}").json());
    assertJson(
        customer.postJson(
            check.replace("/check_profile_exists/", "/check_profile_exists"),
            "{\"user_id\": \"%s\"}".formatted(user.id())),
        200,
        "{\"exists\": true, \"user_id\": \"%s\", \"customer_id\": \"%s\"}"
            .formatted(user.id(), id));
    Http.Response other =
        customer.postJson(check, "{\"user_id\": \"%s\"}".formatted(UUID.randomUUID()));
    assertStatus(other, 403);
    assertThat(other.json().path("detail").asString())
        .isEqualTo("Customers can only check their own profile.");
    assertThat(
            as(TestUser.agent(org))
                .postJson(check, "{\"user_id\": \"%s\"}".formatted(user.id()))
                .json()
                .path("exists")
                .asBoolean())
        .isTrue();
  }

  /** Issue 16: without user_id this answered about the caller; seed 002 always sends it. */
  @Test
  void checkProfileExistsWithoutUserIdIsA400NamingIt() {
    Http customer = as(TestUser.customer(newOrg()));
    String check = CUSTOMERS + "check_profile_exists/";
    String expected =
        """
        {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
         "detail": "Validation failed", "instance": "/api/v1/customers/check_profile_exists",
         "success": false, "error": "Validation failed", "message": "Validation failed",
         "details": {"user_id": "This field is required."}}
        """;
    for (String body : List.of("", "{}", "{\"user_id\": null}")) {
      assertProblem(customer.postJson(check, body), 400, expected);
    }
    Http.Response number = customer.postJson(check, "{\"user_id\": 7}");
    assertFieldError(number, "user_id", "'user_id' must be a UUID");
  }

  @Test
  void healthIsPublic() {
    for (String path : List.of(CUSTOMERS + "health/", "/api/v1/customers/health")) {
      assertJson(
          http().get(path),
          200,
          "{\"status\": \"healthy\", \"service\": \"customer-service\", \"database\": \"up\"}");
    }
  }

  @Test
  void customersGet403OnEveryStaffEndpoint() {
    UUID org = newOrg();
    String id = id(standalone(as(TestUser.agent(org)), "{\"full_name\": \"Staff made\"}"));
    Http customer = as(TestUser.customer(org));

    assertProblem(customer.get(CUSTOMERS), 403, FORBIDDEN.formatted("/api/v1/customers"));
    for (Http.Response response :
        List.of(
            customer.get(CUSTOMERS + id + "/"),
            customer.patchJson(CUSTOMERS + id + "/", "{}"),
            customer.postJson(CUSTOMERS, "{\"full_name\": \"X\"}"),
            customer.get(CUSTOMERS + "by_user_id/?user_id=" + UUID.randomUUID()),
            customer.postJson(CUSTOMERS + id + "/increment_service/", ""),
            customer.postJson(CUSTOMERS + id + "/verify/", ""),
            customer.get(CUSTOMERS + "stats/"),
            customer.postJson(
                CUSTOMERS + "clients/", "{\"full_name\": \"X\", \"mobile\": \"0812345678\"}"),
            customer.get(CUSTOMERS + "clients/" + id + "/"),
            customer.get(CUSTOMERS + "check-client/?mobile=0812345678"))) {
      assertStatus(response, 403);
      assertThat(response.json().path("detail").asString())
          .isEqualTo("Only staff of the organization can access customer management.");
    }
    assertThat(as(TestUser.agent(org)).get(CUSTOMERS + id).json().path("total_services").asInt())
        .isZero();
  }

  @Test
  void anotherOrganisationsCustomerIsNotFoundLikeAMissingOne() {
    Http mine = as(TestUser.admin(newOrg()));
    Http theirs = as(TestUser.admin(newOrg()));
    String id = id(standalone(theirs, "{\"full_name\": \"Theirs\", \"mobile\": \"0812345678\"}"));
    String missing = UUID.randomUUID().toString();

    for (String target : List.of(id, missing)) {
      assertProblem(
          mine.get(CUSTOMERS + target + "/"), 404, notFound("/api/v1/customers/" + target));
      assertProblem(
          mine.postJson(CUSTOMERS + target + "/increment_service/", ""),
          404,
          notFound("/api/v1/customers/" + target + "/increment_service"));
      assertStatus(mine.postJson(CUSTOMERS + target + "/verify/", ""), 404);
      assertStatus(mine.patchJson(CUSTOMERS + target + "/", "{\"city\": \"X\"}"), 404);
      assertStatus(mine.get(CUSTOMERS + "clients/" + target + "/"), 404);
    }
    assertThat(mine.get(CUSTOMERS).json().path("count").asInt()).isZero();
    // the same mobile is free in my organisation: uniqueness is per organisation
    assertStatus(
        mine.postJson(CUSTOMERS, "{\"full_name\": \"Mine\", \"mobile\": \"0812345678\"}"), 201);
    assertThat(theirs.get(CUSTOMERS + id).json().path("total_services").asInt()).isZero();
  }

  private static String id(JsonNode customer) {
    return customer.path("id").asString();
  }

  private static List<String> ids(Http.Response page) {
    assertStatus(page, 200);
    return page.json().path("results").valueStream().map(ManagementIT::id).toList();
  }
}

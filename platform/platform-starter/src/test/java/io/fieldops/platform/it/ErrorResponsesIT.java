package io.fieldops.platform.it;

import static io.fieldops.platform.test.JsonAssertions.assertJson;
import static io.fieldops.platform.test.JsonAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldops.platform.test.Http;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every kind of error answers problem+json with the seeds' members, in English and Thai. */
class ErrorResponsesIT extends PlatformIntegrationTest {

  private static final String VALID_JOB_CARD =
      """
      {"service_name": "Pest control", "client_data": {"name": "Somchai", "mobile": "0812345678"}}
      """;

  @Nested
  class TooLargeBody {

    // 1.5 MB of otherwise valid JSON: over the 1 MB default, under Tomcat's 2 MB swallow limit so
    // the client still reads the answer instead of a reset connection.
    private final byte[] body =
        ("{\"service_name\": \""
                + "x".repeat(1_500_000)
                + "\", \"client_data\": {\"name\": \"A\", \"mobile\": \"0812345678\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private static final String EXPECTED =
        """
        {"type": "urn:fieldops:problem:payload-too-large", "title": "Content Too Large",
         "status": 413, "detail": "The request is too large", "instance": "/test/jobcards",
         "success": false, "error": "The request is too large",
         "message": "The request is too large"}
        """;

    @Test
    void declaredLengthOverTheLimitIsRefusedBeforeReading() {
      assertProblem(asAgent().post("/test/jobcards", "application/json", body), 413, EXPECTED);
    }

    @Test
    void chunkedBodyIsRefusedOnceItGrowsPastTheLimit() {
      assertProblem(asAgent().postChunked("/test/jobcards", body), 413, EXPECTED);
    }
  }

  @Nested
  class BeanValidation {

    @Test
    void nestedFieldErrorsBecomeNestedDetailsInSnakeCase() {
      var response =
          asAgent()
              .postJson(
                  "/test/jobcards",
                  """
                  {"service_name": " ", "client_data": {"name": "Somchai", "mobile": "123"}}
                  """);

      assertProblem(
          response,
          400,
          """
          {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
           "detail": "Validation failed", "instance": "/test/jobcards",
           "success": false, "error": "Validation failed", "message": "Validation failed",
           "details": {"client_data": {"mobile": "Mobile number must be exactly 10 digits."},
                       "service_name": "must not be blank"}}
          """);
    }

    @Test
    void thaiCallerGetsThaiMessages() {
      var response =
          asAgent()
              .thai()
              .postJson(
                  "/test/jobcards",
                  """
                  {"service_name": " ", "client_data": {"name": "Somchai", "mobile": "123"}}
                  """);

      assertProblem(
          response,
          400,
          """
          {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
           "detail": "ข้อมูลไม่ถูกต้อง", "instance": "/test/jobcards",
           "success": false, "error": "ข้อมูลไม่ถูกต้อง", "message": "ข้อมูลไม่ถูกต้อง",
           "details": {"client_data": {"mobile": "หมายเลขโทรศัพท์มือถือต้องมี 10 หลัก"},
                       "service_name": "ต้องไม่เป็นค่าว่าง"}}
          """);
    }

    @Test
    void listElementsKeepTheirIndex() {
      var response =
          asAgent()
              .postJson(
                  "/test/jobcards",
                  """
                  {"service_name": "x", "client_data": {"name": "A", "mobile": "0812345678"},
                   "lines": [{"item_name": "ok"}, {"item_name": ""}]}
                  """);

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().at("/details/lines[1]/item_name").asString())
          .isEqualTo("must not be blank");
    }

    @Test
    void missingNestedObjectIsNamed() {
      var response = asAgent().postJson("/test/jobcards", "{\"service_name\": \"x\"}");

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().at("/details/client_data").asString()).isEqualTo("is required");
    }

    @Test
    void constrainedQueryParameterIsNamedAsSent() {
      var response = asAgent().get("/test/page-size?page_size=0");

      assertProblem(
          response,
          400,
          """
          {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
           "detail": "Validation failed", "instance": "/test/page-size",
           "success": false, "error": "Validation failed", "message": "Validation failed",
           "details": {"page_size": "must be greater than or equal to 1"}}
          """);
    }
  }

  @Nested
  class ServiceLayer {

    @Test
    void constraintViolationBelowTheWebLayerIs400NamingTheField() {
      var response = asAgent().get("/test/reserve?date=2000-01-01");

      assertProblem(
          response,
          400,
          """
          {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
           "detail": "Validation failed", "instance": "/test/reserve",
           "success": false, "error": "Validation failed", "message": "Validation failed",
           "details": {"booking_date": "must be a date in the future"}}
          """);
    }

    @Test
    void objectLevelDetailsUseTheSeedsErrorKey() {
      var response = asAgent().postJson("/test/client-check", "{\"client_id\": 999}");

      assertProblem(
          response,
          400,
          """
          {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
           "detail": "Validation failed", "instance": "/test/client-check",
           "success": false, "error": "Validation failed", "message": "Validation failed",
           "details": {"error": "Client with ID 999 does not exist."}}
          """);
    }

    @Test
    void failureOutsideMvcIsStillAProblemWithoutInternals() {
      var response = anonymous().get("/test/public/filter-boom");

      assertProblem(
          response,
          500,
          """
          {"type": "urn:fieldops:problem:internal-error", "title": "Internal Server Error",
           "status": 500, "detail": "An unexpected error occurred; please try again later",
           "instance": "/test/public/filter-boom", "success": false,
           "error": "An unexpected error occurred; please try again later",
           "message": "An unexpected error occurred; please try again later"}
          """);
      assertThat(response.body()).doesNotContain("jdbc", "secret");
    }
  }

  @Nested
  class UnreadableBodies {

    @Test
    void malformedJson() {
      var response = asAgent().postJson("/test/jobcards", "{\"service_name\": ");

      assertProblem(
          response,
          400,
          """
          {"type": "urn:fieldops:problem:malformed-json", "title": "Bad Request", "status": 400,
           "detail": "Malformed JSON request", "instance": "/test/jobcards",
           "success": false, "error": "Malformed JSON request", "message": "Malformed JSON request"}
          """);
    }

    @Test
    void missingBody() {
      var response = asAgent().postJson("/test/jobcards", "");

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("error").asString()).isEqualTo("Request body is missing");
    }

    @Test
    void aNulCharacterInAJsonStringIs400NamingTheMember() {
      var response =
          asAgent()
              .postJson(
                  "/test/jobcards",
                  """
                  {"service_name": "x", "client_data": {"name": "A\\u0000B", "mobile": "0812345678"}}
                  """);

      assertProblem(
          response,
          400,
          """
          {"type": "urn:fieldops:problem:invalid-value", "title": "Bad Request", "status": 400,
           "detail": "'client_data.name' must not contain the NUL character (U+0000)",
           "instance": "/test/jobcards", "success": false,
           "error": "'client_data.name' must not contain the NUL character (U+0000)",
           "message": "'client_data.name' must not contain the NUL character (U+0000)",
           "details": {"client_data": {
               "name": "'client_data.name' must not contain the NUL character (U+0000)"}}}
          """);
    }

    @Test
    void wrongTypeNamesFieldAndExpectedType() {
      var response =
          asAgent()
              .postJson(
                  "/test/jobcards",
                  """
                  {"service_name": "x", "client_data": {"name": "A", "mobile": "0812345678"},
                   "quantity": "three"}
                  """);

      assertProblem(
          response,
          400,
          """
          {"type": "urn:fieldops:problem:type-mismatch", "title": "Bad Request", "status": 400,
           "detail": "'quantity' must be an integer", "instance": "/test/jobcards",
           "success": false, "error": "'quantity' must be an integer",
           "message": "'quantity' must be an integer",
           "details": {"quantity": "'quantity' must be an integer"}}
          """);
    }

    /** Issue 16: no guessing across JSON types (web.StrictJsonTypes). */
    @Test
    void numberForAStringIsRefusedNotReadAsText() {
      var response =
          asAgent()
              .postJson(
                  "/test/jobcards",
                  """
                  {"service_name": 5, "client_data": {"name": "A", "mobile": "0812345678"}}
                  """);

      assertTypeMismatch(response, "{\"service_name\": \"%s\"}", "'service_name' must be a string");
    }

    @Test
    void booleanForANestedStringIsRefusedInThai() {
      var response =
          asAgent()
              .thai()
              .postJson(
                  "/test/jobcards",
                  """
                  {"service_name": "x", "client_data": {"name": true, "mobile": "0812345678"}}
                  """);

      assertTypeMismatch(
          response, "{\"client_data\": {\"name\": \"%s\"}}", "'client_data.name' ต้องเป็นข้อความ");
    }

    @Test
    void quotedNumberForAnIntegerIsRefused() {
      var response =
          asAgent()
              .postJson(
                  "/test/jobcards",
                  """
                  {"service_name": "x", "client_data": {"name": "A", "mobile": "0812345678"},
                   "quantity": "5"}
                  """);

      assertTypeMismatch(response, "{\"quantity\": \"%s\"}", "'quantity' must be an integer");
    }

    @Test
    void quotedOrNumericBooleanIsRefused() {
      for (String urgent : List.of("\"true\"", "1")) {
        var response =
            asAgent()
                .postJson(
                    "/test/jobcards",
                    """
                    {"service_name": "x", "client_data": {"name": "A", "mobile": "0812345678"},
                     "urgent": %s}
                    """
                        .formatted(urgent));

        assertTypeMismatch(response, "{\"urgent\": \"%s\"}", "'urgent' must be true or false");
      }
    }

    @Test
    void eachTypeFromItsOwnJsonTypeIsAccepted() {
      var response =
          asAgent()
              .postJson(
                  "/test/jobcards",
                  """
                  {"service_name": "x", "client_data": {"name": "A", "mobile": null},
                   "quantity": 5, "urgent": true}
                  """);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().get("quantity").asInt()).isEqualTo(5);
      assertThat(response.json().get("urgent").asBoolean()).isTrue();
    }

    /** The whole problem body of a wrong JSON type; {@code details} is nested by the path. */
    private static void assertTypeMismatch(Http.Response response, String details, String text) {
      assertProblem(
          response,
          400,
          """
          {"type": "urn:fieldops:problem:type-mismatch", "title": "Bad Request", "status": 400,
           "detail": "%1$s", "instance": "/test/jobcards", "success": false, "error": "%1$s",
           "message": "%1$s", "details": %2$s}
          """
              .formatted(text, details.formatted(text)));
    }

    @Test
    void fractionForAnIntegerIsRejectedNotTruncated() {
      var response =
          asAgent()
              .postJson(
                  "/test/jobcards",
                  """
                  {"service_name": "x", "client_data": {"name": "A", "mobile": "0812345678"},
                   "quantity": 1.5}
                  """);

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("error").asString())
          .isEqualTo("'quantity' must be an integer");
    }

    @Test
    void wrongDateFormatNamesTheExpectedFormatInThai() {
      var response =
          asAgent()
              .thai()
              .postJson(
                  "/test/jobcards",
                  """
                  {"service_name": "x", "client_data": {"name": "A", "mobile": "0812345678"},
                   "booking_date": "20/10/2025"}
                  """);

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("error").asString())
          .isEqualTo("'booking_date' ต้องเป็นวันที่ (YYYY-MM-DD)");
    }

    @Test
    void unknownEnumValueListsAllowedValues() {
      // an index (1) is no name either: not read as the second constant (web.StrictJsonTypes)
      for (String priority : List.of("\"HIGH\"", "1")) {
        var response =
            asAgent()
                .postJson(
                    "/test/jobcards",
                    """
                    {"service_name": "x", "client_data": {"name": "A", "mobile": "0812345678"},
                     "priority": %s}
                    """
                        .formatted(priority));

        assertProblem(
            response,
            400,
            """
            {"type": "urn:fieldops:problem:invalid-enum-value", "title": "Bad Request",
             "status": 400, "detail": "'priority' must be one of: LOW, NORMAL, URGENT",
             "instance": "/test/jobcards", "success": false,
             "error": "'priority' must be one of: LOW, NORMAL, URGENT",
             "message": "'priority' must be one of: LOW, NORMAL, URGENT",
             "details": {"priority": "'priority' must be one of: LOW, NORMAL, URGENT"}}
            """);
      }
    }

    @Test
    void unknownPropertyIsRejectedByName() {
      var response =
          asAgent()
              .postJson(
                  "/test/jobcards",
                  """
                  {"service_name": "x",
                   "client_data": {"name": "A", "mobile": "0812345678", "age": 40}}
                  """);

      assertProblem(
          response,
          400,
          """
          {"type": "urn:fieldops:problem:unknown-property", "title": "Bad Request", "status": 400,
           "detail": "Unknown field 'client_data.age'", "instance": "/test/jobcards",
           "success": false, "error": "Unknown field 'client_data.age'",
           "message": "Unknown field 'client_data.age'",
           "details": {"client_data": {"age": "Unknown field 'client_data.age'"}}}
          """);
    }

    @Test
    void camelCaseNamesAreUnknownBecauseTheApiSpeaksSnakeCase() {
      var response =
          asAgent()
              .postJson(
                  "/test/jobcards", "{\"serviceName\": \"x\", \"client_data\": {\"name\": \"A\"}}");

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("error").asString()).isEqualTo("Unknown field 'serviceName'");
    }
  }

  @Nested
  class Parameters {

    @Test
    void aNulCharacterInAQueryParameterIs400NamingIt() {
      var response = asAgent().get("/test/search?page=1&search=a%00b");

      assertProblem(
          response,
          400,
          """
          {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
           "detail": "'search' must not contain the NUL character (U+0000)",
           "instance": "/test/search", "success": false,
           "error": "'search' must not contain the NUL character (U+0000)",
           "message": "'search' must not contain the NUL character (U+0000)",
           "details": {"search": "Must not contain the NUL character (U+0000)."}}
          """);
    }

    /** Issue 16's fuzzer: Tomcat's decoding failure answered 500. */
    @Test
    void aQueryParameterThatIsNotUtf8Is400NamingIt() {
      var response = asAgent().get("/test/search?page=1&search=%C3%28");

      assertProblem(
          response,
          400,
          """
          {"type": "urn:fieldops:problem:validation-failed", "title": "Bad Request", "status": 400,
           "detail": "'search' is not valid UTF-8 text",
           "instance": "/test/search", "success": false,
           "error": "'search' is not valid UTF-8 text",
           "message": "'search' is not valid UTF-8 text",
           "details": {"search": "Must be UTF-8 text, percent-encoded."}}
          """);
    }

    @Test
    void wrongQueryParameterType() {
      var response = asAgent().get("/test/search?page=abc");

      assertProblem(
          response,
          400,
          """
          {"type": "urn:fieldops:problem:type-mismatch", "title": "Bad Request", "status": 400,
           "detail": "'page' must be an integer", "instance": "/test/search",
           "success": false, "error": "'page' must be an integer",
           "message": "'page' must be an integer",
           "details": {"page": "'page' must be an integer"}}
          """);
    }

    @Test
    void aDateBeyondTheYear9999IsAMalformedDateNotAServerError() {
      for (String date : new String[] {"%2B999999999-12-31", "-0001-01-01", "2030-02-30"}) {
        var response = asAgent().get("/test/reserve?date=" + date);

        assertProblem(
            response,
            400,
            """
            {"type": "urn:fieldops:problem:type-mismatch", "title": "Bad Request", "status": 400,
             "detail": "'date' must be a date (YYYY-MM-DD)", "instance": "/test/reserve",
             "success": false, "error": "'date' must be a date (YYYY-MM-DD)",
             "message": "'date' must be a date (YYYY-MM-DD)",
             "details": {"date": "'date' must be a date (YYYY-MM-DD)"}}
            """);
      }
    }

    @Test
    void unknownEnumQueryParameter() {
      var response = asAgent().get("/test/search?page=1&priority=HIGH");

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("error").asString())
          .isEqualTo("'priority' must be one of: LOW, NORMAL, URGENT");
    }

    @Test
    void wrongPathVariableType() {
      var response = asAgent().get("/test/items/not-a-uuid");

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("error").asString()).isEqualTo("'id' must be a UUID");
    }

    @Test
    void missingParameter() {
      var response = asAgent().get("/test/search");

      assertProblem(
          response,
          400,
          """
          {"type": "urn:fieldops:problem:missing-parameter", "title": "Bad Request", "status": 400,
           "detail": "Missing required parameter: page", "instance": "/test/search",
           "success": false, "error": "Missing required parameter: page",
           "message": "Missing required parameter: page",
           "details": {"page": "Missing required parameter: page"}}
          """);
    }

    @Test
    void missingHeaderInThai() {
      var response = asAgent().thai().get("/test/org");

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("error").asString())
          .isEqualTo("กรุณาระบุเฮดเดอร์: X-Organization");
    }
  }

  @Nested
  class HttpLevel {

    @Test
    void unknownPathIs404Problem() {
      var response = asAgent().get("/api/v1/nothing-here");

      assertProblem(
          response,
          404,
          """
          {"type": "urn:fieldops:problem:not-found", "title": "Not Found", "status": 404,
           "detail": "No endpoint GET /api/v1/nothing-here", "instance": "/api/v1/nothing-here",
           "success": false, "error": "No endpoint GET /api/v1/nothing-here",
           "message": "No endpoint GET /api/v1/nothing-here"}
          """);
    }

    @Test
    void wrongMethodIs405WithAllowHeader() {
      var response = asAgent().postJson("/test/put-only", "{}");

      assertThat(response.header("Allow")).isEqualTo("PUT");
      assertProblem(
          response,
          405,
          """
          {"type": "urn:fieldops:problem:method-not-allowed", "title": "Method Not Allowed",
           "status": 405, "detail": "Method POST is not supported here; supported: PUT",
           "instance": "/test/put-only", "success": false,
           "error": "Method POST is not supported here; supported: PUT",
           "message": "Method POST is not supported here; supported: PUT"}
          """);
    }

    @Test
    void unacceptableFormatIs406() {
      var response = asAgent().header("Accept", "application/xml").get("/test/json-only");

      assertThat(response.status()).isEqualTo(406);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.json().get("error").asString())
          .isEqualTo("Cannot answer in the requested format; available: application/json");
    }

    @Test
    void unsupportedContentTypeIs415() {
      var response =
          asAgent().post("/test/jobcards", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));

      assertThat(response.status()).isEqualTo(415);
      assertThat(response.json().get("type").asString())
          .isEqualTo("urn:fieldops:problem:unsupported-media-type");
      assertThat(response.json().get("error").asString())
          .startsWith("Content type 'text/plain' is not supported");
    }

    @Test
    void yamlBodiesAreNotAcceptedBesideJson() {
      var response =
          asAgent()
              .post(
                  "/test/jobcards",
                  "application/yaml",
                  "serviceName: x\nclientData:\n  name: A\n".getBytes(StandardCharsets.UTF_8));

      assertThat(response.status()).isEqualTo(415);
      assertThat(response.json().get("error").asString())
          .isEqualTo(
              "Content type 'application/yaml' is not supported; send application/json,"
                  + " application/*+json");
    }

    @Test
    void tooLargeUploadIs413() {
      String boundary = "fieldopsboundary";
      String body =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
              + "Content-Type: text/plain\r\n\r\n"
              + "x".repeat(4096)
              + "\r\n--"
              + boundary
              + "--\r\n";
      var response =
          asAgent()
              .post(
                  "/test/upload",
                  "multipart/form-data; boundary=" + boundary,
                  body.getBytes(StandardCharsets.UTF_8));

      assertThat(response.status()).isEqualTo(413);
      assertThat(response.json().get("error").asString()).isEqualTo("The request is too large");
    }
  }

  @Nested
  class ApplicationExceptions {

    @Test
    void notFoundException() {
      var response = asAgent().get("/test/not-found");

      assertProblem(
          response,
          404,
          """
          {"type": "urn:fieldops:problem:not-found", "title": "Not Found", "status": 404,
           "detail": "Booking not found", "instance": "/test/not-found",
           "success": false, "error": "Booking not found", "message": "Booking not found"}
          """);
    }

    @Test
    void businessRuleIs422WithTheServicesMessage() {
      var response = asAgent().postJson("/test/slots", "{}");

      assertProblem(
          response,
          422,
          """
          {"type": "urn:fieldops:problem:business-rule", "title": "Unprocessable Content",
           "status": 422, "detail": "This time slot is already reserved",
           "instance": "/test/slots", "success": false,
           "error": "This time slot is already reserved",
           "message": "This time slot is already reserved"}
          """);
    }

    @Test
    void businessRuleInThai() {
      var response = asAgent().thai().postJson("/test/slots", "{}");

      assertThat(response.status()).isEqualTo(422);
      assertThat(response.json().get("message").asString()).isEqualTo("ช่วงเวลานี้ถูกจองแล้ว");
    }

    @Test
    void literalTextIsUsedAsIs() {
      var response = asAgent().get("/test/literal-rule");

      assertThat(response.status()).isEqualTo(422);
      assertThat(response.json().get("error").asString())
          .isEqualTo("Booking not allowed on off days");
    }

    @Test
    void conflictException() {
      var response = asAgent().get("/test/conflict");

      assertProblem(
          response,
          409,
          """
          {"type": "urn:fieldops:problem:conflict", "title": "Conflict", "status": 409,
           "detail": "A customer with this mobile already exists", "instance": "/test/conflict",
           "success": false, "error": "A customer with this mobile already exists",
           "message": "A customer with this mobile already exists"}
          """);
    }

    @Test
    void dataIntegrityViolationIs409WithoutSql() {
      var response = asAgent().get("/test/data-integrity");

      assertProblem(
          response,
          409,
          """
          {"type": "urn:fieldops:problem:conflict", "title": "Conflict", "status": 409,
           "detail": "The request conflicts with existing data",
           "instance": "/test/data-integrity", "success": false,
           "error": "The request conflicts with existing data",
           "message": "The request conflicts with existing data"}
          """);
      assertThat(response.body()).doesNotContain("uk_client_mobile", "insert", "0812345678");
    }

    @Test
    void anUnreachableDatabaseIs503WithRetryAfterNeverA500() {
      for (String path :
          new String[] {
            "/test/database-down", "/test/transaction-not-begun", "/test/database-restarting"
          }) {
        var response = asAgent().get(path);

        assertProblem(
            response,
            503,
            """
            {"type": "urn:fieldops:problem:service-unavailable", "title": "Service Unavailable",
             "status": 503,
             "detail": "The service is temporarily unavailable; please try again shortly",
             "instance": "%s", "success": false,
             "error": "The service is temporarily unavailable; please try again shortly",
             "message": "The service is temporarily unavailable; please try again shortly"}
            """
                .formatted(path));
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.body()).doesNotContain("Hikari", "5432", "JDBC");
      }
    }

    @Test
    void optimisticLockIs412LikeAStaleIfMatch() {
      var response = asAgent().thai().get("/test/optimistic-lock");

      assertThat(response.status()).isEqualTo(412);
      assertThat(response.json().get("type").asString())
          .isEqualTo("urn:fieldops:problem:stale-version");
      assertThat(response.json().get("error").asString())
          .isEqualTo("ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดใหม่แล้วลองอีกครั้ง");
      assertThat(response.body()).doesNotContain("Booking#7");
    }

    @Test
    void aServicesOwnAdviceWinsOverThePlatformCatchAll() {
      assertJson(asAgent().get("/test/teapot"), 418, "{\"brewing\": false}");
    }

    @Test
    void peerDownIs503NamingThePeerButNotItsAddress() {
      var response = asAgent().get("/test/peer-down");

      assertProblem(
          response,
          503,
          """
          {"type": "urn:fieldops:problem:service-unavailable", "title": "Service Unavailable",
           "status": 503,
           "detail": "customer-service is temporarily unavailable; please try again shortly",
           "instance": "/test/peer-down", "success": false,
           "error": "customer-service is temporarily unavailable; please try again shortly",
           "message": "customer-service is temporarily unavailable; please try again shortly"}
          """);
      assertThat(response.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void unexpectedExceptionIsGeneric500() {
      var response = asAgent().get("/test/boom");

      assertThat(response.status()).isEqualTo(500);
      assertThat(response.json().get("error").asString())
          .isEqualTo("An unexpected error occurred; please try again later");
      assertThat(response.json().get("trace_id").asString()).matches("[0-9a-f]{32}");
      assertThat(response.body())
          .doesNotContain("secret", "hunter2", "IllegalStateException", "at io.fieldops");
    }
  }
}

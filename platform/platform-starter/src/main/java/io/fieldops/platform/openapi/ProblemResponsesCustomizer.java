package io.fieldops.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpHeaders;

/**
 * Documents the platform's error answers on every operation, so a frontend developer reads the
 * problem shape in Swagger UI instead of discovering it: a {@code Problem} schema plus 400, 401,
 * 403, 500 and 503 (with {@code Retry-After}) responses where an operation does not declare its
 * own.
 */
public class ProblemResponsesCustomizer implements GlobalOpenApiCustomizer {

  public static final String SCHEMA = "Problem";

  private static final Map<String, String> RESPONSES = new LinkedHashMap<>();

  static {
    RESPONSES.put("400", "Invalid input; `details` names the fields");
    RESPONSES.put("401", "Missing, invalid or expired access token");
    RESPONSES.put("403", "Role or level too low");
    RESPONSES.put("500", "Unexpected error; `trace_id` identifies it in the logs");
    RESPONSES.put(
        "503",
        "The database or a service this one needs is unavailable; nothing was changed, and"
            + " `Retry-After` says in how many seconds trying again makes sense");
  }

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getComponents() != null) {
      openApi.getComponents().addSchemas(SCHEMA, problemSchema());
    }
    if (openApi.getPaths() == null) {
      return;
    }
    for (PathItem path : openApi.getPaths().values()) {
      for (Operation operation : path.readOperations()) {
        if (operation.getResponses() == null) {
          operation.setResponses(new ApiResponses());
        }
        RESPONSES.forEach(
            (status, description) ->
                operation
                    .getResponses()
                    .computeIfAbsent(status, s -> problemResponse(s, description)));
      }
    }
  }

  private static ApiResponse problemResponse(String status, String description) {
    ApiResponse response = new ApiResponse().description(description);
    if (status.equals("503")) {
      response.addHeaderObject(
          HttpHeaders.RETRY_AFTER,
          new Header()
              .description("Seconds to wait before trying again")
              .schema(new IntegerSchema().minimum(BigDecimal.ONE)));
    }
    return response.content(
        new Content()
            .addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
  }

  @SuppressWarnings("rawtypes")
  static Schema problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem with the members fieldops clients read")
        .addProperty("type", new StringSchema().example("urn:fieldops:problem:validation-failed"))
        .addProperty("title", new StringSchema().example("Bad Request"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema().example("Validation failed"))
        .addProperty("instance", new StringSchema().example("/api/v1/jobcards"))
        .addProperty("success", new BooleanSchema().example(false))
        .addProperty("error", new StringSchema().example("Validation failed"))
        .addProperty("message", new StringSchema().example("Validation failed"))
        .addProperty(
            "details",
            new ObjectSchema()
                .description("Field (snake_case, nested for nested objects) to message")
                .additionalProperties(true))
        .addProperty("trace_id", new StringSchema().description("Only on 500"));
  }
}

package io.fieldops.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A service's OpenAPI document ({@code /v3/api-docs}) as its tests read it: what every service's
 * document must say ({@link #assertPlatformFacts}), and lookups for the service's own facts
 * (required members, lengths, enums). Clients and the API fuzzer are generated from these
 * documents, so what they say is tested like an answer.
 */
public final class ApiDocument {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  /** Names a controller gives the caller's {@code CurrentUser} parameter. */
  private static final Set<String> CALLER_NAMES = Set.of("user", "caller", "current_user");

  private final JsonNode document;

  private ApiDocument(JsonNode document) {
    this.document = document;
  }

  /** The document {@code http} serves, read anonymously as Swagger UI and the gateway do. */
  public static ApiDocument of(Http http) {
    Http.Response response = http.get("/v3/api-docs");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return new ApiDocument(response.json());
  }

  public JsonNode json() {
    return document;
  }

  /**
   * What platform-starter promises in every service's document: {@code publicPaths} (written as in
   * the document) and only they need no token; no operation takes the caller as a parameter (it
   * comes from the token); neither {@code /error} nor an internal endpoint is an operation; a JSON
   * tree member is not described by the tree class's getters.
   */
  public ApiDocument assertPlatformFacts(String... publicPaths) {
    Set<String> publicOnes = Set.of(publicPaths);
    assertThat(document.path("paths").propertyNames()).containsAll(publicOnes);
    for (String path : document.path("paths").propertyNames()) {
      assertThat(path).isNotEqualTo("/error").doesNotContain("/internal/");
      for (String method : operations(path)) {
        JsonNode operation = document.path("paths").path(path).path(method);
        String name = method.toUpperCase() + " " + path;
        if (publicOnes.contains(path)) {
          assertThat(operation.path("security").isArray()).as(name + " security").isTrue();
          assertThat(operation.path("security")).as(name + " needs no token").isEmpty();
        } else {
          assertThat(operation.has("security")).as(name + " keeps the bearer default").isFalse();
        }
        for (JsonNode parameter : operation.path("parameters")) {
          assertThat(parameter.path("name").asString())
              .as(name + " documents the caller as a parameter")
              .isNotIn(CALLER_NAMES);
          assertThat(parameter.path("schema").path("$ref").asString(""))
              .as(name + " parameter " + parameter.path("name").asString())
              .doesNotEndWith("/CurrentUser");
        }
      }
    }
    assertThat(document.path("components").path("schemas").propertyNames())
        .doesNotContain("JsonNode");
    return this;
  }

  /** A schema of {@code components}; fails when there is none of that name. */
  public JsonNode schema(String name) {
    JsonNode schema = document.path("components").path("schemas").path(name);
    assertThat(schema.isObject())
        .as("schema %s in %s", name, document.path("components").path("schemas").propertyNames())
        .isTrue();
    return schema;
  }

  public List<String> required(String schema) {
    return texts(schema(schema).path("required"));
  }

  /** A member of a schema; fails when there is none of that name. */
  public JsonNode member(String schema, String member) {
    JsonNode property = schema(schema).path("properties").path(member);
    assertThat(property.isObject()).as("%s.%s", schema, member).isTrue();
    return property;
  }

  /** The values a member (or each item of an array member) may take. */
  public List<String> enumOf(String schema, String member) {
    return enumOf(member(schema, member));
  }

  /** The schema of an operation's parameter; fails when it has none of that name. */
  public JsonNode parameter(String path, String method, String name) {
    for (JsonNode parameter : document.path("paths").path(path).path(method).path("parameters")) {
      if (parameter.path("name").asString().equals(name)) {
        return parameter.path("schema");
      }
    }
    throw new AssertionError("No parameter " + name + " of " + method + " " + path);
  }

  public List<String> parameterEnum(String path, String method, String name) {
    return enumOf(parameter(path, method, name));
  }

  /** The JSON schema of an operation's body or of one of its answers, {@code $ref} followed. */
  public JsonNode content(String path, String method, String status) {
    JsonNode operation = document.path("paths").path(path).path(method);
    JsonNode content =
        status == null
            ? operation.path("requestBody").path("content")
            : operation.path("responses").path(status).path("content");
    assertThat(content.isObject()).as("%s %s %s content", method, path, status).isTrue();
    return resolved(content.iterator().next().path("schema"));
  }

  private List<String> operations(String path) {
    List<String> methods = new ArrayList<>();
    for (String method : document.path("paths").path(path).propertyNames()) {
      if (METHODS.contains(method)) {
        methods.add(method);
      }
    }
    return methods;
  }

  private List<String> enumOf(JsonNode schema) {
    JsonNode values = resolved(schema.has("items") ? schema.path("items") : schema).path("enum");
    assertThat(values.isArray()).as("enum of " + schema).isTrue();
    return texts(values);
  }

  /** The schema itself, or the component its {@code $ref} names. */
  private JsonNode resolved(JsonNode schema) {
    String ref = schema.path("$ref").asString("");
    return ref.isEmpty() ? schema : schema(ref.substring(ref.lastIndexOf('/') + 1));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(value -> texts.add(value.asString()));
    return texts;
  }
}

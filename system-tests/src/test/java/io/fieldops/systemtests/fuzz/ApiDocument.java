package io.fieldops.systemtests.fuzz;

import io.fieldops.systemtests.Gateway;
import io.fieldops.systemtests.GatewayResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of one service, read from the OpenAPI document it publishes through the gateway
 * ({@code /v3/api-docs/<service>}), so a new endpoint is fuzzed and attacked without editing a
 * test.
 */
public final class ApiDocument {

  /** Every service that publishes a document through the gateway. */
  public static final List<String> SERVICES =
      List.of(
          "auth-service",
          "customer-service",
          "booking-service",
          "jobcard-service",
          "ticket-service",
          "notification-service");

  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  private ApiDocument() {}

  /** The operations of {@code service}, in document order. */
  public static List<ApiOperation> read(Gateway gateway, String service) {
    GatewayResponse answer = gateway.get("/v3/api-docs/" + service);
    if (answer.status() != 200) {
      throw new IllegalStateException("no OpenAPI document for " + service + ": " + answer);
    }
    return operations(service, answer.json());
  }

  static List<ApiOperation> operations(String service, JsonNode document) {
    List<ApiOperation> operations = new ArrayList<>();
    boolean securedByDefault = !document.path("security").isEmpty();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        JsonNode operation = entry.getValue();
        List<ApiOperation.Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
          JsonNode resolved = resolve(document, parameter, 0);
          parameters.add(
              new ApiOperation.Parameter(
                  resolved.path("name").asString(),
                  resolved.path("in").asString(),
                  resolved.path("required").asBoolean(false),
                  resolve(document, resolved.path("schema"), 0)));
        }
        JsonNode body =
            operation.path("requestBody").path("content").path("application/json").path("schema");
        boolean secured =
            operation.has("security") ? !operation.path("security").isEmpty() : securedByDefault;
        operations.add(
            new ApiOperation(
                service,
                entry.getKey().toUpperCase(Locale.ROOT),
                path.getKey(),
                List.copyOf(parameters),
                body.isMissingNode() ? null : resolve(document, body, 0),
                secured));
      }
    }
    return List.copyOf(operations);
  }

  /**
   * The node with every {@code $ref} inside it replaced by what it names (cycles cut at depth 8).
   */
  static JsonNode resolve(JsonNode document, JsonNode node, int depth) {
    if (node == null || node.isMissingNode() || depth > 8) {
      return node;
    }
    if (node.has("$ref")) {
      String pointer = node.path("$ref").asString().substring(1);
      return resolve(document, document.at(pointer), depth + 1);
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).deepCopy();
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        copy.set(member.getKey(), resolve(document, member.getValue(), depth + 1));
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = node.deepCopy();
      for (int i = 0; i < node.size(); i++) {
        ((tools.jackson.databind.node.ArrayNode) copy)
            .set(i, resolve(document, node.get(i), depth + 1));
      }
      return copy;
    }
    return node;
  }
}

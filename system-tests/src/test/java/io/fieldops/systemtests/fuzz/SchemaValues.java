package io.fieldops.systemtests.fuzz;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A value that fits a schema: the starting point every bad request changes in one place only, so
 * the answer says something about that one defect. It fits the schema, not necessarily the business
 * rules (a date may be a day the organisation is closed).
 */
public final class SchemaValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaValues() {}

  public static JsonNode valid(JsonNode schema, SplittableRandom random) {
    if (schema == null || schema.isMissingNode()) {
      return NODES.objectNode();
    }
    if (schema.has("example")) {
      return schema.path("example");
    }
    if (schema.has("enum") && !schema.path("enum").isEmpty()) {
      JsonNode values = schema.path("enum");
      return values.get(random.nextInt(values.size()));
    }
    return switch (type(schema)) {
      case "object" -> object(schema, random);
      case "array" -> NODES.arrayNode().add(valid(schema.path("items"), random));
      case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
      case "number" -> NODES.numberNode(Math.max(1.5, schema.path("minimum").asDouble(1.5)));
      case "boolean" -> NODES.booleanNode(true);
      default -> NODES.stringNode(string(schema, random));
    };
  }

  static String type(JsonNode schema) {
    if (schema.has("type")) {
      return schema.path("type").asString();
    }
    if (schema.has("properties")) {
      return "object";
    }
    return schema.has("items") ? "array" : "string";
  }

  /** A value for a parameter, as it is written in a path, query or header. */
  static String text(JsonNode schema, SplittableRandom random) {
    JsonNode value = valid(schema, random);
    return value.isString() ? value.asString() : value.toString();
  }

  private static ObjectNode object(JsonNode schema, SplittableRandom random) {
    ObjectNode object = NODES.objectNode();
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      object.set(property.getKey(), valid(property.getValue(), random));
    }
    return object;
  }

  private static String string(JsonNode schema, SplittableRandom random) {
    int max = schema.path("maxLength").asInt(40);
    String value =
        switch (schema.path("format").asString("")) {
          case "uuid" -> UUID.randomUUID().toString();
          case "date" -> "2031-03-0" + (3 + random.nextInt(5));
          case "time" -> "10:00";
          case "date-time" -> "2031-03-03T10:00:00Z";
          case "email" -> "fuzz-" + random.nextInt(1_000_000) + "@example.com";
          default -> "fuzz" + random.nextInt(1_000_000);
        };
    return value.length() > max ? value.substring(0, Math.max(1, max)) : value;
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }
}

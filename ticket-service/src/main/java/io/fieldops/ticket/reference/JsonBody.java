package io.fieldops.ticket.reference;

import io.fieldops.platform.error.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A create or change request of the reference-data endpoints, read from its JSON tree: a change
 * (PATCH) must tell a member that was left out (keep it) from one sent as {@code null} (clear it),
 * which binding into a record cannot. Every refusal is a 400 naming the member: wrong JSON types,
 * malformed UUIDs, over-long text, unknown members.
 *
 * <p>Text is stripped; blank text counts as {@code null}.
 */
final class JsonBody {

  private final JsonNode node;

  private JsonBody(JsonNode node) {
    this.node = node;
  }

  /** The body, refused unless it is a JSON object whose members are all {@code known}. */
  static JsonBody of(JsonNode body, Set<String> known) {
    if (body == null || !body.isObject()) {
      throw new BadRequestException("reference.invalid.body");
    }
    for (String member : body.propertyNames()) {
      if (!known.contains(member)) {
        throw ReferenceProblems.invalid(member, "reference.invalid.unknown");
      }
    }
    return new JsonBody(body);
  }

  /** Sent, as a value or as {@code null}. */
  boolean has(String name) {
    return node.has(name);
  }

  /** A member a change may not make (a work type's code: integrations match on it). */
  void refuseChangeOf(String name) {
    if (has(name)) {
      throw ReferenceProblems.invalid(name, "reference.invalid.read-only");
    }
  }

  /** The text, or null when absent, {@code null} or blank. */
  String text(String name, int max) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw ReferenceProblems.invalid(name, "reference.invalid.text");
    }
    return checked(name, value.asString(), max);
  }

  /** The text; absent, {@code null} and blank are a 400 saying it is required. */
  String requiredText(String name, int max) {
    String text = text(name, max);
    if (text == null) {
      throw ReferenceProblems.required(name);
    }
    return text;
  }

  UUID uuid(String name) {
    String text = text(name, 100);
    if (text == null) {
      return null;
    }
    try {
      UUID id = UUID.fromString(text);
      // UUID.fromString accepts short groups ("1-1-1-1-1"); only the canonical spelling is an id
      if (!id.toString().equalsIgnoreCase(text)) {
        throw new IllegalArgumentException(text);
      }
      return id;
    } catch (IllegalArgumentException e) {
      throw ReferenceProblems.invalid(name, "reference.invalid.uuid");
    }
  }

  /** A whole number of 0 or more, or null when absent or {@code null}. */
  Integer integer(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
      throw ReferenceProblems.invalid(name, "reference.invalid.integer");
    }
    return value.asInt();
  }

  /** {@code true} or {@code false}; {@code null} is refused (the columns holding it are not). */
  boolean bool(String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isBoolean()) {
      throw ReferenceProblems.invalid(name, "reference.invalid.boolean");
    }
    return value.asBoolean();
  }

  /**
   * A list of texts, each non-blank and at most {@code max} long, at most {@code maxItems} of them;
   * absent and {@code null} are an empty list. Duplicates are kept once, in the order given.
   */
  List<String> texts(String name, int max, int maxItems) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw ReferenceProblems.invalid(name, "reference.invalid.array");
    }
    if (value.size() > maxItems) {
      throw new BadRequestException(
          "reference.invalid.too-many",
          java.util.Map.of(name, "reference.invalid.too-many-detail"),
          name,
          maxItems);
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String path = name + "[" + i + "]";
      if (!item.isString() || item.asString().isBlank()) {
        throw ReferenceProblems.invalid(path, "reference.invalid.text");
      }
      String text = checked(path, item.asString(), max);
      if (!texts.contains(text)) {
        texts.add(text);
      }
    }
    return List.copyOf(texts);
  }

  private static String checked(String path, String raw, int max) {
    String text = raw.strip();
    if (text.indexOf('\0') >= 0) {
      // PostgreSQL text cannot hold NUL: refuse it here rather than fail in the driver
      throw ReferenceProblems.invalid(path, "reference.invalid.text");
    }
    if (text.length() > max) {
      throw ReferenceProblems.tooLong(path, max);
    }
    return text.isEmpty() ? null : text;
  }
}

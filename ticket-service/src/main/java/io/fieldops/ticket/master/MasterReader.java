package io.fieldops.ticket.master;

import io.fieldops.platform.error.BadRequestException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a master request's JSON tree member by member into {@link Part}s, refusing anything that is
 * not what seed 003 describes with a 400 naming the member ({@code ticket.work_type_id}): wrong
 * JSON types, malformed UUIDs, dates ({@code YYYY-MM-DD}) and times ({@code HH:MM:SS}), unknown
 * members, over-long text.
 */
final class MasterReader {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private MasterReader() {}

  /** The object at {@code name}: absent, null, or an object whose members are all known. */
  static Part<JsonNode> object(JsonNode parent, String name, Set<String> known) {
    JsonNode node = parent.get(name);
    if (node == null) {
      return Part.absent();
    }
    if (node.isNull()) {
      return Part.cleared();
    }
    if (!node.isObject()) {
      throw invalid(name, "ticket.invalid.object");
    }
    onlyKnown(node, name + ".", known);
    return Part.of(node);
  }

  static void onlyKnown(JsonNode node, String prefix, Set<String> known) {
    for (String member : node.propertyNames()) {
      if (!known.contains(member)) {
        throw invalid(prefix + member, "ticket.invalid.unknown");
      }
    }
  }

  static Part<String> text(JsonNode parent, String prefix, String name, int max) {
    JsonNode node = parent.get(name);
    String path = prefix + name;
    if (node == null) {
      return Part.absent();
    }
    if (node.isNull()) {
      return Part.cleared();
    }
    if (!node.isString()) {
      throw invalid(path, "ticket.invalid.text");
    }
    String value = node.asString().strip();
    if (value.length() > max) {
      throw new BadRequestException(
          "ticket.invalid.too-long", Map.of(path, "ticket.invalid.too-long-detail"), path, max);
    }
    if (value.indexOf('\0') >= 0) {
      throw invalid(path, "ticket.invalid.text");
    }
    return value.isEmpty() ? Part.cleared() : Part.of(value);
  }

  static Part<UUID> uuid(JsonNode parent, String prefix, String name) {
    return text(parent, prefix, name, 100).map(text -> parseUuid(text, prefix + name));
  }

  static UUID parseUuid(String text, String path) {
    try {
      UUID id = UUID.fromString(text);
      if (!id.toString().equalsIgnoreCase(text)) {
        throw new IllegalArgumentException(text);
      }
      return id;
    } catch (IllegalArgumentException e) {
      throw invalid(path, "ticket.invalid.uuid");
    }
  }

  static Part<Integer> integer(JsonNode parent, String prefix, String name) {
    JsonNode node = parent.get(name);
    String path = prefix + name;
    if (node == null) {
      return Part.absent();
    }
    if (node.isNull()) {
      return Part.cleared();
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0) {
      throw invalid(path, "ticket.invalid.integer");
    }
    return Part.of(node.asInt());
  }

  static Part<LocalDate> date(JsonNode parent, String prefix, String name) {
    return text(parent, prefix, name, 10)
        .map(
            text -> {
              try {
                if (!DATE.matcher(text).matches()) {
                  throw new DateTimeParseException(text, text, 0);
                }
                return LocalDate.parse(text);
              } catch (DateTimeParseException e) {
                throw invalid(prefix + name, "ticket.invalid.date");
              }
            });
  }

  static Part<LocalTime> time(JsonNode parent, String prefix, String name) {
    return text(parent, prefix, name, 8)
        .map(
            text -> {
              try {
                return LocalTime.parse(text, TIME);
              } catch (DateTimeParseException e) {
                throw invalid(prefix + name, "ticket.invalid.time");
              }
            });
  }

  static Part<List<String>> texts(JsonNode parent, String prefix, String name, int max) {
    return array(parent, prefix + name, name)
        .map(
            items -> {
              List<String> values = new ArrayList<>();
              for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String path = prefix + name + "[" + i + "]";
                if (!item.isString() || item.asString().isBlank()) {
                  throw invalid(path, "ticket.invalid.text");
                }
                if (item.asString().strip().length() > max) {
                  throw new BadRequestException(
                      "ticket.invalid.too-long",
                      Map.of(path, "ticket.invalid.too-long-detail"),
                      path,
                      max);
                }
                values.add(item.asString().strip());
              }
              return List.copyOf(values);
            });
  }

  /** A list of ids; {@code null} is read as an empty list (clear them all), duplicates once. */
  static Part<List<UUID>> uuids(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node != null && node.isNull()) {
      return Part.of(List.of());
    }
    return array(parent, name, name)
        .map(
            items -> {
              List<UUID> ids = new ArrayList<>();
              for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String path = name + "[" + i + "]";
                if (!item.isString()) {
                  throw invalid(path, "ticket.invalid.uuid");
                }
                UUID id = parseUuid(item.asString().strip(), path);
                if (!ids.contains(id)) {
                  ids.add(id);
                }
              }
              if (ids.size() > 100) {
                throw invalid(name, "ticket.invalid.too-many");
              }
              return List.copyOf(ids);
            });
  }

  private static Part<JsonNode> array(JsonNode parent, String path, String name) {
    JsonNode node = parent.get(name);
    if (node == null) {
      return Part.absent();
    }
    if (node.isNull()) {
      return Part.cleared();
    }
    if (!node.isArray()) {
      throw invalid(path, "ticket.invalid.array");
    }
    return Part.of(node);
  }

  /** A 400 whose message names the member ("ticket.work_type_id: ...") and details point at it. */
  static BadRequestException invalid(String path, String key) {
    return new BadRequestException(key, Map.of(path, key + "-detail"), path);
  }
}

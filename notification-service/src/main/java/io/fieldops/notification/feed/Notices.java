package io.fieldops.notification.feed;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which domain events become notifications, and the {@code {type, data}} message each becomes. Seed
 * 001 fixes the booking message: {@code {"type": "booking_created", "data": {"id", "service_name",
 * "booking_date", "booking_time", "user_details": {...}}}}; every other event follows the same
 * rule, so a new event type of a known aggregate (a later {@code jobcard.assigned}) needs no code
 * here.
 *
 * <p>The message type is the event type with {@code _} for {@code .} ({@code booking.created} →
 * {@code booking_created}). The message data is the event's data, with the aggregate's own object
 * lifted to the top when the producer nested it ({@code {"booking": {...}, "user_details": {...}}}
 * becomes {@code {..., "user_details": {...}}}): more members may appear, none is renamed.
 */
public final class Notices {

  /** The aggregates whose events staff see: the topics this service consumes. */
  static final Set<String> AGGREGATES = Set.of("booking", "jobcard", "ticket");

  private Notices() {}

  /** A message to store and push. */
  public record Notice(String type, JsonNode data) {

    /**
     * The staff told in person, besides the organisation's feed: the technicians a ticket was just
     * assigned to ({@code ticket_assigned}'s {@code added}), and a job card's technician when the
     * card is created with one or its {@code technician_id} changes. A level 0 technician sees
     * nothing else (the organisation's feed is for level 1 and up). Members that are not UUIDs are
     * ignored: the producer checked the ids against the organisation's members.
     */
    public Set<UUID> recipients() {
      Set<UUID> recipients = new LinkedHashSet<>();
      switch (type) {
        case "ticket_assigned" -> data.path("added").forEach(id -> addId(recipients, id));
        case "jobcard_created" -> addId(recipients, data.path("technician_id"));
        case "jobcard_updated" -> {
          for (JsonNode changed : data.path("changed")) {
            if ("technician_id".equals(changed.asString(""))) {
              addId(recipients, data.path("technician_id"));
            }
          }
        }
        default -> {
          // the organisation's feed only
        }
      }
      return Collections.unmodifiableSet(recipients);
    }

    private static void addId(Set<UUID> ids, JsonNode node) {
      if (node.isString()) {
        try {
          ids.add(UUID.fromString(node.asString()));
        } catch (IllegalArgumentException e) {
          // not a member id: nobody to tell
        }
      }
    }
  }

  /** Empty for events that are not for staff (another aggregate, a malformed type). */
  public static Optional<Notice> from(String eventType, JsonNode data) {
    if (eventType == null) {
      return Optional.empty();
    }
    int dot = eventType.indexOf('.');
    if (dot <= 0 || dot == eventType.length() - 1) {
      return Optional.empty();
    }
    String aggregate = eventType.substring(0, dot);
    if (!AGGREGATES.contains(aggregate)) {
      return Optional.empty();
    }
    return Optional.of(new Notice(eventType.replace('.', '_'), flatten(aggregate, data)));
  }

  private static JsonNode flatten(String aggregate, JsonNode data) {
    if (data == null || !data.isObject()) {
      return JsonNodeFactory.instance.objectNode();
    }
    JsonNode nested = data.get(aggregate);
    if (nested == null || !nested.isObject()) {
      return data;
    }
    ObjectNode flat = JsonNodeFactory.instance.objectNode();
    flat.setAll((ObjectNode) nested);
    for (var entry : data.properties()) {
      if (!entry.getKey().equals(aggregate) && !flat.has(entry.getKey())) {
        flat.set(entry.getKey(), entry.getValue());
      }
    }
    return flat;
  }
}

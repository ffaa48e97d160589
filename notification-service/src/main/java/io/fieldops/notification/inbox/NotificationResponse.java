package io.fieldops.notification.inbox;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A notification in the history: the live message plus whether the caller has read it. */
public record NotificationResponse(
    long id, String type, JsonNode data, Instant createdAt, boolean read) {}

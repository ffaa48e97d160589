package io.fieldops.notification.feed;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A notification as stored and as pushed: {@code type} and {@code data} are seed 001's message;
 * {@code id} orders the feed (a reconnecting client asks for what came after its last id).
 */
public record StoredNotification(
    long id, UUID orgId, String type, JsonNode data, Instant createdAt) {}

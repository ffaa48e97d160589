package io.fieldops.notification.live;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * What a STOMP subscriber receives: seed 001's {@code {"type", "data"}} plus the notification's
 * {@code id} (to ask for what was missed after a reconnect) and {@code created_at}.
 */
public record LiveMessage(long id, String type, JsonNode data, Instant createdAt) {}

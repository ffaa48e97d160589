package io.fieldops.platform.events.idempotency;

import java.util.UUID;

/**
 * A create request that came with an {@code Idempotency-Key}: the key (scoped to the organisation),
 * the operation it was sent to, and a hash of the request, so a retry with another body is told
 * apart from a real retry.
 */
public record IdempotentRequest(UUID orgId, String key, String operation, String requestHash) {}

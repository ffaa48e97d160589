package io.fieldops.platform.events.idempotency;

import tools.jackson.databind.JsonNode;

/** An answer as the caller got it: a retry with the same key gets exactly this again. */
public record StoredAnswer(int status, JsonNode body) {}

package io.fieldops.platform.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every topic (docs/architecture.md "Events"): {@code {id, type, version,
 * occurred_at, org_id, data}}. The names are pinned with {@link JsonProperty} so the wire format
 * stays snake_case whatever naming strategy a service's mapper uses.
 *
 * @param id unique per event; consumers remember it to apply the event once
 * @param type past tense, {@code <aggregate>.<what happened>}, e.g. {@code booking.created}
 * @param version schema version of {@code data} for this type, starting at 1
 * @param occurredAt when the change committed, UTC, ISO-8601 on the wire
 * @param orgId the organisation the aggregate belongs to
 * @param data the type-specific payload
 */
public record EventEnvelope<T>(
    @JsonProperty("id") UUID id,
    @JsonProperty("type") String type,
    @JsonProperty("version") int version,
    @JsonProperty("occurred_at") Instant occurredAt,
    @JsonProperty("org_id") UUID orgId,
    @JsonProperty("data") T data) {

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurred_at");
    Objects.requireNonNull(orgId, "org_id");
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more, was " + version);
    }
  }

  /** A new event of version 1 with a random id, occurring now. */
  public static <T> EventEnvelope<T> of(String type, UUID orgId, T data) {
    return of(type, 1, orgId, data);
  }

  public static <T> EventEnvelope<T> of(String type, int version, UUID orgId, T data) {
    // Millisecond precision: what PostgreSQL, JavaScript clients and most logs keep anyway.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new EventEnvelope<>(UUID.randomUUID(), type, version, now, orgId, data);
  }
}

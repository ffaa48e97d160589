package io.fieldops.notification.inbox;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A notification in the history: the live message plus whether the caller has read it. */
public record NotificationResponse(
    long id,
    @Schema(
            description =
                "What happened, named after the event: booking_created, jobcard_created,"
                    + " jobcard_updated, ticket_created...",
            example = "booking_created")
        String type,
    @Schema(description = "The event's data, with the aggregate's own object (seed 001)")
        JsonNode data,
    Instant createdAt,
    boolean read) {}

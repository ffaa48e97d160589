package io.fieldops.jobcard.jobcard;

import io.fieldops.jobcard.client.ClientData;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Seed 000's job card: {@code client} (an existing client's id; the seed writes a number, ours are
 * UUIDs, so any scalar is read as text) or {@code client_data}, the work, and its price as a
 * decimal string.
 */
public record JobCardRequest(
    @Schema(
            implementation = UUID.class,
            description =
                "An existing client's id (customer-service); or give client_data to find or"
                    + " create the client by mobile number")
        JsonNode client,
    @Valid ClientData clientData,
    @NotBlank(message = "{jobcard.field.required}") @Size(max = 200) String serviceType,
    LocalDate scheduleDate,
    @Size(max = 150) String technicianName,
    UUID technicianId,
    @Size(max = 20) String price,
    @Size(max = 50) String jobType,
    @Size(max = 2000) String notes,
    @Size(max = 100) String reference) {}

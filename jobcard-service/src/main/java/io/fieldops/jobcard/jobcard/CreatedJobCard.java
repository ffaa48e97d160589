package io.fieldops.jobcard.jobcard;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The create answer: exactly seed 000's members, in its order, then {@code notes}, {@code
 * reference}, {@code technician_id} and {@code version}.
 */
public record CreatedJobCard(
    long id,
    String code,
    UUID client,
    String clientName,
    String clientMobile,
    String clientCity,
    String serviceType,
    LocalDate scheduleDate,
    String technicianName,
    String price,
    @Schema(implementation = PaymentStatusValues.class) String paymentStatus,
    String jobType,
    @Schema(implementation = JobCardStatusValues.class) String status,
    boolean clientCreated,
    String message,
    Instant createdAt,
    Instant updatedAt,
    String notes,
    String reference,
    UUID technicianId,
    long version) {}

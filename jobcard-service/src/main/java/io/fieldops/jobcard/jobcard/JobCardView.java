package io.fieldops.jobcard.jobcard;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A job card as the list, the detail and the events show it: seed 000's members (the client's from
 * the job card's snapshot), then ours.
 */
public record JobCardView(
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
    Instant createdAt,
    Instant updatedAt,
    String notes,
    String reference,
    UUID technicianId,
    String amountPaid,
    Instant completedAt,
    long version) {}

package io.fieldops.jobcard.jobcard;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/jobcards/{id}/payment/}: the payment status and the total amount paid so far
 * (a decimal string; see the payment rule for when it may be left out).
 */
public record PaymentChange(
    @NotBlank(message = "{jobcard.field.required}") @Size(max = 20) @Schema(implementation = PaymentStatusValues.class)
        String paymentStatus,
    @Size(max = 20) String amountPaid) {}

package io.fieldops.jobcard.jobcard;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How the API spells a job card's payment status ({@code PaymentStatus.value()}), for the API
 * document only: requests and filters are read in any case, answers carry these spellings.
 */
@Schema(
    name = "PaymentStatus",
    type = "string",
    allowableValues = {"Unpaid", "Partially Paid", "Paid", "Refunded"},
    description = "Read in any case")
interface PaymentStatusValues {}

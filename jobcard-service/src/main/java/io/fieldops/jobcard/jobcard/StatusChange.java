package io.fieldops.jobcard.jobcard;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/jobcards/{id}/status/}: the next status, by its name. */
public record StatusChange(
    @NotBlank(message = "{jobcard.field.required}") @Size(max = 20) @Schema(implementation = JobCardStatusValues.class)
        String status) {}

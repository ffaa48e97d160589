package io.fieldops.jobcard.jobcard;

import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/v1/jobcards/{id}/}: a member absent or null stays as it is; {@code ""} clears
 * the ones that may be empty ({@code schedule_date}, {@code technician_id}, {@code
 * technician_name}, {@code price}, {@code notes}, {@code reference}). Dates, ids and amounts are
 * text here so that {@code ""} can say "clear".
 */
public record JobCardChange(
    @Size(max = 10) String scheduleDate,
    @Size(max = 36) String technicianId,
    @Size(max = 150) String technicianName,
    @Size(max = 20) String price,
    @Size(max = 200) String serviceType,
    @Size(max = 50) String jobType,
    @Size(max = 2000) String notes,
    @Size(max = 100) String reference) {}

package io.fieldops.jobcard.jobcard;

import io.fieldops.jobcard.client.ClientSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A job card checked and ready to store: its client resolved, its members cleaned. */
record NewJobCard(
    ClientSnapshot client,
    String serviceType,
    String jobType,
    LocalDate scheduleDate,
    UUID technicianId,
    String technicianName,
    BigDecimal price,
    String notes,
    String reference) {}

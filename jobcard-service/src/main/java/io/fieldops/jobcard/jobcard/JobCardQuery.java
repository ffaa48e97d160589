package io.fieldops.jobcard.jobcard;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The list's filters, all optional: {@code status}, {@code payment_status}, {@code
 * schedule_date_from}/{@code _to} (inclusive), {@code client}, {@code technician_id}, {@code
 * search} (code, client name, client mobile, service type); {@code page} from 1, {@code size}
 * 1-100.
 */
public record JobCardQuery(
    String status,
    String paymentStatus,
    LocalDate scheduleDateFrom,
    LocalDate scheduleDateTo,
    UUID client,
    UUID technicianId,
    String search,
    int page,
    int size) {}

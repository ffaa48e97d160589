package io.fieldops.notification.counts;

import java.time.Instant;
import java.util.Map;

/**
 * What happened in the caller's organisation since {@code since}: the notifications by message type
 * ({@code booking_created}, {@code jobcard_created}, {@code ticket_created}, ...; types without any
 * are left out), and the job cards with any event since then, each counted once under the status
 * its latest event shows ({@code Enquiry}, {@code Scheduled}, {@code In Progress}, ...). Keys are
 * as the events spell them, sorted.
 */
public record NotificationCounts(
    Instant since, Map<String, Long> byType, Map<String, Long> jobcardsByStatus) {}

package io.fieldops.jobcard.jobcard;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.outbox.Outbox;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The events of topic {@code jobcards} (key: the job card id), published through the outbox in the
 * transaction of the change. Each carries the job card as {@link JobCardView} shows it, flat, so
 * notification-service's message {@code jobcard_created} has the code, client name, service type,
 * schedule date and technician at the top. Payloads are in the README ("Events").
 */
@Component
class JobCardEvents {

  static final String CREATED = "jobcard.created";
  static final String UPDATED = "jobcard.updated";
  static final String STATUS_CHANGED = "jobcard.status_changed";
  static final String COMPLETED = "jobcard.completed";
  static final String PAYMENT_CHANGED = "jobcard.payment_changed";

  private final Outbox outbox;

  JobCardEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  record Created(@JsonUnwrapped JobCardView jobcard, UUID createdBy) {}

  /** {@code changed}: the members the update changed, by their JSON names. */
  record Updated(@JsonUnwrapped JobCardView jobcard, List<String> changed, UUID changedBy) {}

  record StatusChanged(
      @JsonUnwrapped JobCardView jobcard, String from, String to, UUID changedBy) {}

  /** {@code customer_id}: the client, for customer-service's service history. */
  record Completed(@JsonUnwrapped JobCardView jobcard, UUID customerId, UUID changedBy) {}

  record PaymentChanged(
      @JsonUnwrapped JobCardView jobcard, String from, String to, UUID changedBy) {}

  void created(JobCardView card, UUID orgId, UUID by) {
    publish(card, orgId, CREATED, new Created(card, by));
  }

  void updated(JobCardView card, UUID orgId, List<String> changed, UUID by) {
    publish(card, orgId, UPDATED, new Updated(card, changed, by));
  }

  void statusChanged(JobCardView card, UUID orgId, String from, UUID by) {
    publish(card, orgId, STATUS_CHANGED, new StatusChanged(card, from, card.status(), by));
    if ("Completed".equals(card.status())) {
      publish(card, orgId, COMPLETED, new Completed(card, card.client(), by));
    }
  }

  void paymentChanged(JobCardView card, UUID orgId, String from, UUID by) {
    publish(card, orgId, PAYMENT_CHANGED, new PaymentChanged(card, from, card.paymentStatus(), by));
  }

  private void publish(JobCardView card, UUID orgId, String type, Object data) {
    outbox.publish(Topics.JOBCARDS, Long.toString(card.id()), EventEnvelope.of(type, orgId, data));
  }
}

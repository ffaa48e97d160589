package io.fieldops.jobcard.jobcard;

import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.EventTypes;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.consumer.ProcessedEvents;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the job cards' snapshot of their client (name, mobile, city) up to date from
 * customer-service's {@code customer.updated} on topic {@code customers}: one update of the
 * client's job cards per event, never a call to customer-service per row. Only the job cards of the
 * envelope's organisation are touched, so another organisation's event can never change these rows.
 * Idempotent (a redelivered event is applied once); a failing event is retried, then parked in
 * {@code customers.DLT} by platform-events.
 */
@Component
class ClientChanges {

  static final String CONSUMER = "jobcard-service.client-snapshots";
  private static final Logger log = LoggerFactory.getLogger(ClientChanges.class);

  private final ProcessedEvents processedEvents;
  private final JobCardRepository cards;
  private final JsonMapper json;

  ClientChanges(ProcessedEvents processedEvents, JobCardRepository cards, JsonMapper json) {
    this.processedEvents = processedEvents;
    this.cards = cards;
    this.json = json;
  }

  /**
   * What is read of customer-service's payload ({@code id, full_name, mobile, city, user_id,
   * changed}): the client as it is now.
   */
  record CustomerUpdated(UUID id, String fullName, String mobile, String city, UUID userId) {}

  @KafkaListener(topics = Topics.CUSTOMERS, groupId = CONSUMER)
  @Transactional
  public void on(EventEnvelope<JsonNode> event) {
    if (!EventTypes.Customers.UPDATED.equals(event.type())) {
      return; // other types on the topic are not this listener's business
    }
    if (!processedEvents.firstTime(CONSUMER, event.id())) {
      return; // a redelivery: already applied
    }
    CustomerUpdated client =
        event.data() == null || event.data().isNull()
            ? null
            : json.treeToValue(event.data(), CustomerUpdated.class);
    if (client == null || client.id() == null || client.fullName() == null) {
      // a job card's client always has an id and a name: nothing here could take this snapshot
      log.warn(
          "Event {} ({}) names no client of {}; ignored", event.id(), event.type(), event.orgId());
      return;
    }
    if (client.userId() != null) {
      return; // a customer linked to a user is never a job card's client
    }
    int refreshed =
        cards.refreshClient(
            event.orgId(), client.id(), client.fullName(), client.mobile(), client.city());
    if (refreshed > 0) {
      log.info(
          "Client {} refreshed on {} job card(s) of {} (event {})",
          client.id(),
          refreshed,
          event.orgId(),
          event.id());
    }
  }
}

package io.fieldops.customer.events;

import io.fieldops.customer.customer.CustomerStore;
import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.EventTypes.Users;
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
 * Seed 004: every user who joins an organisation (registration, or a membership that appears or
 * changes) has a customer record there. Get-or-create, so a redelivery, a replay from the start of
 * the topic or a customer who already created a profile changes nothing.
 */
@Component
class UserEventsListener {

  static final String CONSUMER = "customer-service.users";
  private static final Logger log = LoggerFactory.getLogger(UserEventsListener.class);

  private final ProcessedEvents processedEvents;
  private final CustomerStore store;
  private final JsonMapper json;

  UserEventsListener(ProcessedEvents processedEvents, CustomerStore store, JsonMapper json) {
    this.processedEvents = processedEvents;
    this.store = store;
    this.json = json;
  }

  /** The members of auth-service's user.registered and membership.changed this listener reads. */
  record Joined(UUID userId, UUID organizationId) {}

  @KafkaListener(topics = Topics.USERS, groupId = CONSUMER)
  @Transactional
  public void on(EventEnvelope<JsonNode> event) {
    if (!Users.REGISTERED.equals(event.type()) && !Users.MEMBERSHIP_CHANGED.equals(event.type())) {
      return;
    }
    if (!processedEvents.firstTime(CONSUMER, event.id())) {
      return;
    }
    Joined joined = event.data() == null ? null : json.treeToValue(event.data(), Joined.class);
    if (joined == null || joined.userId() == null) {
      log.warn("Event {} ({}) has no user_id; ignored", event.id(), event.type());
      return;
    }
    UUID orgId = joined.organizationId() != null ? joined.organizationId() : event.orgId();
    var outcome = store.linked(orgId, joined.userId(), customer -> {});
    if (outcome.created()) {
      log.info(
          "Customer {} created for user {} in {} from {}",
          outcome.customer().getId(),
          joined.userId(),
          orgId,
          event.type());
    }
  }
}

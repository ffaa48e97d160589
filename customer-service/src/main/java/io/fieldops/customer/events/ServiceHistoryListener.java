package io.fieldops.customer.events;

import io.fieldops.customer.customer.Customer;
import io.fieldops.customer.customer.CustomerRepository;
import io.fieldops.customer.customer.CustomerStore;
import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.consumer.ProcessedEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A completed booking or job card is one more service for its customer: {@code total_services}
 * grows by one and {@code last_service_date} moves to the completion date (never backwards). Other
 * event types on these topics are not this listener's business.
 */
@Component
class ServiceHistoryListener {

  static final String CONSUMER = "customer-service.service-history";
  static final String BOOKING_COMPLETED = "booking.completed";
  static final String JOBCARD_COMPLETED = "jobcard.completed";
  private static final Logger log = LoggerFactory.getLogger(ServiceHistoryListener.class);

  private final ProcessedEvents processedEvents;
  private final CustomerRepository customers;
  private final CustomerStore store;
  private final JsonMapper json;
  private final Clock clock;

  ServiceHistoryListener(
      ProcessedEvents processedEvents,
      CustomerRepository customers,
      CustomerStore store,
      JsonMapper json,
      Clock clock) {
    this.processedEvents = processedEvents;
    this.customers = customers;
    this.store = store;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The payload expected (README, "Events consumed"): the customer by {@code customer_id}, or by
   * {@code user_id} (its customer record is created when missing); the date of the service from
   * {@code completed_on}, else {@code completed_at}, else the envelope's {@code occurred_at}.
   */
  record Completed(UUID customerId, UUID userId, LocalDate completedOn, Instant completedAt) {}

  @KafkaListener(
      topics = {Topics.BOOKINGS, Topics.JOBCARDS},
      groupId = CONSUMER)
  @Transactional
  public void on(EventEnvelope<JsonNode> event) {
    if (!BOOKING_COMPLETED.equals(event.type()) && !JOBCARD_COMPLETED.equals(event.type())) {
      return;
    }
    if (!processedEvents.firstTime(CONSUMER, event.id())) {
      return;
    }
    Completed completed =
        event.data() == null ? null : json.treeToValue(event.data(), Completed.class);
    Optional<Customer> customer = completed == null ? Optional.empty() : customer(event, completed);
    if (customer.isEmpty()) {
      log.warn(
          "Event {} ({}) names no customer of {}; ignored",
          event.id(),
          event.type(),
          event.orgId());
      return;
    }
    LocalDate date =
        completed.completedOn() != null
            ? completed.completedOn()
            : LocalDate.ofInstant(
                completed.completedAt() != null ? completed.completedAt() : event.occurredAt(),
                ZoneOffset.UTC);
    Customer c = customer.get();
    c.recordService(date, clock.instant());
    customers.saveAndFlush(c);
    log.info("Customer {} served on {} ({} {})", c.getId(), date, event.type(), event.id());
  }

  private Optional<Customer> customer(EventEnvelope<JsonNode> event, Completed completed) {
    if (completed.customerId() != null) {
      return customers.findByIdAndOrgId(completed.customerId(), event.orgId());
    }
    if (completed.userId() != null) {
      return Optional.of(store.linked(event.orgId(), completed.userId(), c -> {}).customer());
    }
    return Optional.empty();
  }
}

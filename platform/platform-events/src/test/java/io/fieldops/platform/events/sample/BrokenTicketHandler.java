package io.fieldops.platform.events.sample;

import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** A handler that always fails, counting how often it was tried per event. */
@Component
public class BrokenTicketHandler {

  private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final AtomicInteger invocations = new AtomicInteger();

  @KafkaListener(topics = Topics.TICKETS, groupId = "sample-broken-tickets")
  public void on(EventEnvelope<JsonNode> event) {
    invocations.incrementAndGet();
    attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
    throw new IllegalStateException("ticket handler is broken");
  }

  public int attempts(UUID eventId) {
    AtomicInteger count = attempts.get(eventId);
    return count == null ? 0 : count.get();
  }

  public int invocations() {
    return invocations.get();
  }
}

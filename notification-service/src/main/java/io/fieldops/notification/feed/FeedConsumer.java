package io.fieldops.notification.feed;

import io.fieldops.notification.live.LiveFeed;
import io.fieldops.notification.live.LiveMessage;
import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.consumer.ProcessedEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Bookings, job cards and tickets become notifications. The consumer group is this replica's own
 * ({@code fieldops.notification.consumer-group}), so every replica sees every event and can push it
 * to the sockets it holds; the first replica stores the row, the others find it. A redelivery to
 * the same replica is recognised by {@link ProcessedEvents} and neither stored nor pushed again.
 */
@Component
class FeedConsumer {

  private static final Logger log = LoggerFactory.getLogger(FeedConsumer.class);

  private final ProcessedEvents processed;
  private final NotificationStore store;
  private final LiveFeed live;
  private final String consumerGroup;
  private final Duration liveWindow;
  private final Clock clock;

  FeedConsumer(
      ProcessedEvents processed,
      NotificationStore store,
      LiveFeed live,
      @Value("${fieldops.notification.consumer-group}") String consumerGroup,
      @Value("${fieldops.notification.live-window:2m}") Duration liveWindow,
      Clock clock) {
    this.processed = processed;
    this.store = store;
    this.live = live;
    this.consumerGroup = consumerGroup;
    this.liveWindow = liveWindow;
    this.clock = clock;
  }

  @KafkaListener(
      topics = {Topics.BOOKINGS, Topics.JOBCARDS, Topics.TICKETS},
      groupId = "${fieldops.notification.consumer-group}")
  @Transactional
  void on(EventEnvelope<JsonNode> event) {
    if (!processed.firstTime(consumerGroup, event.id())) {
      return;
    }
    Optional<Notices.Notice> notice = Notices.from(event.type(), event.data());
    if (notice.isEmpty() || event.orgId() == null) {
      log.debug("Event {} of type {} is not a notification", event.id(), event.type());
      return;
    }
    StoredNotification stored =
        store.storeOnce(event.id(), event.orgId(), notice.get(), event.occurredAt());
    // A replica that joins late reads old events too: store them for the history, but only
    // what just happened is news on a live screen.
    if (!event.occurredAt().isBefore(clock.instant().minus(liveWindow))) {
      live.pushAfterCommit(
          stored.orgId(),
          notice.get().recipients(),
          new LiveMessage(stored.id(), stored.type(), stored.data(), stored.createdAt()));
    }
  }
}

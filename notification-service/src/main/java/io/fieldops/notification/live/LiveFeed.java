package io.fieldops.notification.live;

import java.util.Set;
import java.util.UUID;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends notifications to the STOMP subscribers on this replica: the organisation's staff, and the
 * recipients told in person.
 */
@Component
public class LiveFeed {

  private final SimpMessagingTemplate messaging;

  LiveFeed(SimpMessagingTemplate messaging) {
    this.messaging = messaging;
  }

  /** The topic staff of {@code orgId} subscribe to. */
  public static String topicOf(UUID orgId) {
    return "/topic/orgs/" + orgId + "/notifications";
  }

  /**
   * The topic of one member of {@code orgId}: what is addressed to them in person (a technician's
   * assignments). The organisation is part of it, so a token of one organisation never hears what
   * another organisation tells the same person.
   */
  public static String topicOf(UUID orgId, UUID userId) {
    return "/topic/orgs/" + orgId + "/users/" + userId + "/notifications";
  }

  /**
   * To the organisation's feed and to each recipient's own topic, after the notification has
   * committed, so a client that hears of it and asks the REST history at once finds it there; a
   * rolled-back event is never pushed.
   */
  public void pushAfterCommit(UUID orgId, Set<UUID> recipients, LiveMessage message) {
    Runnable push =
        () -> {
          messaging.convertAndSend(topicOf(orgId), message);
          for (UUID recipient : recipients) {
            messaging.convertAndSend(topicOf(orgId, recipient), message);
          }
        };
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      push.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            push.run();
          }
        });
  }
}

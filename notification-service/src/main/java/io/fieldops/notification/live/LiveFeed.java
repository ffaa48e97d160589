package io.fieldops.notification.live;

import java.util.UUID;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Sends notifications to the STOMP subscribers of their organisation on this replica. */
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
   * After the notification has committed, so a client that hears of it and asks the REST history at
   * once finds it there; a rolled-back event is never pushed.
   */
  public void pushAfterCommit(UUID orgId, LiveMessage message) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      messaging.convertAndSend(topicOf(orgId), message);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            messaging.convertAndSend(topicOf(orgId), message);
          }
        });
  }
}

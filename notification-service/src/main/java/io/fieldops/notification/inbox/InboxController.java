package io.fieldops.notification.inbox;

import io.fieldops.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The notification history of the caller's organisation, for its staff. */
@RestController
class InboxController {

  private final Inbox inbox;

  InboxController(Inbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/api/v1/notifications")
  NotificationPage list(
      CurrentUser caller,
      @RequestParam(required = false) Long after,
      @RequestParam(required = false) Integer limit) {
    return inbox.list(caller, after, limit);
  }

  @GetMapping("/api/v1/notifications/unread-count")
  UnreadCount unreadCount(CurrentUser caller) {
    return inbox.unread(caller);
  }

  @PostMapping("/api/v1/notifications/{id}/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void read(CurrentUser caller, @PathVariable long id) {
    inbox.markRead(caller, id);
  }

  @PostMapping("/api/v1/notifications/read-all")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void readAll(CurrentUser caller) {
    inbox.markAllRead(caller);
  }
}

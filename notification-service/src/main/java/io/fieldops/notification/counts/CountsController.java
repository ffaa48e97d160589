package io.fieldops.notification.counts;

import io.fieldops.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's counters for the caller's organisation, for its staff. */
@RestController
class CountsController {

  private final Counts counts;

  CountsController(Counts counts) {
    this.counts = counts;
  }

  @GetMapping("/api/v1/notifications/counts")
  NotificationCounts counts(CurrentUser caller, @RequestParam(required = false) String since) {
    return counts.since(caller, since);
  }
}

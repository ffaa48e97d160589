package io.fieldops.notification.counts;

import io.fieldops.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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
  NotificationCounts counts(
      CurrentUser caller,
      @RequestParam(required = false)
          @Parameter(
              schema =
                  @Schema(
                      type = "string",
                      format = "date-time",
                      description = "An instant or a date-time with offset; absent: today (UTC)"))
          String since) {
    return counts.since(caller, since);
  }
}

package io.fieldops.jobcard.client;

import io.fieldops.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Seed 000's {@code GET /api/v1/jobcards/check-client/?mobile=}: customer-service's answer, its
 * three shapes and messages unchanged.
 */
@RestController
class CheckClientController {

  private final ClientDirectory clients;

  CheckClientController(ClientDirectory clients) {
    this.clients = clients;
  }

  @GetMapping("/api/v1/jobcards/check-client")
  JsonNode check(CurrentUser caller, @RequestParam String mobile) {
    caller.requireWorksOrganisationData();
    return clients.check(mobile);
  }
}

package io.fieldops.ticket.master;

import io.fieldops.platform.events.idempotency.IdempotencyKeys;
import io.fieldops.platform.events.idempotency.StoredAnswer;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.web.ETags;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Seed 003's master API at {@code /api/v1/tickets/master} (the gateway also answers the seed's own
 * {@code /functions/v1/api-tickets/master}). The body is read as a JSON tree: absent, null and a
 * value are three different things to an update.
 */
@RestController
class MasterController {

  private final MasterTickets master;

  MasterController(MasterTickets master) {
    this.master = master;
  }

  @PostMapping("/api/v1/tickets/master")
  ResponseEntity<JsonNode> create(
      CurrentUser caller,
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = MasterTicketBody.class)))
          JsonNode body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
    StoredAnswer answer = master.create(caller, body, idempotencyKey);
    // a new ticket is version 0
    return ResponseEntity.status(answer.status()).eTag(ETags.tag(0)).body(answer.body());
  }

  @PutMapping("/api/v1/tickets/master/{id}")
  ResponseEntity<JsonNode> update(
      CurrentUser caller,
      @PathVariable UUID id,
      @RequestBody
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = MasterTicketBody.class)))
          JsonNode body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    MasterTickets.Answer answer = master.update(caller, id, body, ifMatch);
    return ResponseEntity.status(answer.status())
        .eTag(ETags.tag(answer.version()))
        .body(answer.body());
  }

  @DeleteMapping("/api/v1/tickets/master/{id}")
  JsonNode delete(
      CurrentUser caller,
      @PathVariable UUID id,
      @RequestParam(name = "delete_appointment", defaultValue = "false") boolean deleteAppointment,
      @RequestParam(name = "delete_contact", defaultValue = "false") boolean deleteContact) {
    return master.delete(caller, id, deleteAppointment, deleteContact);
  }
}

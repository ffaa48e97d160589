package io.fieldops.booking.agent;

import io.fieldops.platform.events.idempotency.StoredAnswer;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Seed 001: {@code POST /api/agent/booking/create/}, public (no token), rate limited upstream. */
@RestController
class AgentBookingController {

  private final AgentBooking agentBooking;

  AgentBookingController(AgentBooking agentBooking) {
    this.agentBooking = agentBooking;
  }

  // the answer is stored for Idempotency-Key replays as a JSON tree; its shape is the record's
  @PostMapping("/api/agent/booking/create")
  @ApiResponse(
      responseCode = "201",
      description = "Booked; a retry with the same Idempotency-Key gets this answer again",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = AgentBookingResponse.class)))
  ResponseEntity<JsonNode> create(
      @RequestBody AgentBookingRequest request,
      @RequestHeader(name = "X-Organization", required = false) String organization,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    StoredAnswer answer = agentBooking.book(request, organization, idempotencyKey);
    return ResponseEntity.status(answer.status()).body(answer.body());
  }
}

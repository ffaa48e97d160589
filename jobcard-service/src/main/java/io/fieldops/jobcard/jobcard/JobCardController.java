package io.fieldops.jobcard.jobcard;

import io.fieldops.platform.events.idempotency.IdempotencyKeys;
import io.fieldops.platform.events.idempotency.StoredAnswer;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.web.ETags;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Seed 000's job cards and what running them needs (README "Endpoints"). */
@RestController
class JobCardController {

  private final JobCardCreation creation;
  private final JobCards jobCards;

  JobCardController(JobCardCreation creation, JobCards jobCards) {
    this.creation = creation;
    this.jobCards = jobCards;
  }

  // the answer is stored for Idempotency-Key replays as a JSON tree; its shape is the record's
  @PostMapping("/api/v1/jobcards")
  @ApiResponse(
      responseCode = "201",
      description = "Created; a retry with the same Idempotency-Key gets this answer again",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CreatedJobCard.class)))
  ResponseEntity<JsonNode> create(
      CurrentUser caller,
      @Valid @RequestBody JobCardRequest request,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
    StoredAnswer answer = creation.create(caller, request, idempotencyKey);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
    JsonNode version = answer.body().path("version");
    if (version.isNumber()) {
      response.eTag(ETags.tag(version.asLong()));
    }
    return response.body(answer.body());
  }

  @GetMapping("/api/v1/jobcards")
  JobCardPage list(
      CurrentUser caller,
      @RequestParam(name = "status", required = false)
          @Parameter(schema = @Schema(implementation = JobCardStatusValues.class))
          String status,
      @RequestParam(name = "payment_status", required = false)
          @Parameter(schema = @Schema(implementation = PaymentStatusValues.class))
          String paymentStatus,
      @RequestParam(name = "schedule_date_from", required = false) LocalDate scheduleDateFrom,
      @RequestParam(name = "schedule_date_to", required = false) LocalDate scheduleDateTo,
      @RequestParam(name = "client", required = false) UUID client,
      @RequestParam(name = "technician_id", required = false) UUID technicianId,
      @RequestParam(name = "search", required = false) String search,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "size", defaultValue = "20") int size) {
    return jobCards.list(
        caller,
        new JobCardQuery(
            status,
            paymentStatus,
            scheduleDateFrom,
            scheduleDateTo,
            client,
            technicianId,
            search,
            page,
            size));
  }

  @GetMapping("/api/v1/jobcards/{id}")
  ResponseEntity<JobCardView> get(CurrentUser caller, @PathVariable long id) {
    return withETag(jobCards.get(caller, id));
  }

  @PatchMapping("/api/v1/jobcards/{id}")
  ResponseEntity<JobCardView> change(
      CurrentUser caller,
      @PathVariable long id,
      @Valid @RequestBody JobCardChange change,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    return withETag(jobCards.change(caller, id, change, ifMatch));
  }

  @PostMapping("/api/v1/jobcards/{id}/status")
  ResponseEntity<JobCardView> status(
      CurrentUser caller,
      @PathVariable long id,
      @Valid @RequestBody StatusChange change,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    return withETag(jobCards.status(caller, id, change, ifMatch));
  }

  @PostMapping("/api/v1/jobcards/{id}/payment")
  ResponseEntity<JobCardView> payment(
      CurrentUser caller,
      @PathVariable long id,
      @Valid @RequestBody PaymentChange change,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    return withETag(jobCards.payment(caller, id, change, ifMatch));
  }

  private static ResponseEntity<JobCardView> withETag(JobCardView card) {
    return ResponseEntity.ok().eTag(ETags.tag(card.version())).body(card);
  }
}

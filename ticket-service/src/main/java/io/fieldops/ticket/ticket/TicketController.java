package io.fieldops.ticket.ticket;

import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.web.ETags;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading tickets: one (with ETag), a filtered page, and a ticket's history. */
@RestController
class TicketController {

  private final TicketReads reads;

  TicketController(TicketReads reads) {
    this.reads = reads;
  }

  @GetMapping("/api/v1/tickets/{id}")
  ResponseEntity<Map<String, TicketView>> get(CurrentUser caller, @PathVariable UUID id) {
    VersionedTicket ticket = reads.get(caller, id);
    return ResponseEntity.ok()
        .eTag(ETags.tag(ticket.version()))
        .body(Map.of("data", ticket.ticket()));
  }

  @GetMapping("/api/v1/tickets/{id}/history")
  Map<String, List<TicketHistory.Change>> history(CurrentUser caller, @PathVariable UUID id) {
    return Map.of("data", reads.history(caller, id));
  }

  @GetMapping("/api/v1/tickets")
  TicketReads.Page list(
      CurrentUser caller,
      @RequestParam(name = "status_id", required = false) UUID statusId,
      @RequestParam(name = "work_type_id", required = false) UUID workTypeId,
      @RequestParam(name = "site_id", required = false) UUID siteId,
      @RequestParam(name = "company_id", required = false) UUID companyId,
      @RequestParam(name = "employee_id", required = false) UUID employeeId,
      @RequestParam(name = "appointment_date_from", required = false) LocalDate from,
      @RequestParam(name = "appointment_date_to", required = false) LocalDate to,
      @RequestParam(name = "backlog", required = false) Boolean backlog,
      @RequestParam(name = "search", required = false) String search,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "size", defaultValue = "20") int size) {
    return reads.list(
        caller,
        new TicketQuery(
            statusId,
            workTypeId,
            siteId,
            companyId,
            employeeId,
            from,
            to,
            backlog,
            search,
            page,
            size));
  }
}

package io.fieldops.ticket.reference;

import io.fieldops.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's ticket statuses by sort_order (issue 14): staff read, supervisors and admins
 * add and change.
 */
@RestController
@RequestMapping(TicketStatusController.PATH)
class TicketStatusController extends ReferenceResource<TicketStatus> {

  static final String PATH = "/api/v1/tickets/statuses";

  private final TicketStatuses service;

  TicketStatusController(TicketStatuses service) {
    super(
        PATH,
        service,
        ReferenceBodies.NewTicketStatus.class,
        ReferenceBodies.TicketStatusChange.class);
    this.service = service;
  }

  @GetMapping
  ReferencePage<TicketStatus> list(
      CurrentUser caller,
      @RequestParam(name = "include_inactive", defaultValue = "false") boolean includeInactive,
      @RequestParam(name = "search", required = false) String search,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "size", defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return service.list(caller, includeInactive, new Paging(page, size, search));
  }
}

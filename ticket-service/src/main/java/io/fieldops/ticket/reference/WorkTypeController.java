package io.fieldops.ticket.reference;

import io.fieldops.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's work types (issue 14): staff read, supervisors and admins add and change. */
@RestController
@RequestMapping(WorkTypeController.PATH)
class WorkTypeController extends ReferenceResource<WorkType> {

  static final String PATH = "/api/v1/tickets/work-types";

  private final WorkTypes service;

  WorkTypeController(WorkTypes service) {
    super(PATH, service, ReferenceBodies.NewWorkType.class, ReferenceBodies.WorkTypeChange.class);
    this.service = service;
  }

  @GetMapping
  ReferencePage<WorkType> list(
      CurrentUser caller,
      @RequestParam(name = "include_inactive", defaultValue = "false") boolean includeInactive,
      @RequestParam(name = "search", required = false) String search,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "size", defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return service.list(caller, includeInactive, new Paging(page, size, search));
  }
}

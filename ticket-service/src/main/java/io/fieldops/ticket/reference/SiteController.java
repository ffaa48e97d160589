package io.fieldops.ticket.reference;

import io.fieldops.platform.security.CurrentUser;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sites with their company expanded (issue 14): staff read, supervisors and admins add and change.
 */
@RestController
@RequestMapping(SiteController.PATH)
class SiteController extends ReferenceResource<Site> {

  static final String PATH = "/api/v1/tickets/sites";

  private final Sites service;

  SiteController(Sites service) {
    super(PATH, service, ReferenceBodies.NewSite.class, ReferenceBodies.SiteChange.class);
    this.service = service;
  }

  @GetMapping
  ReferencePage<Site> list(
      CurrentUser caller,
      @RequestParam(name = "company_id", required = false) UUID companyId,
      @RequestParam(name = "include_inactive", defaultValue = "false") boolean includeInactive,
      @RequestParam(name = "search", required = false) String search,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "size", defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return service.list(caller, companyId, includeInactive, new Paging(page, size, search));
  }
}

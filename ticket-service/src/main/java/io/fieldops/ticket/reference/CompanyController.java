package io.fieldops.ticket.reference;

import io.fieldops.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer companies (issue 14): staff find them by tax id or name, supervisors and admins add and
 * change.
 */
@RestController
@RequestMapping(CompanyController.PATH)
class CompanyController extends ReferenceResource<Company> {

  static final String PATH = "/api/v1/tickets/companies";

  private final Companies service;

  CompanyController(Companies service) {
    super(PATH, service, ReferenceBodies.NewCompany.class, ReferenceBodies.CompanyChange.class);
    this.service = service;
  }

  @GetMapping
  ReferencePage<Company> list(
      CurrentUser caller,
      @RequestParam(name = "include_inactive", defaultValue = "false") boolean includeInactive,
      @RequestParam(name = "search", required = false) String search,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "size", defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return service.list(caller, includeInactive, new Paging(page, size, search));
  }
}

package io.fieldops.ticket.reference;

import io.fieldops.platform.security.CurrentUser;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Merchandise at sites (issue 14): staff read, supervisors and admins add and change. */
@RestController
@RequestMapping(MerchandiseController.PATH)
class MerchandiseController extends ReferenceResource<Merchandise> {

  static final String PATH = "/api/v1/tickets/merchandise";

  private final MerchandiseItems service;

  MerchandiseController(MerchandiseItems service) {
    super(
        PATH,
        service,
        ReferenceBodies.NewMerchandise.class,
        ReferenceBodies.MerchandiseChange.class);
    this.service = service;
  }

  @GetMapping
  ReferencePage<Merchandise> list(
      CurrentUser caller,
      @RequestParam(name = "site_id", required = false) UUID siteId,
      @RequestParam(name = "include_inactive", defaultValue = "false") boolean includeInactive,
      @RequestParam(name = "search", required = false) String search,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "size", defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return service.list(caller, siteId, includeInactive, new Paging(page, size, search));
  }
}

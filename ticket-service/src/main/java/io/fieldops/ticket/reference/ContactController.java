package io.fieldops.ticket.reference;

import io.fieldops.platform.security.CurrentUser;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Contacts at sites (issue 14): staff read, supervisors and admins add and change. */
@RestController
class ContactController {

  static final String PATH = "/api/v1/tickets/contacts";

  private final Contacts service;

  ContactController(Contacts service) {
    this.service = service;
  }

  @GetMapping(PATH)
  ReferencePage<Contact> list(
      CurrentUser caller,
      @RequestParam(name = "site_id", required = false) UUID siteId,
      @RequestParam(name = "include_inactive", defaultValue = "false") boolean includeInactive,
      @RequestParam(name = "search", required = false) String search,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "size", defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return service.list(caller, siteId, includeInactive, new Paging(page, size, search));
  }

  @GetMapping(PATH + "/{id}")
  Map<String, Contact> get(CurrentUser caller, @PathVariable UUID id) {
    return Answers.data(service.get(caller, id));
  }

  @PostMapping(PATH)
  ResponseEntity<Map<String, Contact>> create(CurrentUser caller, @RequestBody JsonNode body) {
    Contact created = service.create(caller, body);
    return Answers.created(PATH, created.id(), created);
  }

  @PatchMapping(PATH + "/{id}")
  Map<String, Contact> change(
      CurrentUser caller, @PathVariable UUID id, @RequestBody JsonNode body) {
    return Answers.data(service.change(caller, id, body));
  }
}

package io.fieldops.customer.client;

import io.fieldops.platform.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Seed 000's clients (staff): find-or-create by mobile, read one, check a mobile. */
@RestController
class ClientController {

  private final Clients clients;

  ClientController(Clients clients) {
    this.clients = clients;
  }

  /** 201 {@code created: true} with a new client; 200 {@code created: false} with the existing. */
  @PostMapping("/api/v1/customers/clients")
  ResponseEntity<Clients.FoundOrCreated> findOrCreate(
      CurrentUser caller, @Valid @RequestBody ClientRequest request) {
    Clients.FoundOrCreated answer = clients.findOrCreate(caller, request);
    return ResponseEntity.status(answer.created() ? 201 : 200).body(answer);
  }

  @GetMapping("/api/v1/customers/clients/{id}")
  ClientResponse get(CurrentUser caller, @PathVariable UUID id) {
    return clients.get(caller, id);
  }

  @GetMapping("/api/v1/customers/check-client")
  Clients.Check check(CurrentUser caller, @RequestParam String mobile) {
    return clients.check(caller, mobile);
  }
}

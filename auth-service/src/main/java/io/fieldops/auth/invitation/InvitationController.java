package io.fieldops.auth.invitation;

import io.fieldops.platform.security.CurrentUser;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The invited person's side: any logged-in user sees and answers the invitations addressed to their
 * account, whichever organisation their token is for. Someone else's invitation answers 404, like a
 * missing one.
 */
@RestController
class InvitationController {

  private final Invitations invitations;

  InvitationController(Invitations invitations) {
    this.invitations = invitations;
  }

  @GetMapping("/api/auth/invitations")
  InvitationList mine(CurrentUser caller) {
    return invitations.openFor(caller);
  }

  /** Creates the membership (and publishes {@code membership.changed}); 200 with the invitation. */
  @PostMapping("/api/auth/invitations/{id}/accept")
  InvitationView accept(CurrentUser caller, @PathVariable UUID id) {
    return invitations.accept(caller, id);
  }

  @PostMapping("/api/auth/invitations/{id}/decline")
  InvitationView decline(CurrentUser caller, @PathVariable UUID id) {
    return invitations.decline(caller, id);
  }
}

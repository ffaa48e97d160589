package io.fieldops.auth.organisation;

import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation of the caller's token, for any of its members. customer-service reads the phone
 * region here to validate mobiles the way this service does.
 */
@RestController
class OrganisationController {

  private final OrganisationRepository organisations;

  OrganisationController(OrganisationRepository organisations) {
    this.organisations = organisations;
  }

  @GetMapping("/api/auth/organization")
  OrganisationResponse current(CurrentUser caller) {
    return organisations
        .findById(caller.orgId())
        .map(OrganisationResponse::of)
        .orElseThrow(() -> NotFoundException.of("Organization"));
  }
}

package io.fieldops.auth.organisation;

import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation of the caller's token, for any of its members. customer-service reads the phone
 * region and strictness here to read mobiles the way this service does. Its admin changes the phone
 * settings with {@code PATCH} on the same path ({@code settings/}).
 */
@RestController
class OrganisationController {

  private final OrganisationRepository organisations;

  OrganisationController(OrganisationRepository organisations) {
    this.organisations = organisations;
  }

  /** With the organisation's version as a strong ETag, for {@code If-Match} on the PATCH. */
  @GetMapping("/api/auth/organization")
  ResponseEntity<OrganisationResponse> current(CurrentUser caller) {
    Organisation organisation =
        organisations
            .findById(caller.orgId())
            .orElseThrow(() -> NotFoundException.of("Organization"));
    return ResponseEntity.ok()
        .eTag(ETags.tag(organisation.getVersion()))
        .body(OrganisationResponse.of(organisation));
  }
}

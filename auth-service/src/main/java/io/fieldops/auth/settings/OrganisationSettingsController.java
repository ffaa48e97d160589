package io.fieldops.auth.settings;

import io.fieldops.auth.organisation.OrganisationResponse;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.web.ETags;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrganisationSettingsController {

  private final OrganisationSettings settings;

  OrganisationSettingsController(OrganisationSettings settings) {
    this.settings = settings;
  }

  /**
   * The admin's organisation with {@code default_phone_region} and/or {@code
   * strict_phone_validation} changed; answers exactly like {@code GET /api/auth/organization/}.
   * {@code If-Match} optional (412 when stale).
   */
  @PatchMapping("/api/auth/organization")
  ResponseEntity<OrganisationResponse> change(
      CurrentUser caller,
      @Valid @RequestBody OrganisationSettingsRequest request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    OrganisationSettings.Versioned changed =
        settings.change(caller, request, ETags.version(ifMatch));
    return ResponseEntity.ok().eTag(ETags.tag(changed.version())).body(changed.organisation());
  }
}

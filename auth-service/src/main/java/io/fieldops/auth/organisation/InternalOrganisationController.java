package io.fieldops.auth.organisation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For services serving public endpoints that name their organisation (seed 001's agent booking):
 * which organisation an {@code organization} field or {@code X-Organization} header means, and its
 * settings. Client-credentials scope {@code organizations:read}; not routed by the gateway.
 */
@RestController
class InternalOrganisationController {

  private final Organisations organisations;

  InternalOrganisationController(Organisations organisations) {
    this.organisations = organisations;
  }

  /**
   * {@code organization}: an id or a slug; blank or absent means the deployment's default. An
   * unknown one is a 400 naming {@code organization}, which the caller can pass on as it is.
   */
  @GetMapping("/api/v1/internal/organizations/resolve")
  OrganisationResponse resolve(@RequestParam(required = false) String organization) {
    return OrganisationResponse.of(organisations.resolve(organization));
  }
}

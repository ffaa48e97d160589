package io.fieldops.auth.settings;

import io.fieldops.auth.organisation.Organisation;
import io.fieldops.auth.organisation.OrganisationRepository;
import io.fieldops.auth.organisation.OrganisationResponse;
import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.ForbiddenException;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.phone.PhoneNumbers;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Level;
import io.fieldops.platform.security.Role;
import io.fieldops.platform.web.ETags;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's admin (ADMIN at level 3, still so in the database) sets how the organisation
 * reads phone numbers: its region and whether validation is strict. Only the caller's own
 * organisation (the token's) can be changed.
 */
@Service
class OrganisationSettings {

  static final String REGION_INVALID = "auth.organization.region-invalid";
  private static final Logger log = LoggerFactory.getLogger(OrganisationSettings.class);

  private final OrganisationRepository organisations;
  private final MembershipRepository memberships;

  OrganisationSettings(OrganisationRepository organisations, MembershipRepository memberships) {
    this.organisations = organisations;
    this.memberships = memberships;
  }

  /** The organisation as it is after the change, and the version its ETag carries. */
  record Versioned(OrganisationResponse organisation, long version) {}

  /**
   * @param expectedVersion the version from {@code If-Match}, or null when the client sent none
   */
  @Transactional
  Versioned change(CurrentUser caller, OrganisationSettingsRequest request, Long expectedVersion) {
    caller.requireRole(Role.ADMIN).requireLevel(Level.ADMIN);
    if (!memberships.isEffectiveAdmin(caller.id(), caller.orgId())) {
      throw ForbiddenException.accessDenied();
    }
    String region =
        request.defaultPhoneRegion() == null ? null : request.defaultPhoneRegion().strip();
    if (region != null && !PhoneNumbers.isSupportedRegion(region)) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("default_phone_region", REGION_INVALID));
    }
    Organisation organisation =
        organisations
            .findById(caller.orgId())
            .orElseThrow(() -> NotFoundException.of("Organization"));
    ETags.requireVersion(expectedVersion, organisation.getVersion());
    if (organisation.changePhoneSettings(region, request.strictPhoneValidation())) {
      // flushed here so that a concurrent change fails on the version now, as a 409/412
      organisations.saveAndFlush(organisation);
      log.info(
          "Admin {} set the phone settings of organisation {}: region {}, strict {}",
          caller.id(),
          organisation.getId(),
          organisation.getDefaultPhoneRegion(),
          organisation.isStrictPhoneValidation());
    }
    return new Versioned(OrganisationResponse.of(organisation), organisation.getVersion());
  }
}

package io.fieldops.jobcard.jobcard;

import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.events.members.Member;
import io.fieldops.platform.events.members.OrganisationMembers;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The technician a job card names, from the organisation members read model (fed by auth-service's
 * events; no call per request). Someone who is not an active staff member of the caller's
 * organisation, another organisation's user included, is one and the same 400: the answer never
 * tells whether the id exists elsewhere.
 */
@Component
class Technicians {

  static final String NOT_STAFF = "jobcard.technician.not-staff";

  private final OrganisationMembers members;

  Technicians(OrganisationMembers members) {
    this.members = members;
  }

  Member require(UUID orgId, UUID technicianId) {
    return members
        .find(orgId, technicianId)
        .filter(Member::active)
        .filter(Member::isStaff)
        .orElseThrow(
            () ->
                new BadRequestException(
                    "fieldops.problem.validation-failed", Map.of("technician_id", NOT_STAFF)));
  }
}

package io.fieldops.auth.members;

import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.platform.error.ForbiddenException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Level;
import io.fieldops.platform.security.Role;
import org.springframework.stereotype.Component;

/** Who may administer an organisation's members: checked by every members use case first. */
@Component
class OrganisationAdmin {

  private final MembershipRepository memberships;

  OrganisationAdmin(MembershipRepository memberships) {
    this.memberships = memberships;
  }

  /** The token must say ADMIN at level 3, and the membership must still be an active admin one. */
  void require(CurrentUser caller) {
    caller.requireRole(Role.ADMIN).requireLevel(Level.ADMIN);
    if (!memberships.isEffectiveAdmin(caller.id(), caller.orgId())) {
      throw ForbiddenException.accessDenied();
    }
  }
}

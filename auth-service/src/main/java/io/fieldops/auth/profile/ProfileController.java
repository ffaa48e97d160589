package io.fieldops.auth.profile;

import io.fieldops.auth.organisation.Organisation;
import io.fieldops.auth.organisation.OrganisationRepository;
import io.fieldops.auth.user.AppUser;
import io.fieldops.auth.user.Membership;
import io.fieldops.auth.user.MembershipRepository;
import io.fieldops.auth.user.UserMapper;
import io.fieldops.auth.user.UserRepository;
import io.fieldops.auth.user.UserResponse;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.security.CurrentUser;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProfileController {

  private final UserRepository users;
  private final MembershipRepository memberships;
  private final OrganisationRepository organisations;
  private final UserMapper mapper;

  ProfileController(
      UserRepository users,
      MembershipRepository memberships,
      OrganisationRepository organisations,
      UserMapper mapper) {
    this.users = users;
    this.memberships = memberships;
    this.organisations = organisations;
    this.mapper = mapper;
  }

  /**
   * The caller as stored now (not as the token remembers it), in the organisation the token is for.
   * A user or membership removed since the token was issued reads as not found.
   */
  @GetMapping("/api/auth/profile")
  @Transactional(readOnly = true)
  UserResponse profile(CurrentUser caller) {
    AppUser user = users.findById(caller.id()).orElseThrow(() -> NotFoundException.of("User"));
    Membership membership =
        memberships
            .findByUserIdAndOrganisationId(caller.id(), caller.orgId())
            .orElseThrow(() -> NotFoundException.of("User"));
    Organisation organisation =
        organisations.findById(caller.orgId()).orElseThrow(() -> NotFoundException.of("User"));
    return mapper.toResponse(user, membership, organisation);
  }
}

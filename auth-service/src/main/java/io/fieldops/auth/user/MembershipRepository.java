package io.fieldops.auth.user;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MembershipRepository extends JpaRepository<Membership, UUID> {

  Optional<Membership> findByUserIdAndOrganisationId(UUID userId, UUID organisationId);

  /**
   * Whether the user is, in the database and now, an active ADMIN at level 3 of the organisation:
   * what the organisation-admin endpoints require besides the token's claims (a demoted admin's
   * unexpired token is refused).
   */
  default boolean isEffectiveAdmin(UUID userId, UUID organisationId) {
    return findByUserIdAndOrganisationId(userId, organisationId)
        .map(Membership::isEffectiveAdmin)
        .orElse(false);
  }

  /** Oldest first: the organisation a user signed up with comes before ones joined later. */
  List<Membership> findByUserIdOrderByCreatedAtAsc(UUID userId);
}

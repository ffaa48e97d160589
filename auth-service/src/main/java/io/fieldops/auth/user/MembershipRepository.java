package io.fieldops.auth.user;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MembershipRepository extends JpaRepository<Membership, UUID> {

  Optional<Membership> findByUserIdAndOrganisationId(UUID userId, UUID organisationId);

  /** Oldest first: the organisation a user signed up with comes before ones joined later. */
  List<Membership> findByUserIdOrderByCreatedAtAsc(UUID userId);
}

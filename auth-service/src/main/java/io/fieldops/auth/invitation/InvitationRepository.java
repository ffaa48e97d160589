package io.fieldops.auth.invitation;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, UUID> {

  String STATUS = "io.fieldops.auth.invitation.InvitationStatus.";

  /** Row-locked: an accept and a decline of one invitation (or two accepts) run one at a time. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select i from Invitation i where i.id = :id")
  Optional<Invitation> findForUpdate(UUID id);

  /** The person's open invitations, newest first. */
  @Query(
      "select i from Invitation i where i.userId = :userId and i.status = "
          + STATUS
          + "PENDING and i.expiresAt > :now order by i.createdAt desc, i.id")
  List<Invitation> findOpen(UUID userId, Instant now, Limit limit);

  /**
   * A pending invitation nobody answered in time makes way for a new one (the unique index allows
   * one pending per organisation and user).
   */
  @Modifying
  @Query(
      "update Invitation i set i.status = "
          + STATUS
          + "EXPIRED, i.closedAt = :now where i.organisationId = :organisationId"
          + " and i.userId = :userId and i.status = "
          + STATUS
          + "PENDING and i.expiresAt <= :now")
  int expireStale(UUID organisationId, UUID userId, Instant now);
}

package io.fieldops.auth.token;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface RefreshTokenRepository extends JpaRepository<RefreshToken, UUID> {

  /**
   * Locked: two concurrent refreshes with one token must not both succeed; the second waits, sees
   * it spent and revokes the family, exactly like a replay.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from RefreshToken t where t.tokenHash = :tokenHash")
  Optional<RefreshToken> findForUpdate(String tokenHash);

  @Modifying
  @Query(
      "update RefreshToken t set t.revokedAt = :now where t.familyId = :familyId"
          + " and t.revokedAt is null")
  int revokeFamily(UUID familyId, Instant now);

  List<RefreshToken> findByFamilyId(UUID familyId);

  /** Password change: every family of the user except {@code keepFamilyId} stops working. */
  @Modifying
  @Query(
      "update RefreshToken t set t.revokedAt = :now where t.userId = :userId"
          + " and t.familyId <> :keepFamilyId and t.revokedAt is null")
  int revokeUserFamiliesExcept(UUID userId, UUID keepFamilyId, Instant now);

  /** Deactivation of a membership: the user's sessions in that organisation stop working. */
  @Modifying
  @Query(
      "update RefreshToken t set t.revokedAt = :now where t.userId = :userId"
          + " and t.organisationId = :organisationId and t.revokedAt is null")
  int revokeUserFamiliesIn(UUID userId, UUID organisationId, Instant now);
}

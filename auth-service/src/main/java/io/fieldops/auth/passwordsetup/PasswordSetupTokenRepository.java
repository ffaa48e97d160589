package io.fieldops.auth.passwordsetup;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordSetupTokenRepository extends JpaRepository<PasswordSetupToken, UUID> {

  /** Row-locked: two concurrent set-ups with one link cannot both spend it. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<PasswordSetupToken> findByTokenHash(String tokenHash);

  /** Once the account is claimed, every other outstanding link for it is dead too. */
  @Modifying
  @Query(
      "update PasswordSetupToken t set t.usedAt = :now where t.userId = :userId and t.usedAt is null")
  int spendAllFor(UUID userId, Instant now);
}

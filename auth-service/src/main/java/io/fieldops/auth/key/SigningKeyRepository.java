package io.fieldops.auth.key;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SigningKeyRepository extends JpaRepository<SigningKey, String> {

  @Query("select k from SigningKey k where k.retiredAt is null")
  Optional<SigningKey> findActive();

  /** The active key and the retired ones whose tokens may still be in use. */
  @Query(
      "select k from SigningKey k where k.retiredAt is null or k.retiredAt > :retiredAfter"
          + " order by k.createdAt desc")
  List<SigningKey> findPublishable(Instant retiredAfter);
}

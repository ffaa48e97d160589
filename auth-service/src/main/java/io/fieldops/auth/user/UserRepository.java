package io.fieldops.auth.user;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<AppUser, UUID> {

  /** Matches the database's unique index on lower(email). */
  @Query("select u from AppUser u where lower(u.email) = lower(:email)")
  Optional<AppUser> findByEmail(String email);

  /** By the phone's key (platform {@code PhoneNumber.key}): any spelling of the number. */
  Optional<AppUser> findByPhoneKey(String phoneKey);

  @Query("select count(u) > 0 from AppUser u where lower(u.email) = lower(:email)")
  boolean existsByEmail(String email);

  boolean existsByPhoneKey(String phoneKey);

  /** Someone else has this phone (a user keeping their own number is no conflict). */
  boolean existsByPhoneKeyAndIdNot(String phoneKey, UUID id);

  boolean existsByUsername(String username);
}

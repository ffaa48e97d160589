package io.fieldops.auth.user;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<AppUser, UUID> {

  /** Matches the database's unique index on lower(email). */
  @Query("select u from AppUser u where lower(u.email) = lower(:email)")
  Optional<AppUser> findByEmail(String email);

  Optional<AppUser> findByPhoneNumber(String phoneNumber);

  @Query("select count(u) > 0 from AppUser u where lower(u.email) = lower(:email)")
  boolean existsByEmail(String email);

  boolean existsByPhoneNumber(String phoneNumber);
}

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

  /**
   * Row-locked with {@code for update}, not JPA's pessimistic write (PostgreSQL's {@code for no key
   * update}): only the full lock conflicts with the {@code for key share} lock that inserting a
   * membership takes on its user through the foreign key. So while this is held nobody adds the
   * user to an organisation, and it waits for anyone who just did (see {@code PasswordSetup}).
   */
  @Query(value = "select * from app_user where id = :id for update", nativeQuery = true)
  Optional<AppUser> findForUpdate(UUID id);
}

package io.fieldops.auth.user;

import io.fieldops.platform.phone.PhoneNumber;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A person who can hold tokens. Identity lives here only; other services keep just the id. */
@Entity
@Table(name = "app_user")
public class AppUser {

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String username;

  private String email;

  /**
   * As the person (or the agent's system) wrote it, cleaned of spaces, dashes, dots and
   * parentheses: what every answer, token and event shows.
   */
  @Column(name = "phone")
  private String phoneNumber;

  /**
   * What two spellings of one number share (platform {@code PhoneNumber.key}): E.164 where the
   * number is valid, else its digits. Unique: one user per phone. Null exactly when the phone is.
   */
  @Column(name = "phone_key")
  private String phoneKey;

  @Column(name = "first_name", nullable = false)
  private String firstName;

  @Column(name = "last_name", nullable = false)
  private String lastName;

  private String gender;

  private String country;

  /** Null for users without a usable password (created by an agent, seed 001). */
  @Column(name = "password_hash")
  private String passwordHash;

  /**
   * When the account first got a password; never cleared. "Never had a password" is what makes an
   * account claimable with a set-up link, so it is a recorded fact, not a reading of the hash.
   */
  @Column(name = "password_set_at")
  private Instant passwordSetAt;

  /**
   * The organisation the account was created in or by (registration, founding, an agent booking of
   * a new phone, an invitation of a new email, the bootstrap admin). Null only for rows made before
   * this was recorded without any membership.
   */
  @Column(name = "created_by_organisation_id")
  private UUID createdByOrganisationId;

  @Column(name = "is_active", nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected AppUser() {}

  /**
   * A self-registered user: known by email, which is also the username.
   *
   * @param phone null when they gave none
   * @param organisationId the organisation the account is created in (joined or founded)
   */
  public static AppUser registered(
      String email,
      String firstName,
      String lastName,
      PhoneNumber phone,
      String passwordHash,
      UUID organisationId,
      Instant now) {
    AppUser user = new AppUser();
    user.id = UUID.randomUUID();
    user.username = email;
    user.email = email;
    user.firstName = firstName;
    user.lastName = lastName;
    user.phoneNumber = phone == null ? null : phone.written();
    user.phoneKey = phone == null ? null : phone.key();
    user.passwordHash = passwordHash;
    user.passwordSetAt = passwordHash == null ? null : now;
    user.createdByOrganisationId = organisationId;
    user.active = true;
    user.createdAt = now;
    user.updatedAt = now;
    return user;
  }

  /**
   * Someone an organisation admin invited by email: no usable password until they claim the account
   * with a one-time set-up token.
   */
  public static AppUser invited(
      String email,
      String firstName,
      String lastName,
      PhoneNumber phone,
      UUID organisationId,
      Instant now) {
    return registered(email, firstName, lastName, phone, null, organisationId, now);
  }

  public Optional<String> passwordHash() {
    return Optional.ofNullable(passwordHash);
  }

  public void changePasswordHash(String newHash, Instant now) {
    this.passwordHash = newHash;
    if (passwordSetAt == null) {
      this.passwordSetAt = now;
    }
    this.updatedAt = now;
  }

  /** Whether the account has, or ever had, a password: then nobody but its owner may set one. */
  public boolean everHadPassword() {
    return passwordSetAt != null || passwordHash != null;
  }

  public Optional<UUID> createdByOrganisationId() {
    return Optional.ofNullable(createdByOrganisationId);
  }

  public UUID getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getEmail() {
    return email;
  }

  public String getPhoneNumber() {
    return phoneNumber;
  }

  public String getPhoneKey() {
    return phoneKey;
  }

  /** Whether {@code phone} is exactly what is stored (the same spelling of the same number). */
  public boolean hasPhone(PhoneNumber phone) {
    return phone.written().equals(phoneNumber) && phone.key().equals(phoneKey);
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public String getGender() {
    return gender;
  }

  public String getCountry() {
    return country;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }

  /**
   * A profile update. A self-registered user's username is their email, so it follows the email; a
   * username chosen otherwise (an agent-created user's phone) stays.
   */
  public void changeEmail(String newEmail, Instant now) {
    if (username.equals(email)) {
      username = newEmail;
    }
    email = newEmail;
    updatedAt = now;
  }

  /** A new phone (as written, and its key), or none when {@code newPhone} is null. */
  public void changePhoneNumber(PhoneNumber newPhone, Instant now) {
    phoneNumber = newPhone == null ? null : newPhone.written();
    phoneKey = newPhone == null ? null : newPhone.key();
    updatedAt = now;
  }

  public void changeNames(String newFirstName, String newLastName, Instant now) {
    firstName = newFirstName;
    lastName = newLastName;
    updatedAt = now;
  }
}

package io.fieldops.auth.passwordsetup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A one-time password set-up link, stored by its SHA-256 only. */
@Entity
@Table(name = "password_setup_token")
class PasswordSetupToken {

  @Id private UUID id;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "organisation_id", nullable = false)
  private UUID organisationId;

  @Column(name = "issued_by", nullable = false)
  private UUID issuedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected PasswordSetupToken() {}

  PasswordSetupToken(
      String tokenHash,
      UUID userId,
      UUID organisationId,
      UUID issuedBy,
      Instant createdAt,
      Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.tokenHash = tokenHash;
    this.userId = userId;
    this.organisationId = organisationId;
    this.issuedBy = issuedBy;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  boolean isUsable(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  void spend(Instant now) {
    this.usedAt = now;
  }

  UUID getUserId() {
    return userId;
  }

  UUID getOrganisationId() {
    return organisationId;
  }

  Instant getExpiresAt() {
    return expiresAt;
  }
}

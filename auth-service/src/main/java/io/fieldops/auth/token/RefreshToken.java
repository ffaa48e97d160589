package io.fieldops.auth.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One opaque refresh token (only its SHA-256 is stored). Tokens rotated from one login form a
 * family; using a spent one means it was stolen or replayed, so the whole family is revoked.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

  @Id private UUID id;

  @Column(name = "family_id", nullable = false)
  private UUID familyId;

  @Column(name = "token_hash", nullable = false, unique = true)
  private String tokenHash;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "organisation_id", nullable = false)
  private UUID organisationId;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected RefreshToken() {}

  RefreshToken(
      UUID familyId,
      String tokenHash,
      UUID userId,
      UUID organisationId,
      Instant issuedAt,
      Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.familyId = familyId;
    this.tokenHash = tokenHash;
    this.userId = userId;
    this.organisationId = organisationId;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  /** Unused, unrevoked and unexpired: the only state in which it may be exchanged. */
  boolean isUsable(Instant now) {
    return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
  }

  boolean isSpent() {
    return usedAt != null;
  }

  void markUsed(Instant now) {
    this.usedAt = now;
  }

  /** The family's absolute end: every token of a family carries its first token's. */
  public Instant getExpiresAt() {
    return expiresAt;
  }

  public UUID getFamilyId() {
    return familyId;
  }

  public UUID getUserId() {
    return userId;
  }

  public UUID getOrganisationId() {
    return organisationId;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public Instant getUsedAt() {
    return usedAt;
  }
}

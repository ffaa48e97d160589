package io.fieldops.auth.invitation;

import io.fieldops.platform.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An organisation's offer of a membership to an existing account. Nothing is granted until the
 * person, logged in, accepts it; at most one is pending per (organisation, user) (a partial unique
 * index).
 */
@Entity
@Table(name = "invitation")
class Invitation {

  @Id private UUID id;

  @Column(name = "organisation_id", nullable = false)
  private UUID organisationId;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(nullable = false)
  private String email;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  private String[] roles;

  @Column(nullable = false)
  private int level;

  @Column(name = "invited_by", nullable = false)
  private UUID invitedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private InvitationStatus status;

  @Column(name = "closed_at")
  private Instant closedAt;

  protected Invitation() {}

  Invitation(
      UUID organisationId,
      UUID userId,
      String email,
      List<Role> roles,
      int level,
      UUID invitedBy,
      Instant now,
      Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.organisationId = organisationId;
    this.userId = userId;
    this.email = email;
    this.roles = roles.stream().map(Role::name).toArray(String[]::new);
    this.level = level;
    this.invitedBy = invitedBy;
    this.createdAt = now;
    this.expiresAt = expiresAt;
    this.status = InvitationStatus.PENDING;
  }

  /** PENDING, or EXPIRED for a pending one past its time: what the person would be told. */
  InvitationStatus statusAt(Instant now) {
    return status == InvitationStatus.PENDING && !now.isBefore(expiresAt)
        ? InvitationStatus.EXPIRED
        : status;
  }

  /**
   * Closes a pending, unexpired invitation with {@code answer} (ACCEPTED or DECLINED); otherwise
   * says why not: the status it already has (or EXPIRED).
   */
  Optional<InvitationStatus> answer(InvitationStatus answer, Instant now) {
    InvitationStatus current = statusAt(now);
    if (current != InvitationStatus.PENDING) {
      return Optional.of(current);
    }
    status = answer;
    closedAt = now;
    return Optional.empty();
  }

  UUID getId() {
    return id;
  }

  UUID getOrganisationId() {
    return organisationId;
  }

  UUID getUserId() {
    return userId;
  }

  String getEmail() {
    return email;
  }

  List<String> getRoles() {
    return Arrays.asList(roles.clone());
  }

  List<Role> roles() {
    return Arrays.stream(roles).map(Role::valueOf).toList();
  }

  int getLevel() {
    return level;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getExpiresAt() {
    return expiresAt;
  }
}

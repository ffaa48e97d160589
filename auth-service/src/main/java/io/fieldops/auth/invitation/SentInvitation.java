package io.fieldops.auth.invitation;

import io.fieldops.platform.security.Role;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the inviting admin is told: that an invitation went out, to the email they typed, with the
 * roles and level they chose. Nothing about the account it reached (no user id, name or phone).
 */
public record SentInvitation(
    UUID id,
    String email,
    @ArraySchema(schema = @Schema(implementation = Role.class)) List<String> roles,
    int level,
    InvitationStatus status,
    Instant invitedAt,
    Instant expiresAt) {

  static SentInvitation of(Invitation invitation) {
    return new SentInvitation(
        invitation.getId(),
        invitation.getEmail(),
        invitation.getRoles(),
        invitation.getLevel(),
        InvitationStatus.PENDING,
        invitation.getCreatedAt(),
        invitation.getExpiresAt());
  }
}

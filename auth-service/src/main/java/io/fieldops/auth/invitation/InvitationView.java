package io.fieldops.auth.invitation;

import io.fieldops.auth.user.UserResponse.OrganizationSummary;
import io.fieldops.platform.security.Role;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One invitation as the invited person sees it: who invites them, as what, until when. */
public record InvitationView(
    UUID id,
    OrganizationSummary organization,
    @ArraySchema(schema = @Schema(implementation = Role.class)) List<String> roles,
    int level,
    InvitationStatus status,
    Instant invitedAt,
    Instant expiresAt) {}

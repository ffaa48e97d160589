package io.fieldops.auth.members;

import io.fieldops.auth.user.MembershipKind;
import io.fieldops.platform.security.Role;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** One member of the caller's organisation, as the admin endpoints answer it (snake_case). */
public record MemberResponse(
    UUID userId,
    String username,
    String email,
    String firstName,
    String lastName,
    String phoneNumber,
    @ArraySchema(schema = @Schema(implementation = Role.class)) List<String> roles,
    int level,
    @Schema(implementation = MembershipKind.class) String kind,
    boolean isActive) {}

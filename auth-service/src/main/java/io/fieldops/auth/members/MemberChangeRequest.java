package io.fieldops.auth.members;

import io.fieldops.platform.security.Role;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code PATCH .../members/{user_id}/}: either or both; absent leaves it as it is. */
public record MemberChangeRequest(
    @ArraySchema(schema = @Schema(implementation = Role.class)) List<String> roles,
    @Schema(minimum = "0", maximum = "3") Integer level) {}

package io.fieldops.auth.user;

import io.fieldops.platform.security.Role;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The user as register, login and profile answer it (snake_case on the wire): identity plus the
 * membership the accompanying tokens were issued for.
 */
public record UserResponse(
    UUID id,
    String username,
    String email,
    String firstName,
    String lastName,
    String phoneNumber,
    @Schema(allowableValues = {"male", "female", "other"}) String gender,
    String country,
    boolean isActive,
    Instant dateJoined,
    OrganizationSummary organization,
    @ArraySchema(schema = @Schema(implementation = Role.class)) List<String> roles,
    int level) {

  /** The organisation of the membership, as clients need it to name it in later calls. */
  public record OrganizationSummary(UUID id, String slug, String name) {}
}

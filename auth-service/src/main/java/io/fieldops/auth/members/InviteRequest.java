package io.fieldops.auth.members;

import io.fieldops.platform.security.Role;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An admin adds someone to the organisation by email. {@code level} defaults from the highest role
 * (ADMIN 3, SUPERVISOR 2, TECHNICIAN 0, other staff 1, CUSTOMER 0); names and phone are used only
 * when the email belongs to nobody yet.
 */
public record InviteRequest(
    @NotBlank @Email @Size(max = 254) String email,
    @Size(max = 150) String firstName,
    @Size(max = 150) String lastName,
    @Size(max = 32) String phoneNumber,
    @NotEmpty @ArraySchema(schema = @Schema(implementation = Role.class)) List<String> roles,
    @Schema(minimum = "0", maximum = "3") Integer level) {}

package io.fieldops.ticket.reference;

import io.fieldops.platform.events.members.Member;
import io.fieldops.platform.security.Role;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * A staff member of the organisation as tickets show them (assigner, technicians), from the
 * organisation members read model.
 */
public record Employee(
    UUID id,
    String fullName,
    String firstName,
    String lastName,
    String email,
    String phoneNumber,
    @ArraySchema(schema = @Schema(implementation = Role.class)) List<String> roles,
    int level,
    boolean isActive) {

  public static Employee of(Member member) {
    return new Employee(
        member.userId(),
        member.fullName(),
        member.firstName(),
        member.lastName(),
        member.email(),
        member.phoneNumber(),
        member.roles(),
        member.level(),
        member.active());
  }
}

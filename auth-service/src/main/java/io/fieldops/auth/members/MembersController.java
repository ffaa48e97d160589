package io.fieldops.auth.members;

import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Role;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organisation admin (ADMIN, level 3) over the members of the caller's own organisation. */
@RestController
class MembersController {

  private final Members members;
  private final MemberInvite memberInvite;

  MembersController(Members members, MemberInvite memberInvite) {
    this.members = members;
    this.memberInvite = memberInvite;
  }

  /** Sorted by first name, last name; {@code role} filters; {@code page} from 0. */
  @GetMapping("/api/auth/organization/members")
  MemberPage list(
      CurrentUser caller,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) @Parameter(schema = @Schema(implementation = Role.class))
          String role) {
    return members.list(caller, page, size, role);
  }

  /**
   * 201 whether or not the account existed; {@code created} tells which: a new account and member,
   * or (an existing account) a pending invitation the person accepts.
   */
  @PostMapping("/api/auth/organization/members")
  @ResponseStatus(HttpStatus.CREATED)
  InviteResponse invite(CurrentUser caller, @Valid @RequestBody InviteRequest request) {
    return memberInvite.invite(caller, request);
  }

  @PatchMapping("/api/auth/organization/members/{userId}")
  MemberResponse change(
      CurrentUser caller, @PathVariable UUID userId, @RequestBody MemberChangeRequest request) {
    return members.change(caller, userId, request);
  }

  @PostMapping("/api/auth/organization/members/{userId}/deactivate")
  MemberResponse deactivate(CurrentUser caller, @PathVariable UUID userId) {
    return members.deactivate(caller, userId);
  }

  @PostMapping("/api/auth/organization/members/{userId}/reactivate")
  MemberResponse reactivate(CurrentUser caller, @PathVariable UUID userId) {
    return members.reactivate(caller, userId);
  }
}

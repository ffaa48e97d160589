package io.fieldops.auth.profile;

import io.fieldops.auth.user.UserResponse;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.web.ETags;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProfileController {

  private final ProfileUpdate profiles;
  private final PasswordChange passwordChange;

  ProfileController(ProfileUpdate profiles, PasswordChange passwordChange) {
    this.profiles = profiles;
    this.passwordChange = passwordChange;
  }

  /**
   * The caller as stored now (not as the token remembers it), in the organisation the token is for,
   * with the user's version as a strong ETag ({@code "3"}) for {@code If-Match} on the update.
   */
  @GetMapping("/api/auth/profile")
  ResponseEntity<UserResponse> profile(CurrentUser caller) {
    return withETag(profiles.read(caller));
  }

  /** Partial update of names, email and phone; {@code If-Match} optional (412 when stale). */
  @PatchMapping("/api/auth/profile/update")
  ResponseEntity<UserResponse> update(
      CurrentUser caller,
      @Valid @RequestBody ProfileUpdateRequest request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    return withETag(profiles.update(caller, request, ETags.version(ifMatch)));
  }

  @PostMapping("/api/auth/password/change")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void changePassword(CurrentUser caller, @Valid @RequestBody PasswordChangeRequest request) {
    passwordChange.change(caller, request);
  }

  private static ResponseEntity<UserResponse> withETag(ProfileUpdate.Versioned profile) {
    return ResponseEntity.ok().eTag("\"" + profile.version() + "\"").body(profile.user());
  }
}

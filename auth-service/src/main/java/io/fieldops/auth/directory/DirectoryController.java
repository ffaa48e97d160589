package io.fieldops.auth.directory;

import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.security.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Identity of the caller's organisation's members by id, for other services' staff screens. */
@RestController
class DirectoryController {

  private final UserDirectory directory;

  DirectoryController(UserDirectory directory) {
    this.directory = directory;
  }

  /**
   * {@code ids} comma-separated or repeated, at most 100; or {@code search}, a piece of a name,
   * email or phone (at most 100 matches). One of the two.
   */
  @GetMapping("/api/auth/organization/users")
  DirectoryPage lookup(
      CurrentUser caller,
      @RequestParam(required = false) List<UUID> ids,
      @RequestParam(required = false) String search) {
    if ((ids == null) == (search == null)) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("ids", "auth.directory.ids-or-search"));
    }
    return ids != null ? directory.lookup(caller, ids) : directory.search(caller, search);
  }
}

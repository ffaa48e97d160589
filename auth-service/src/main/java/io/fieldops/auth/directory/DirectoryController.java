package io.fieldops.auth.directory;

import io.fieldops.platform.security.CurrentUser;
import java.util.List;
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

  /** {@code ids} comma-separated or repeated, at most 100. */
  @GetMapping("/api/auth/organization/users")
  DirectoryPage lookup(CurrentUser caller, @RequestParam List<UUID> ids) {
    return directory.lookup(caller, ids);
  }
}

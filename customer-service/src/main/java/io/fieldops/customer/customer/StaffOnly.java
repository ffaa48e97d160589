package io.fieldops.customer.customer;

import io.fieldops.platform.error.ForbiddenException;
import io.fieldops.platform.security.CurrentUser;

/**
 * Customer management is for the staff who work the organisation's data (level 1 and up:
 * platform-starter's {@code CurrentUser.worksOrganisationData()}); a customer, or a level 0
 * technician who sees only what is assigned to them, gets 403 (seed 002).
 */
public final class StaffOnly {

  static final String MESSAGE = "customer.staff-only";

  private StaffOnly() {}

  public static void require(CurrentUser caller) {
    if (!caller.worksOrganisationData()) {
      throw new ForbiddenException(MESSAGE);
    }
  }
}

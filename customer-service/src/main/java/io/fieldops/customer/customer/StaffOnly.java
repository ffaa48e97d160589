package io.fieldops.customer.customer;

import io.fieldops.platform.error.ForbiddenException;
import io.fieldops.platform.security.CurrentUser;

/** Customer management is for the organisation's staff; a customer gets 403 (seed 002). */
public final class StaffOnly {

  static final String MESSAGE = "customer.staff-only";

  private StaffOnly() {}

  public static void require(CurrentUser caller) {
    if (!caller.isStaff()) {
      throw new ForbiddenException(MESSAGE);
    }
  }
}

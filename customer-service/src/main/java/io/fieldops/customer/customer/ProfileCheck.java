package io.fieldops.customer.customer;

import io.fieldops.platform.error.ForbiddenException;
import io.fieldops.platform.security.CurrentUser;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seed 002's "Check if Profile Exists": a customer asks about itself (the body's user_id may be
 * left out); staff may ask about any user of their organisation.
 */
@Service
public class ProfileCheck {

  static final String SELF_ONLY = "customer.check-profile.self-only";

  private final CustomerRepository customers;

  ProfileCheck(CustomerRepository customers) {
    this.customers = customers;
  }

  public record Request(UUID userId) {}

  public record Answer(boolean exists, UUID userId, UUID customerId) {}

  @Transactional(readOnly = true)
  public Answer check(CurrentUser caller, UUID userId) {
    UUID wanted = userId == null ? caller.id() : userId;
    if (!wanted.equals(caller.id()) && !caller.worksOrganisationData()) {
      throw new ForbiddenException(SELF_ONLY);
    }
    return customers
        .findByOrgIdAndUserId(caller.orgId(), wanted)
        .map(c -> new Answer(true, wanted, c.getId()))
        .orElseGet(() -> new Answer(false, wanted, null));
  }
}

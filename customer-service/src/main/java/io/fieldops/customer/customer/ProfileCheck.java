package io.fieldops.customer.customer;

import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.ForbiddenException;
import io.fieldops.platform.security.CurrentUser;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seed 002's "Check if Profile Exists" ({@code {"user_id": ...}}): a customer asks about itself,
 * staff about any user of their organisation. {@code user_id} is required (issue 16).
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

  /**
   * @param userId the user asked about; required, a customer may name only itself
   */
  @Transactional(readOnly = true)
  public Answer check(CurrentUser caller, UUID userId) {
    if (userId == null) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("user_id", "customer.field.required"));
    }
    if (!userId.equals(caller.id()) && !caller.worksOrganisationData()) {
      throw new ForbiddenException(SELF_ONLY);
    }
    return customers
        .findByOrgIdAndUserId(caller.orgId(), userId)
        .map(c -> new Answer(true, userId, c.getId()))
        .orElseGet(() -> new Answer(false, userId, null));
  }
}

package io.fieldops.customer.customer;

import io.fieldops.customer.identity.Identity;

/**
 * Entity to response. Written by hand rather than with MapStruct: which identity fields a customer
 * shows depends on whether it is linked (auth-service's identity) or standalone (its own columns),
 * a rule better read in one place than spread over mapping annotations.
 */
public final class CustomerMapper {

  private CustomerMapper() {}

  /**
   * @param identity the linked user's identity, or null (standalone, or auth-service unavailable)
   */
  public static CustomerResponse toResponse(Customer c, Identity identity) {
    boolean linked = c.isLinked();
    return new CustomerResponse(
        c.getId(),
        c.getCode(),
        c.getUserId(),
        linked ? (identity == null ? null : identity.email()) : c.getEmail(),
        linked && identity != null ? identity.firstName() : null,
        linked && identity != null ? identity.lastName() : null,
        linked && identity != null ? identity.phoneNumber() : null,
        c.getFullName(),
        c.getMobile(),
        c.getNotes(),
        c.getStreetAddress(),
        c.getCity(),
        c.getState(),
        c.getPostalCode(),
        c.getCountry(),
        c.getCompanyName(),
        c.getBusinessType(),
        c.getTaxId(),
        c.getEmergencyContactName(),
        c.getEmergencyContactPhone(),
        c.getEmergencyContactRelationship(),
        c.isVerified(),
        c.getCustomerSince(),
        c.getLastServiceDate(),
        c.getTotalServices(),
        c.getPreferredContactMethod(),
        c.getCustomerType(),
        new CustomerResponse.Notifications(c.isNotifyEmail(), c.isNotifySms(), c.isNotifyPush()),
        c.isActive(),
        c.getCreatedAt(),
        c.getUpdatedAt());
  }
}

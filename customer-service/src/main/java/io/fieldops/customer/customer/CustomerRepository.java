package io.fieldops.customer.customer;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface CustomerRepository
    extends JpaRepository<Customer, UUID>, JpaSpecificationExecutor<Customer> {

  Optional<Customer> findByIdAndOrgId(UUID id, UUID orgId);

  Optional<Customer> findByOrgIdAndUserId(UUID orgId, UUID userId);

  Optional<Customer> findByOrgIdAndMobileKey(UUID orgId, String mobileKey);
}

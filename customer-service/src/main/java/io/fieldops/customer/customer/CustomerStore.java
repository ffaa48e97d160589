package io.fieldops.customer.customer;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Get-or-create under concurrency. Seed 000 catches the unique violation and reads again; in
 * PostgreSQL a failed INSERT aborts the whole transaction, so the same idea is written as {@code
 * INSERT ... ON CONFLICT DO NOTHING} (the constraint decides, nothing is aborted) followed by a
 * read of the row that won. Fifty requests for one mobile at once therefore create exactly one
 * client and all fifty answer it.
 */
@Component
public class CustomerStore {

  private final JdbcTemplate jdbc;
  private final CustomerRepository customers;
  private final Clock clock;

  CustomerStore(JdbcTemplate jdbc, CustomerRepository customers, Clock clock) {
    this.jdbc = jdbc;
    this.customers = customers;
    this.clock = clock;
  }

  /** The result of a get-or-create: the stored customer and whether this call created it. */
  public record Outcome(Customer customer, boolean created) {}

  /** The customer of (org, user), created from {@code initialise} when missing (seed 004). */
  @Transactional(propagation = Propagation.MANDATORY)
  public Outcome linked(UUID orgId, UUID userId, Consumer<Customer> initialise) {
    return getOrCreate(
        () -> customers.findByOrgIdAndUserId(orgId, userId), orgId, userId, initialise);
  }

  /** The client with this E.164 mobile in the organisation, created from {@code initialise}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Outcome clientByMobile(UUID orgId, String mobileKey, Consumer<Customer> initialise) {
    return getOrCreate(
        () -> customers.findByOrgIdAndMobileKey(orgId, mobileKey), orgId, null, initialise);
  }

  private Outcome getOrCreate(
      Supplier<Optional<Customer>> find, UUID orgId, UUID userId, Consumer<Customer> initialise) {
    Optional<Customer> existing = find.get();
    if (existing.isPresent()) {
      return new Outcome(existing.get(), false);
    }
    Customer fresh = newCustomer(orgId, userId);
    initialise.accept(fresh);
    boolean inserted = insertIfAbsent(fresh);
    // the row that won: ours, or the one a concurrent request committed first
    Customer stored =
        find.get().orElseThrow(() -> new IllegalStateException("customer vanished in " + orgId));
    return new Outcome(stored, inserted);
  }

  /**
   * Stores {@code customer} unless a constraint already holds its user, mobile or code.
   *
   * @return whether it was stored
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean insertIfAbsent(Customer c) {
    int rows =
        jdbc.update(
            """
            INSERT INTO customer (id, org_id, user_id, code, street_address, city, state,
              postal_code, country, company_name, business_type, tax_id, emergency_contact_name,
              emergency_contact_phone, emergency_contact_relationship, is_verified, customer_since,
              last_service_date, total_services, preferred_contact_method, customer_type,
              notify_email,
              notify_sms, notify_push, full_name, mobile, mobile_key, email, notes, is_active,
              created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
              ?, ?, ?, ?, ?, ?, 0)
            ON CONFLICT DO NOTHING
            """,
            c.getId(),
            c.getOrgId(),
            c.getUserId(),
            c.getCode(),
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
            Date.valueOf(c.getCustomerSince()),
            c.getLastServiceDate() == null ? null : Date.valueOf(c.getLastServiceDate()),
            c.getTotalServices(),
            c.getPreferredContactMethod(),
            c.getCustomerType(),
            c.isNotifyEmail(),
            c.isNotifySms(),
            c.isNotifyPush(),
            c.getFullName(),
            c.getMobile(),
            c.getMobileKey(),
            c.getEmail(),
            c.getNotes(),
            c.isActive(),
            Timestamp.from(c.getCreatedAt()),
            Timestamp.from(c.getUpdatedAt()));
    return rows == 1;
  }

  /** A new customer with the organisation's next code; not yet stored. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Customer newCustomer(UUID orgId, UUID userId) {
    Long next =
        jdbc.queryForObject(
            "INSERT INTO customer_code_counter (org_id, last_value) VALUES (?, 1)"
                + " ON CONFLICT (org_id) DO UPDATE SET last_value = customer_code_counter.last_value"
                + " + 1 RETURNING last_value",
            Long.class,
            orgId);
    Instant now = clock.instant();
    return Customer.create(
        orgId, userId, CustomerCodes.format(next), now, LocalDate.ofInstant(now, ZoneOffset.UTC));
  }
}

package io.fieldops.customer.customer;

import io.fieldops.customer.identity.AuthService;
import io.fieldops.customer.identity.Identity;
import io.fieldops.customer.identity.PhoneSettings;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.error.ProblemException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.web.ETags;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use cases of seed 002 and 004 on customers, for the caller's own organisation only.
 *
 * <p>What auth-service knows (the organisation's phone region, whether a user is a member, linked
 * customers' identity) is asked before the transaction opens or after it has committed, never
 * inside: a slow auth-service must not hold database connections.
 */
@Service
public class Customers {

  static final String PROFILE_NOT_FOUND = "customer.profile.not-found";
  static final String MOBILE_TAKEN = "customer.mobile.taken";
  static final String NOT_A_MEMBER = "customer.user.not-a-member";
  private static final Logger log = LoggerFactory.getLogger(Customers.class);

  private final CustomerRepository customers;
  private final CustomerStore store;
  private final AuthService auth;
  private final CustomerEvents events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Customers(
      CustomerRepository customers,
      CustomerStore store,
      AuthService auth,
      CustomerEvents events,
      TransactionTemplate transactions,
      Clock clock) {
    this.customers = customers;
    this.store = store;
    this.auth = auth;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  // ---- the caller's own profile (identity from the token) ----

  @Transactional(readOnly = true)
  public Versioned profile(CurrentUser caller) {
    return own(caller, ownCustomer(caller), false);
  }

  /**
   * Seed 002's create. When the user already has a customer record (seed 004: a second create, or
   * the record the {@code user.registered} event made moments after registration) the answer is
   * that record, 200; it only gains the address, business and emergency-contact members it lacked,
   * so seed 002's register-then-create flow keeps its address whichever came first, and nothing a
   * customer already entered is overwritten.
   */
  public Versioned createProfile(CurrentUser caller, CustomerRequest request) {
    CustomerEdit edit = edit(request, CustomerEdit.Kind.PROFILE, phones(caller, request));
    return transactions.execute(
        status -> {
          CustomerStore.Outcome outcome = store.linked(caller.orgId(), caller.id(), edit::applyTo);
          Customer customer = outcome.customer();
          if (outcome.created()) {
            log.info(
                "Customer {} created for user {} in {}", id(outcome), caller.id(), caller.orgId());
          } else {
            Customer requested =
                Customer.create(caller.orgId(), caller.id(), "", clock.instant(), null);
            edit.applyTo(requested);
            if (customer.fillBlanksFrom(requested, clock.instant())) {
              customers.saveAndFlush(customer);
            }
          }
          return own(caller, customer, outcome.created());
        });
  }

  public Versioned updateProfile(CurrentUser caller, CustomerRequest request, Long ifMatch) {
    CustomerEdit edit = edit(request, CustomerEdit.Kind.PROFILE, phones(caller, request));
    return transactions.execute(
        status -> {
          Customer customer = ownCustomer(caller);
          requireVersion(customer, ifMatch);
          save(customer, edit);
          return own(caller, customer, false);
        });
  }

  @Transactional
  public void deleteProfile(CurrentUser caller) {
    Customer customer = ownCustomer(caller);
    customers.delete(customer);
    log.info("Customer {} of user {} deleted its profile", customer.getId(), caller.id());
  }

  // ---- management (staff of the organisation) ----

  public Versioned get(CurrentUser caller, UUID id) {
    StaffOnly.require(caller);
    return viewed(caller, find(caller, id), false);
  }

  public Versioned byUserId(CurrentUser caller, UUID userId) {
    StaffOnly.require(caller);
    Customer customer =
        customers
            .findByOrgIdAndUserId(caller.orgId(), userId)
            .orElseThrow(() -> NotFoundException.of("Customer"));
    return viewed(caller, customer, false);
  }

  /**
   * Seed 004: with {@code user_id}, the existing customer of that user (unchanged) or a new one;
   * without, a new standalone customer (its mobile unique in the organisation: 409 otherwise).
   */
  public Versioned create(CurrentUser caller, CustomerRequest request) {
    StaffOnly.require(caller);
    if (request.userId() != null) {
      CustomerEdit edit = edit(request, CustomerEdit.Kind.LINKED, phones(caller, request));
      requireMember(caller, request.userId());
      CustomerStore.Outcome outcome =
          transactions.execute(
              status -> store.linked(caller.orgId(), request.userId(), edit::applyTo));
      if (outcome.created()) {
        log.info(
            "Customer {} created by {} for user {}", id(outcome), caller.id(), userId(outcome));
      }
      return viewed(caller, outcome.customer(), outcome.created());
    }
    CustomerEdit edit = edit(request, CustomerEdit.Kind.STANDALONE_NEW, phones(caller, request));
    Customer created =
        transactions.execute(
            status -> {
              if (edit.mobileKey() != null
                  && customers
                      .findByOrgIdAndMobileKey(caller.orgId(), edit.mobileKey())
                      .isPresent()) {
                throw mobileTaken();
              }
              Customer fresh = store.newCustomer(caller.orgId(), null);
              edit.applyTo(fresh);
              if (!store.insertIfAbsent(fresh)) {
                throw mobileTaken(); // lost the race for the mobile to a concurrent request
              }
              return customers.findById(fresh.getId()).orElseThrow();
            });
    log.info("Standalone customer {} created by {}", created.getId(), caller.id());
    return viewed(caller, created, true);
  }

  public Versioned update(CurrentUser caller, UUID id, CustomerRequest request, Long ifMatch) {
    StaffOnly.require(caller);
    PhoneSettings phones = phones(caller, request);
    Customer updated =
        transactions.execute(
            status -> {
              Customer customer = find(caller, id);
              requireVersion(customer, ifMatch);
              CustomerEdit.Kind kind =
                  customer.isLinked() ? CustomerEdit.Kind.LINKED : CustomerEdit.Kind.STANDALONE;
              if (request.userId() != null && !request.userId().equals(customer.getUserId())) {
                throw new BadRequestException(
                    "fieldops.problem.validation-failed", Map.of("user_id", CustomerEdit.NOT_HERE));
              }
              CustomerEdit edit = edit(request, kind, phones);
              if (edit.mobileKey() != null && !edit.mobileKey().equals(customer.getMobileKey())) {
                customers
                    .findByOrgIdAndMobileKey(caller.orgId(), edit.mobileKey())
                    .ifPresent(
                        other -> {
                          throw mobileTaken();
                        });
              }
              save(customer, edit);
              return customer;
            });
    return viewed(caller, updated, false);
  }

  /** One more service delivered today (seed 002's "Track service"). */
  public Versioned incrementService(CurrentUser caller, UUID id) {
    StaffOnly.require(caller);
    Customer counted =
        transactions.execute(
            status -> {
              Customer customer = find(caller, id);
              Instant now = clock.instant();
              customer.recordService(LocalDate.ofInstant(now, ZoneOffset.UTC), now);
              return customers.saveAndFlush(customer);
            });
    return viewed(caller, counted, false);
  }

  public Versioned verify(CurrentUser caller, UUID id) {
    StaffOnly.require(caller);
    Customer verified =
        transactions.execute(
            status -> {
              Customer customer = find(caller, id);
              if (customer.verify(clock.instant())) {
                log.info("Customer {} verified by {}", id, caller.id());
                return customers.saveAndFlush(customer);
              }
              return customer;
            });
    return viewed(caller, verified, false);
  }

  // ---- helpers ----

  /**
   * A customer record for a user needs that user in the organisation. When auth-service cannot say,
   * the answer is a 503, not a guess: linking a record to a user nobody vouched for would let staff
   * attach data to anyone's account (fail closed).
   */
  private void requireMember(CurrentUser caller, UUID userId) {
    if (userId.equals(caller.id())
        || customers.findByOrgIdAndUserId(caller.orgId(), userId).isPresent()) {
      return;
    }
    Map<UUID, Identity> members = auth.members(List.of(userId)).orElseThrow(auth::unavailable);
    if (!members.containsKey(userId)) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("user_id", NOT_A_MEMBER));
    }
  }

  private Customer ownCustomer(CurrentUser caller) {
    return customers
        .findByOrgIdAndUserId(caller.orgId(), caller.id())
        .orElseThrow(() -> new NotFoundException(PROFILE_NOT_FOUND));
  }

  /** Another organisation's customer is not found, exactly like a missing one. */
  private Customer find(CurrentUser caller, UUID id) {
    return customers
        .findByIdAndOrgId(id, caller.orgId())
        .orElseThrow(() -> NotFoundException.of("Customer"));
  }

  /** How the organisation reads phones, asked of auth-service only when the request has one. */
  private PhoneSettings phones(CurrentUser caller, CustomerRequest request) {
    return needsRegion(request) ? auth.phoneSettings(caller) : auth.defaultPhoneSettings();
  }

  /** The request checked, its phones read by {@code phones}. */
  private CustomerEdit edit(CustomerRequest request, CustomerEdit.Kind kind, PhoneSettings phones) {
    CustomerEdit edit = CustomerEdit.of(request, kind, phones);
    if (!edit.valid()) {
      throw new BadRequestException("fieldops.problem.validation-failed", edit.problems());
    }
    return edit;
  }

  /** Only phone numbers need the organisation's region: no call to auth-service otherwise. */
  private static boolean needsRegion(CustomerRequest request) {
    return (request.mobile() != null && !request.mobile().isBlank())
        || (request.emergencyContactPhone() != null && !request.emergencyContactPhone().isBlank());
  }

  /**
   * Every update of an existing customer goes through here, so a standalone customer whose name,
   * mobile or city changed is announced ({@code customer.updated}) in the same transaction.
   */
  private void save(Customer customer, CustomerEdit edit) {
    CustomerEvents.ClientFields before = CustomerEvents.ClientFields.of(customer);
    edit.applyTo(customer);
    customer.touch(clock.instant());
    customers.saveAndFlush(customer);
    events.updated(customer, before);
  }

  private static void requireVersion(Customer customer, Long expected) {
    ETags.requireVersion(expected, customer.getVersion());
  }

  private static ProblemException mobileTaken() {
    return new ProblemException(
        HttpStatus.CONFLICT, "conflict", MOBILE_TAKEN, Map.of("mobile", MOBILE_TAKEN));
  }

  private Versioned own(CurrentUser caller, Customer customer, boolean created) {
    return new Versioned(
        CustomerMapper.toResponse(customer, Identity.of(caller)), customer.getVersion(), created);
  }

  /** As staff see it: a linked customer's identity from auth-service (the caller's own: token). */
  private Versioned viewed(CurrentUser caller, Customer customer, boolean created) {
    return new Versioned(
        CustomerMapper.toResponse(customer, identityOf(caller, customer)),
        customer.getVersion(),
        created);
  }

  Identity identityOf(CurrentUser caller, Customer customer) {
    if (!customer.isLinked()) {
      return null;
    }
    if (Objects.equals(customer.getUserId(), caller.id())) {
      return Identity.of(caller);
    }
    return auth.identities(List.of(customer.getUserId())).get(customer.getUserId());
  }

  private static UUID id(CustomerStore.Outcome outcome) {
    return outcome.customer().getId();
  }

  private static UUID userId(CustomerStore.Outcome outcome) {
    return outcome.customer().getUserId();
  }
}

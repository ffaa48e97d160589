package io.fieldops.customer.client;

import io.fieldops.customer.customer.CustomerRepository;
import io.fieldops.customer.customer.CustomerStore;
import io.fieldops.customer.customer.StaffOnly;
import io.fieldops.customer.identity.AuthService;
import io.fieldops.customer.identity.PhoneSettings;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.phone.PhoneNumber;
import io.fieldops.platform.phone.PhoneNumbers;
import io.fieldops.platform.security.CurrentUser;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seed 000's clients, for job cards: found by mobile inside the caller's organisation or created,
 * race-free (see {@link CustomerStore}). A client is a standalone customer.
 */
@Service
public class Clients {

  static final String MOBILE_INVALID = "customer.mobile.invalid";
  static final String MOBILE_NOT_VALID_HERE = "customer.mobile.invalid-in-region";
  private static final Logger log = LoggerFactory.getLogger(Clients.class);

  private final CustomerStore store;
  private final CustomerRepository customers;
  private final AuthService auth;
  private final MessageSource messages;
  private final TransactionTemplate transactions;

  Clients(
      CustomerStore store,
      CustomerRepository customers,
      AuthService auth,
      MessageSource messages,
      TransactionTemplate transactions) {
    this.store = store;
    this.customers = customers;
    this.auth = auth;
    this.messages = messages;
    this.transactions = transactions;
  }

  public record FoundOrCreated(boolean created, ClientResponse client) {}

  public record Check(boolean exists, ClientResponse client, String message) {}

  public FoundOrCreated findOrCreate(CurrentUser caller, ClientRequest request) {
    StaffOnly.require(caller);
    // the organisation's phone region comes from auth-service: asked before the transaction opens
    PhoneNumber mobile = mobile(caller, request.mobile(), "mobile");
    CustomerStore.Outcome outcome =
        transactions.execute(
            status ->
                store.clientByMobile(
                    caller.orgId(),
                    mobile.key(),
                    fresh -> {
                      fresh.setClientIdentity(
                          request.fullName().strip(),
                          mobile.written(),
                          mobile.key(),
                          blankToNull(request.email()));
                      fresh.setClientDetails(
                          blankToNull(request.city()),
                          blankToNull(request.address()),
                          blankToNull(request.notes()));
                    }));
    if (outcome.created()) {
      log.info(
          "Client {} created by {} in {}", outcome.customer().getId(), caller.id(), caller.orgId());
    }
    return new FoundOrCreated(outcome.created(), ClientResponse.of(outcome.customer()));
  }

  @Transactional(readOnly = true)
  public ClientResponse get(CurrentUser caller, UUID id) {
    StaffOnly.require(caller);
    return customers
        .findByIdAndOrgId(id, caller.orgId())
        .filter(c -> !c.isLinked())
        .map(ClientResponse::of)
        .orElseThrow(() -> NotFoundException.of("Client"));
  }

  /** Seed 000's check-client, with its message texts; the mobile is echoed as sent, cleaned. */
  public Check check(CurrentUser caller, String rawMobile) {
    StaffOnly.require(caller);
    PhoneNumber mobile = mobile(caller, rawMobile, "mobile");
    var locale = LocaleContextHolder.getLocale();
    return customers
        .findByOrgIdAndMobileKey(caller.orgId(), mobile.key())
        .map(
            c ->
                new Check(
                    true,
                    ClientResponse.of(c),
                    messages.getMessage(
                        "customer.client.found", new Object[] {mobile.written()}, locale)))
        .orElseGet(
            () ->
                new Check(
                    false,
                    null,
                    messages.getMessage(
                        "customer.client.none", new Object[] {mobile.written()}, locale)));
  }

  /** The mobile by the organisation's phone rule; seed 000's text when it is refused. */
  private PhoneNumber mobile(CurrentUser caller, String raw, String field) {
    if (raw == null || raw.isBlank()) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of(field, "customer.field.required"));
    }
    PhoneSettings phones = auth.phoneSettings(caller);
    return PhoneNumbers.read(raw, phones.region(), phones.strict())
        .orElseThrow(
            () ->
                new BadRequestException(
                    "fieldops.problem.validation-failed",
                    Map.of(field, phones.strict() ? MOBILE_NOT_VALID_HERE : MOBILE_INVALID)));
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

package io.fieldops.customer.client;

import io.fieldops.customer.customer.CustomerRepository;
import io.fieldops.customer.customer.CustomerStore;
import io.fieldops.customer.customer.StaffOnly;
import io.fieldops.customer.identity.AuthService;
import io.fieldops.customer.phone.MobileNumbers;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.NotFoundException;
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
  private static final Logger log = LoggerFactory.getLogger(Clients.class);

  private final CustomerStore store;
  private final CustomerRepository customers;
  private final AuthService auth;
  private final MobileNumbers numbers;
  private final MessageSource messages;
  private final TransactionTemplate transactions;

  Clients(
      CustomerStore store,
      CustomerRepository customers,
      AuthService auth,
      MobileNumbers numbers,
      MessageSource messages,
      TransactionTemplate transactions) {
    this.store = store;
    this.customers = customers;
    this.auth = auth;
    this.numbers = numbers;
    this.messages = messages;
    this.transactions = transactions;
  }

  public record FoundOrCreated(boolean created, ClientResponse client) {}

  public record Check(boolean exists, ClientResponse client, String message) {}

  public FoundOrCreated findOrCreate(CurrentUser caller, ClientRequest request) {
    StaffOnly.require(caller);
    // the organisation's phone region comes from auth-service: asked before the transaction opens
    MobileNumbers.Mobile mobile = mobile(caller, request.mobile(), "mobile");
    CustomerStore.Outcome outcome =
        transactions.execute(
            status ->
                store.clientByMobile(
                    caller.orgId(),
                    mobile.e164(),
                    fresh -> {
                      fresh.setClientIdentity(
                          request.fullName().strip(),
                          mobile.cleaned(),
                          mobile.e164(),
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
    MobileNumbers.Mobile mobile = mobile(caller, rawMobile, "mobile");
    var locale = LocaleContextHolder.getLocale();
    return customers
        .findByOrgIdAndMobileE164(caller.orgId(), mobile.e164())
        .map(
            c ->
                new Check(
                    true,
                    ClientResponse.of(c),
                    messages.getMessage(
                        "customer.client.found", new Object[] {mobile.cleaned()}, locale)))
        .orElseGet(
            () ->
                new Check(
                    false,
                    null,
                    messages.getMessage(
                        "customer.client.none", new Object[] {mobile.cleaned()}, locale)));
  }

  private MobileNumbers.Mobile mobile(CurrentUser caller, String raw, String field) {
    if (raw == null || raw.isBlank()) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of(field, "customer.field.required"));
    }
    return numbers
        .parse(raw, auth.phoneRegion(caller))
        .orElseThrow(
            () ->
                new BadRequestException(
                    "fieldops.problem.validation-failed", Map.of(field, MOBILE_INVALID)));
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

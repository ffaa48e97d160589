package io.fieldops.jobcard.client;

import io.fieldops.platform.calls.PeerCall;
import io.fieldops.platform.calls.PeerCalls;
import io.fieldops.platform.calls.PeerRefusal;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The clients of job cards, as customer-service holds them. Every call is made before any local
 * transaction opens, inside the peer's time limit and breaker: customer-service down or slow is a
 * quick 503 and nothing is written here. Its refusals come back as the seed's errors.
 */
@Service
public class ClientDirectory {

  /** The peer's name: its HTTP service group, Eureka id and circuit breaker. */
  public static final String PEER = "customer-service";

  static final String CLIENT_MISSING = "jobcard.client.missing";

  private final CustomerServiceApi api;
  private final PeerCall customerService;
  private final MessageSource messages;

  ClientDirectory(CustomerServiceApi api, PeerCalls peers, MessageSource messages) {
    this.api = api;
    this.customerService = peers.to(PEER);
    this.messages = messages;
  }

  /** A found or created client, and whether this call created it. */
  public record Resolved(ClientSnapshot client, boolean created) {}

  /**
   * Seed 000's mode 1: the client with this id in the caller's organisation. Anything that is not
   * one (a number, another organisation's id, a missing one) is the seed's "does not exist".
   */
  public ClientSnapshot existing(String reference) {
    UUID id = uuid(reference);
    if (id == null) {
      throw missing(reference);
    }
    try {
      CustomerServiceApi.Client client = customerService.idempotent(() -> api.client(id));
      return snapshot(client);
    } catch (PeerRefusal refusal) {
      if (refusal.status() == 404 || refusal.status() == 400) {
        throw missing(reference);
      }
      throw refusal.passedOn();
    }
  }

  /**
   * Seed 000's mode 2: found by mobile, else created. Find-or-create is idempotent in
   * customer-service (one client per mobile per organisation, a database constraint), so a failed
   * try is retried. Its field refusals are named under {@code client_data}.
   */
  public Resolved findOrCreate(ClientData data) {
    try {
      CustomerServiceApi.FoundOrCreated answer =
          customerService.idempotent(() -> api.findOrCreate(data));
      return new Resolved(snapshot(answer.client()), answer.created());
    } catch (PeerRefusal refusal) {
      throw under("client_data", refusal);
    }
  }

  /** Seed 000's check-client, answered as customer-service answers it. */
  public JsonNode check(String mobile) {
    try {
      return customerService.idempotent(() -> api.check(mobile));
    } catch (PeerRefusal refusal) {
      throw under(null, refusal);
    }
  }

  private static ClientSnapshot snapshot(CustomerServiceApi.Client client) {
    return new ClientSnapshot(client.id(), client.fullName(), client.mobile(), client.city());
  }

  /**
   * The seed: {@code {"error": "Validation failed", "details": {"error": "Client with ID ..."}}}.
   */
  private BadRequestException missing(String reference) {
    String text =
        messages.getMessage(
            CLIENT_MISSING, new Object[] {reference}, LocaleContextHolder.getLocale());
    return new BadRequestException("fieldops.problem.validation-failed", Map.of("error", text));
  }

  /** A 400's field messages as this service's own, each under {@code member} when given. */
  private static ProblemException under(String member, PeerRefusal refusal) {
    Map<String, String> details = refusal.details();
    if (refusal.status() != 400 || details.isEmpty()) {
      return refusal.passedOn();
    }
    Map<String, String> named = new LinkedHashMap<>();
    details.forEach(
        (field, message) -> named.put(member == null ? field : member + "." + field, message));
    return new BadRequestException("fieldops.problem.validation-failed", named);
  }

  private static UUID uuid(String text) {
    try {
      return text == null ? null : UUID.fromString(text.strip());
    } catch (IllegalArgumentException notAUuid) {
      return null;
    }
  }
}

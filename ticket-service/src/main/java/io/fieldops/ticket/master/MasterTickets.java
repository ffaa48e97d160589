package io.fieldops.ticket.master;

import io.fieldops.platform.events.idempotency.IdempotencyKeys;
import io.fieldops.platform.events.idempotency.IdempotentRequest;
import io.fieldops.platform.events.idempotency.StoredAnswer;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Level;
import io.fieldops.platform.web.ETags;
import io.fieldops.ticket.ticket.TicketView;
import io.fieldops.ticket.ticket.VersionedTicket;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 003's master API: levels first (create and update need level 1, delete level 2; a level 0
 * technician or a customer gets "ไม่มีสิทธิ์เข้าถึง"), then the request read and checked, then one
 * transaction ({@link MasterWrites}). A create honours {@code Idempotency-Key}.
 */
@Service
class MasterTickets {

  static final String OPERATION = "ticket-master-create";

  private final MasterWrites writes;
  private final IdempotencyKeys idempotency;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final MessageSource messages;

  MasterTickets(
      MasterWrites writes,
      IdempotencyKeys idempotency,
      TransactionTemplate transactions,
      JsonMapper json,
      MessageSource messages) {
    this.writes = writes;
    this.idempotency = idempotency;
    this.transactions = transactions;
    this.json = json;
    this.messages = messages;
  }

  /** The answer of seed 003: {@code {"data": ticket}}, with the ticket's version for the ETag. */
  record Answer(int status, JsonNode body, long version) {}

  StoredAnswer create(CurrentUser caller, JsonNode body, String idempotencyKey) {
    caller.requireStaff().requireLevel(Level.STAFF);
    MasterRequest request = MasterRequest.read(body);
    Optional<IdempotentRequest> key =
        idempotency.key(idempotencyKey, OPERATION, caller.orgId(), body);
    Optional<StoredAnswer> earlier = key.flatMap(idempotency::replay);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    return idempotency.execute(
        key,
        () -> new StoredAnswer(HttpStatus.CREATED.value(), data(writes.create(caller, request))));
  }

  Answer update(CurrentUser caller, UUID id, JsonNode body, String ifMatch) {
    caller.requireStaff().requireLevel(Level.STAFF);
    Long expected = ETags.version(ifMatch);
    MasterRequest request = MasterRequest.read(body);
    VersionedTicket updated =
        transactions.execute(status -> writes.update(caller, id, request, expected));
    return new Answer(200, data(updated.ticket()), updated.version());
  }

  JsonNode delete(CurrentUser caller, UUID id, boolean deleteAppointment, boolean deleteContact) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    transactions.executeWithoutResult(
        status -> writes.delete(caller, id, deleteAppointment, deleteContact));
    String message = messages.getMessage("ticket.deleted", null, LocaleContextHolder.getLocale());
    return json.valueToTree(Map.of("data", Map.of("message", message)));
  }

  private JsonNode data(TicketView ticket) {
    return json.valueToTree(Map.of("data", ticket));
  }
}

package io.fieldops.ticket.ticket;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.outbox.Outbox;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The events of topic {@code tickets} (key: the ticket id), published through the outbox in the
 * master write's transaction. Each carries the ticket as seed 003 answers it, flat, so
 * notification-service's {@code ticket_created} message has the details, site and appointment.
 */
@Component
public class TicketEvents {

  static final String CREATED = "ticket.created";
  static final String UPDATED = "ticket.updated";
  static final String ASSIGNED = "ticket.assigned";
  static final String DELETED = "ticket.deleted";

  private final Outbox outbox;

  TicketEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  record Created(@JsonUnwrapped TicketView ticket, UUID createdBy) {}

  record Updated(@JsonUnwrapped TicketView ticket, List<String> changed, UUID changedBy) {}

  /** {@code added}: the technicians newly assigned, each to be told. */
  record Assigned(@JsonUnwrapped TicketView ticket, List<UUID> added, UUID assignedBy) {}

  record Deleted(UUID id, UUID deletedBy) {}

  public void created(UUID orgId, TicketView ticket, UUID by) {
    publish(orgId, ticket.id(), CREATED, new Created(ticket, by));
  }

  public void updated(UUID orgId, TicketView ticket, List<String> changed, UUID by) {
    publish(orgId, ticket.id(), UPDATED, new Updated(ticket, changed, by));
  }

  public void assigned(UUID orgId, TicketView ticket, List<UUID> added, UUID by) {
    publish(orgId, ticket.id(), ASSIGNED, new Assigned(ticket, added, by));
  }

  public void deleted(UUID orgId, UUID ticketId, UUID by) {
    publish(orgId, ticketId, DELETED, new Deleted(ticketId, by));
  }

  private void publish(UUID orgId, UUID ticketId, String type, Object data) {
    outbox.publish(Topics.TICKETS, ticketId, EventEnvelope.of(type, orgId, data));
  }
}

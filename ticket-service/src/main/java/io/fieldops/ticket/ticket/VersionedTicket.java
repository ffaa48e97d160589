package io.fieldops.ticket.ticket;

/** A ticket's answer and its version, which travels as the ETag. */
public record VersionedTicket(TicketView ticket, long version) {}

package io.fieldops.ticket.master;

import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.error.ProblemException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.web.ETags;
import io.fieldops.ticket.master.MasterRequest.AppointmentPart;
import io.fieldops.ticket.master.MasterRequest.ContactPart;
import io.fieldops.ticket.master.MasterRequest.SitePart;
import io.fieldops.ticket.master.MasterRequest.TicketPart;
import io.fieldops.ticket.master.PartStore.Appointment;
import io.fieldops.ticket.reference.Merchandise;
import io.fieldops.ticket.reference.ReferenceDefaults;
import io.fieldops.ticket.reference.References;
import io.fieldops.ticket.ticket.TicketEvents;
import io.fieldops.ticket.ticket.TicketHistory;
import io.fieldops.ticket.ticket.TicketRow;
import io.fieldops.ticket.ticket.TicketView;
import io.fieldops.ticket.ticket.Tickets;
import io.fieldops.ticket.ticket.VersionedTicket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The master create, update and delete, each in the caller's one transaction: every reference is
 * checked, every part found or created, the ticket and its links written, its history and events
 * recorded, or, at the first refusal, nothing at all (the transaction rolls back).
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class MasterWrites {

  private final JdbcClient jdbc;
  private final References references;
  private final ReferenceDefaults defaults;
  private final PartStore parts;
  private final Tickets tickets;
  private final TicketHistory history;
  private final TicketEvents events;
  private final Clock clock;

  MasterWrites(
      JdbcClient jdbc,
      References references,
      ReferenceDefaults defaults,
      PartStore parts,
      Tickets tickets,
      TicketHistory history,
      TicketEvents events,
      Clock clock) {
    this.jdbc = jdbc;
    this.references = references;
    this.defaults = defaults;
    this.parts = parts;
    this.tickets = tickets;
    this.history = history;
    this.events = events;
    this.clock = clock;
  }

  TicketView create(CurrentUser caller, MasterRequest request) {
    UUID org = caller.orgId();
    Instant now = clock.instant();
    defaults.ensure(org);
    TicketPart ticket = request.ticket().orNull();
    UUID workTypeId = required(ticket == null ? null : ticket.workTypeId().orNull(), WORK_TYPE);
    UUID assignerId = required(ticket == null ? null : ticket.assignerId().orNull(), ASSIGNER);
    UUID statusId = required(ticket == null ? null : ticket.statusId().orNull(), STATUS);
    checkReferences(org, workTypeId, assignerId, statusId);
    List<UUID> employeeIds = request.employeeIds().value().orElse(List.of());
    checkEmployees(org, employeeIds);
    List<Merchandise> merchandise =
        merchandise(org, request.merchandiseIds().value().orElse(List.of()));

    UUID companyId = request.company().value().map(c -> parts.company(org, c, now)).orElse(null);
    UUID siteId = request.site().value().map(site -> site(org, site, companyId, now)).orElse(null);
    UUID contactId =
        request.contact().value().map(contact -> contact(org, contact, siteId, now)).orElse(null);
    UUID appointmentId =
        request
            .appointment()
            .value()
            .map(part -> parts.newAppointment(org, appointment(null, part), now))
            .orElse(null);
    checkMerchandiseSite(merchandise, siteId);

    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into ticket (id, org_id, details, work_type_id, assigner_id, status_id,
                                additional, site_id, contact_id, appointment_id, created_by,
                                created_at, updated_at, version)
            values (:id, :org, :details, :workType, :assigner, :status, :additional, :site,
                    :contact, :appointment, :by, :now, :now, 0)
            """)
        .param("id", id)
        .param("org", org)
        .param("details", ticket.details().orNull())
        .param("workType", workTypeId)
        .param("assigner", assignerId)
        .param("status", statusId)
        .param("additional", ticket.additional().orNull())
        .param("site", siteId)
        .param("contact", contactId)
        .param("appointment", appointmentId)
        .param("by", caller.id())
        .param("now", Timestamp.from(now))
        .update();
    linkEmployees(id, employeeIds);
    linkMerchandise(id, siteId, merchandise);
    history.record(org, id, caller.id(), now, "ticket", null, Map.of("created", true));
    TicketView view = tickets.view(tickets.row(org, id, false).orElseThrow());
    events.created(org, view, caller.id());
    if (!employeeIds.isEmpty()) {
      events.assigned(org, view, employeeIds, caller.id());
    }
    return view;
  }

  /** Seed 003's update: absent keeps, {@code null} unlinks or clears, a value sets. */
  VersionedTicket update(CurrentUser caller, UUID id, MasterRequest request, Long expectedVersion) {
    UUID org = caller.orgId();
    Instant now = clock.instant();
    TicketRow before = tickets.row(org, id, true).orElseThrow(MasterWrites::ticketNotFound);
    ETags.requireVersion(expectedVersion, before.version());
    Map<String, Object[]> changes = new LinkedHashMap<>();

    TicketPart ticket = request.ticket().orNull();
    String details = before.details();
    String additional = before.additional();
    UUID workTypeId = before.workTypeId();
    UUID assignerId = before.assignerId();
    UUID statusId = before.statusId();
    if (request.ticket().isCleared()) {
      required(null, WORK_TYPE); // a ticket's required members cannot be cleared
    }
    if (ticket != null) {
      details = ticket.details().merge(details);
      additional = ticket.additional().merge(additional);
      workTypeId = stillRequired(ticket.workTypeId(), workTypeId, WORK_TYPE);
      assignerId = stillRequired(ticket.assignerId(), assignerId, ASSIGNER);
      statusId = stillRequired(ticket.statusId(), statusId, STATUS);
      checkReferences(
          org,
          ticket.workTypeId().isAbsent() ? null : workTypeId,
          ticket.assignerId().isAbsent() ? null : assignerId,
          ticket.statusId().isAbsent() ? null : statusId);
    }

    List<UUID> employeesBefore = tickets.employeeIds(id);
    List<UUID> employeeIds = request.employeeIds().value().orElse(employeesBefore);
    if (!request.employeeIds().isAbsent()) {
      checkEmployees(org, employeeIds);
    }
    List<UUID> merchandiseBefore = tickets.merchandiseIds(id);
    List<Merchandise> merchandise =
        merchandise(org, request.merchandiseIds().value().orElse(merchandiseBefore));

    UUID companyId = request.company().value().map(c -> parts.company(org, c, now)).orElse(null);
    UUID siteId =
        switch (request.site()) {
          case Part.Absent<SitePart> a -> before.siteId();
          case Part.Cleared<SitePart> c -> null;
          case Part.Value<SitePart> v -> site(org, v.given(), companyId, now);
        };
    UUID contactId =
        switch (request.contact()) {
          case Part.Absent<ContactPart> a -> before.contactId();
          case Part.Cleared<ContactPart> c -> null;
          case Part.Value<ContactPart> v -> contact(org, v.given(), siteId, now);
        };
    UUID appointmentId = before.appointmentId();
    boolean appointmentChanged = false;
    if (request.appointment().isCleared() && appointmentId != null) {
      appointmentId = null;
      appointmentChanged = true;
    } else if (request.appointment().value().isPresent()) {
      AppointmentPart part = request.appointment().value().get();
      if (appointmentId == null) {
        appointmentId = parts.newAppointment(org, appointment(null, part), now);
      } else {
        parts.updateAppointment(
            appointmentId, appointment(parts.appointment(appointmentId), part), now);
      }
      appointmentChanged = true;
    }
    checkMerchandiseSite(merchandise, siteId);

    track(changes, "ticket.details", before.details(), details);
    track(changes, "ticket.additional", before.additional(), additional);
    track(changes, "ticket.work_type_id", before.workTypeId(), workTypeId);
    track(changes, "ticket.assigner_id", before.assignerId(), assignerId);
    track(changes, "ticket.status_id", before.statusId(), statusId);
    track(changes, "site_id", before.siteId(), siteId);
    track(changes, "contact_id", before.contactId(), contactId);
    if (appointmentChanged) {
      changes.put("appointment", new Object[] {before.appointmentId(), appointmentId});
    }
    if (!request.site().isAbsent() && request.site().value().isPresent()) {
      changes.putIfAbsent("site", new Object[] {before.siteId(), siteId});
    }
    if (!request.contact().isAbsent() && request.contact().value().isPresent()) {
      changes.putIfAbsent("contact", new Object[] {before.contactId(), contactId});
    }
    if (!request.employeeIds().isAbsent()) {
      track(changes, "employee_ids", sorted(employeesBefore), sorted(employeeIds));
    }
    List<UUID> merchandiseIds = merchandise.stream().map(Merchandise::id).toList();
    if (!request.merchandiseIds().isAbsent()) {
      track(changes, "merchandise_ids", sorted(merchandiseBefore), sorted(merchandiseIds));
    }

    // links that must follow the ticket's site go first, so the composite key never sees a
    // ticket on one site with merchandise of another
    jdbc.sql("delete from ticket_merchandise where ticket_id = :id").param("id", id).update();
    jdbc.sql(
            """
            update ticket set details = :details, additional = :additional,
              work_type_id = :workType, assigner_id = :assigner, status_id = :status,
              site_id = :site, contact_id = :contact, appointment_id = :appointment,
              updated_at = :now, version = version + 1
            where id = :id
            """)
        .param("details", details)
        .param("additional", additional)
        .param("workType", workTypeId)
        .param("assigner", assignerId)
        .param("status", statusId)
        .param("site", siteId)
        .param("contact", contactId)
        .param("appointment", appointmentId)
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
    if (request.appointment().isCleared() && before.appointmentId() != null) {
      parts.deleteAppointment(before.appointmentId());
    }
    linkMerchandise(id, siteId, merchandise);
    if (!request.employeeIds().isAbsent()) {
      jdbc.sql("delete from ticket_employee where ticket_id = :id").param("id", id).update();
      linkEmployees(id, employeeIds);
    }
    changes.forEach(
        (member, beforeAfter) ->
            history.record(org, id, caller.id(), now, member, beforeAfter[0], beforeAfter[1]));
    TicketRow after = tickets.row(org, id, false).orElseThrow();
    TicketView view = tickets.view(after);
    events.updated(org, view, List.copyOf(changes.keySet()), caller.id());
    List<UUID> added = employeeIds.stream().filter(e -> !employeesBefore.contains(e)).toList();
    if (!added.isEmpty()) {
      events.assigned(org, view, added, caller.id());
    }
    return new VersionedTicket(view, after.version());
  }

  /** Seed 003's delete: the ticket and its links; the appointment and contact when asked. */
  void delete(CurrentUser caller, UUID id, boolean deleteAppointment, boolean deleteContact) {
    UUID org = caller.orgId();
    TicketRow row = tickets.row(org, id, true).orElseThrow(MasterWrites::ticketNotFound);
    jdbc.sql("delete from ticket where id = :id").param("id", id).update();
    if (deleteAppointment && row.appointmentId() != null) {
      parts.deleteAppointment(row.appointmentId());
    }
    if (deleteContact && row.contactId() != null) {
      // only when no other ticket uses it (the seed's rule)
      jdbc.sql(
              """
              delete from contact c where c.id = :contact and c.org_id = :org
                and not exists (select 1 from ticket t where t.contact_id = c.id)
              """)
          .param("contact", row.contactId())
          .param("org", org)
          .update();
    }
    history.record(org, id, caller.id(), clock.instant(), "ticket", null, Map.of("deleted", true));
    events.deleted(org, id, caller.id());
  }

  private UUID site(UUID org, SitePart site, UUID companyFromRequest, Instant now) {
    if (site.id().value().isPresent()) {
      UUID siteId = site.id().value().get();
      references
          .site(org, siteId)
          .filter(s -> s.isActive())
          .orElseThrow(() -> notFound("site.id", "ticket.not-found.site"));
      parts.updateSite(org, siteId, site, now);
      return siteId;
    }
    String name =
        site.name()
            .value()
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "ticket.required.site-name",
                        Map.of("site.name", "ticket.required.site-name")));
    UUID companyId = companyFromRequest;
    if (companyId == null && site.companyId().value().isPresent()) {
      companyId = site.companyId().value().get();
      references
          .company(org, companyId)
          .filter(c -> c.isActive())
          .orElseThrow(() -> notFound("site.company_id", "ticket.not-found.company"));
    }
    return parts.site(org, companyId, name, site, now);
  }

  private UUID contact(UUID org, ContactPart contact, UUID siteId, Instant now) {
    if (contact.id().value().isPresent()) {
      UUID contactId = contact.id().value().get();
      references
          .contact(org, contactId)
          .filter(c -> c.isActive())
          .orElseThrow(() -> notFound("contact.id", "ticket.not-found.contact"));
      parts.updateContact(org, contactId, contact, now);
      return contactId;
    }
    String name =
        contact
            .personName()
            .value()
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "ticket.required.person-name",
                        Map.of("contact.person_name", "ticket.required.person-name")));
    return parts.contact(org, siteId, name, contact, now);
  }

  private static Appointment appointment(Appointment current, AppointmentPart part) {
    Appointment merged = Appointment.merged(current, part);
    if (!merged.endsAfterItStarts()) {
      throw MasterReader.invalid(
          "appointment.appointment_time_end", "ticket.invalid.end-before-start");
    }
    return merged;
  }

  private void checkReferences(UUID org, UUID workTypeId, UUID assignerId, UUID statusId) {
    if (workTypeId != null
        && references.workType(org, workTypeId).filter(w -> w.isActive()).isEmpty()) {
      throw notFound("ticket.work_type_id", "ticket.not-found.work-type");
    }
    if (assignerId != null && references.employee(org, assignerId).isEmpty()) {
      throw notFound("ticket.assigner_id", "ticket.not-found.employee");
    }
    if (statusId != null && references.status(org, statusId).filter(s -> s.isActive()).isEmpty()) {
      throw notFound("ticket.status_id", "ticket.not-found.status");
    }
  }

  private void checkEmployees(UUID org, List<UUID> employeeIds) {
    for (UUID employee : employeeIds) {
      if (references.employee(org, employee).isEmpty()) {
        throw notFound("employee_ids", "ticket.not-found.employee");
      }
    }
  }

  private List<Merchandise> merchandise(UUID org, List<UUID> ids) {
    List<Merchandise> found = references.merchandise(org, ids);
    if (found.size() != ids.size() || found.stream().anyMatch(m -> !m.isActive())) {
      throw notFound("merchandise_ids", "ticket.not-found.merchandise");
    }
    return found;
  }

  private static void checkMerchandiseSite(List<Merchandise> merchandise, UUID siteId) {
    if (merchandise.stream().anyMatch(m -> !m.siteId().equals(siteId))) {
      throw new BadRequestException(
          "ticket.merchandise.other-site",
          Map.of("merchandise_ids", "ticket.merchandise.other-site"));
    }
  }

  private void linkEmployees(UUID ticketId, List<UUID> employeeIds) {
    for (UUID employee : employeeIds) {
      jdbc.sql("insert into ticket_employee (ticket_id, employee_id) values (:ticket, :employee)")
          .param("ticket", ticketId)
          .param("employee", employee)
          .update();
    }
  }

  private void linkMerchandise(UUID ticketId, UUID siteId, List<Merchandise> merchandise) {
    for (Merchandise item : merchandise) {
      jdbc.sql(
              """
              insert into ticket_merchandise (ticket_id, merchandise_id, site_id)
              values (:ticket, :merchandise, :site)
              """)
          .param("ticket", ticketId)
          .param("merchandise", item.id())
          .param("site", siteId)
          .update();
    }
  }

  private static final String WORK_TYPE = "work_type_id";
  private static final String ASSIGNER = "assigner_id";
  private static final String STATUS = "status_id";

  /** Seed 003's "กรุณาระบุประเภทงาน" and its like, naming the member. */
  private static UUID required(UUID value, String member) {
    if (value == null) {
      String key = "ticket.required." + member.replace("_id", "").replace('_', '-');
      throw new BadRequestException(key, Map.of("ticket." + member, key));
    }
    return value;
  }

  private static UUID stillRequired(Part<UUID> part, UUID current, String member) {
    return required(part.merge(current), member);
  }

  private static void track(Map<String, Object[]> changes, String member, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      changes.put(member, new Object[] {a, b});
    }
  }

  private static List<UUID> sorted(List<UUID> ids) {
    List<UUID> copy = new ArrayList<>(ids);
    copy.sort(null);
    return copy;
  }

  static NotFoundException ticketNotFound() {
    return new NotFoundException("ticket.not-found");
  }

  /** A 404 naming the reference that is not there (or not this organisation's). */
  private static ProblemException notFound(String member, String key) {
    return new ProblemException(HttpStatus.NOT_FOUND, "not-found", key, Map.of(member, key));
  }
}

package io.fieldops.ticket.ticket;

import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.ticket.reference.Paging;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading tickets: staff of level 1 and up see the organisation's, a level 0 technician only those
 * assigned to them; anything else is "ไม่พบตั๋วงาน", exactly like a missing ticket.
 */
@Service
public class TicketReads {

  private final JdbcClient jdbc;
  private final Tickets tickets;
  private final TicketHistory history;

  TicketReads(JdbcClient jdbc, Tickets tickets, TicketHistory history) {
    this.jdbc = jdbc;
    this.tickets = tickets;
    this.history = history;
  }

  public record Page(long count, int page, int size, List<TicketView> results) {}

  @Transactional(readOnly = true)
  public VersionedTicket get(CurrentUser caller, UUID id) {
    TicketRow row = visible(caller, id);
    return new VersionedTicket(tickets.view(row), row.version());
  }

  @Transactional(readOnly = true)
  public List<TicketHistory.Change> history(CurrentUser caller, UUID id) {
    visible(caller, id);
    return history.of(caller.orgId(), id);
  }

  @Transactional(readOnly = true)
  public Page list(CurrentUser caller, TicketQuery query) {
    caller.requireStaff();
    // the same paging, search and refusals as every list of the service
    Paging paging = new Paging(query.page(), query.size(), query.search()).check();
    StringBuilder where = new StringBuilder(" from ticket t where t.org_id = :org");
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("org", caller.orgId());
    UUID assignedTo = caller.worksOrganisationData() ? null : caller.id();
    if (assignedTo != null) {
      where.append(
          " and exists (select 1 from ticket_employee e where e.ticket_id = t.id"
              + " and e.employee_id = :me)");
      params.put("me", assignedTo);
    }
    if (query.employeeId() != null) {
      where.append(
          " and exists (select 1 from ticket_employee e where e.ticket_id = t.id"
              + " and e.employee_id = :employee)");
      params.put("employee", query.employeeId());
    }
    if (query.statusId() != null) {
      where.append(" and t.status_id = :status");
      params.put("status", query.statusId());
    }
    if (query.workTypeId() != null) {
      where.append(" and t.work_type_id = :workType");
      params.put("workType", query.workTypeId());
    }
    if (query.siteId() != null) {
      where.append(" and t.site_id = :site");
      params.put("site", query.siteId());
    }
    if (query.companyId() != null) {
      where.append(" and t.site_id in (select s.id from site s where s.company_id = :company)");
      params.put("company", query.companyId());
    }
    if (query.appointmentDateFrom() != null || query.appointmentDateTo() != null) {
      where.append(
          " and exists (select 1 from appointment a where a.id = t.appointment_id"
              + (query.appointmentDateFrom() != null ? " and a.appointment_date >= :from" : "")
              + (query.appointmentDateTo() != null ? " and a.appointment_date <= :to" : "")
              + ")");
      if (query.appointmentDateFrom() != null) {
        params.put("from", query.appointmentDateFrom());
      }
      if (query.appointmentDateTo() != null) {
        params.put("to", query.appointmentDateTo());
      }
    }
    if (Boolean.TRUE.equals(query.backlog())) {
      where.append(
          " and not exists (select 1 from appointment a where a.id = t.appointment_id"
              + " and a.appointment_date is not null)");
    }
    if (paging.search() != null) {
      where.append(" and lower(t.details) like :search escape '\\'");
      params.put("search", paging.likePattern());
    }
    long count = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
    params.put("limit", paging.size());
    params.put("offset", paging.offset());
    List<TicketRow> rows =
        jdbc.sql(
                "select "
                    + Tickets.COLUMNS.replaceAll("(^|, )", "$1t.")
                    + where
                    + " order by t.created_at desc, t.id limit :limit offset :offset")
            .params(params)
            .query(Tickets.ROW)
            .list();
    return new Page(count, paging.page(), paging.size(), tickets.views(rows));
  }

  private TicketRow visible(CurrentUser caller, UUID id) {
    caller.requireStaff();
    return tickets
        .row(caller.orgId(), id, false)
        .filter(
            row -> caller.worksOrganisationData() || tickets.employeeIds(id).contains(caller.id()))
        .orElseThrow(() -> new NotFoundException("ticket.not-found"));
  }
}

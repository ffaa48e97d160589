package io.fieldops.ticket.reference;

import io.fieldops.platform.events.members.OrganisationMembers;
import io.fieldops.platform.security.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The organisation's active staff, the people a ticket can name as assigner or technician, from the
 * organisation members read model (auth-service's events), by first and last name.
 */
@Service
public class Employees {

  private final OrganisationMembers members;

  Employees(OrganisationMembers members) {
    this.members = members;
  }

  /** {@code search} matches the name or email. */
  public ReferencePage<Employee> list(CurrentUser caller, Paging paging) {
    caller.requireStaff();
    paging.check();
    // An organisation's staff is tens to a few hundred people: one read and a page in memory,
    // which also lets the search use the same full name the answer shows.
    List<Employee> matching =
        members.staff(caller.orgId()).stream()
            .map(Employee::of)
            .filter(e -> paging.matches(e.fullName(), e.firstName(), e.lastName(), e.email()))
            .toList();
    return paging.slice(matching);
  }
}

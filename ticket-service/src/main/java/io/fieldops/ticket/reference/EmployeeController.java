package io.fieldops.ticket.reference;

import io.fieldops.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's active staff, for choosing assigners and technicians (issue 14). */
@RestController
class EmployeeController {

  private final Employees employees;

  EmployeeController(Employees employees) {
    this.employees = employees;
  }

  @GetMapping("/api/v1/tickets/employees")
  ReferencePage<Employee> list(
      CurrentUser caller,
      @RequestParam(name = "search", required = false) String search,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "size", defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return employees.list(caller, new Paging(page, size, search));
  }
}

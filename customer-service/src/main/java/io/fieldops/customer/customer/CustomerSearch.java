package io.fieldops.customer.customer;

import io.fieldops.customer.identity.AuthService;
import io.fieldops.customer.identity.Identity;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.phone.PhoneNumbers;
import io.fieldops.platform.security.CurrentUser;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;

/**
 * {@code GET /api/v1/customers/}: newest first, paged, searchable. The search matches code, city,
 * email, full name and mobile of the customer record, and linked customers whose name, email or
 * phone auth-service matches (their identity lives there; when auth-service cannot answer, only the
 * customer record is searched).
 */
@Service
public class CustomerSearch {

  static final int MAX_PAGE_SIZE = 100;

  private final CustomerRepository customers;
  private final AuthService auth;

  CustomerSearch(CustomerRepository customers, AuthService auth) {
    this.customers = customers;
    this.auth = auth;
  }

  /** Not one transaction: auth-service is asked before the query and after it. */
  public CustomerPage list(
      CurrentUser caller, int page, int size, String search, Boolean verified, Boolean linked) {
    StaffOnly.require(caller);
    Map<String, String> problems = new LinkedHashMap<>();
    if (page < 0) {
      problems.put("page", "customer.page-invalid");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      problems.put("size", "customer.size-invalid");
    }
    if (search != null && search.length() > 100) {
      problems.put("search", "customer.search-too-long");
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("fieldops.problem.validation-failed", problems);
    }
    Set<UUID> matchingUsers =
        search == null || search.isBlank() ? Set.of() : auth.usersMatching(search);
    Page<Customer> found =
        customers.findAll(
            where(caller.orgId(), search, matchingUsers, verified, linked),
            PageRequest.of(
                page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
    List<UUID> others =
        found.stream()
            .map(Customer::getUserId)
            .filter(Objects::nonNull)
            .filter(id -> !id.equals(caller.id()))
            .toList();
    Map<UUID, Identity> identities = auth.identities(others);
    List<CustomerResponse> results =
        found.stream()
            .map(c -> CustomerMapper.toResponse(c, identity(caller, c.getUserId(), identities)))
            .toList();
    return new CustomerPage(found.getTotalElements(), page, size, results);
  }

  private static Identity identity(
      CurrentUser caller, UUID userId, Map<UUID, Identity> identities) {
    if (userId == null) {
      return null;
    }
    return userId.equals(caller.id()) ? Identity.of(caller) : identities.get(userId);
  }

  static Specification<Customer> where(
      UUID orgId, String search, Set<UUID> matchingUsers, Boolean verified, Boolean linked) {
    return (root, query, cb) -> {
      List<Predicate> all = new ArrayList<>();
      all.add(cb.equal(root.get("orgId"), orgId));
      if (verified != null) {
        all.add(cb.equal(root.get("verified"), verified));
      }
      if (linked != null) {
        all.add(linked ? cb.isNotNull(root.get("userId")) : cb.isNull(root.get("userId")));
      }
      if (search != null && !search.isBlank()) {
        String pattern = "%" + escape(search.strip().toLowerCase(Locale.ROOT)) + "%";
        List<Predicate> any = new ArrayList<>();
        for (String field : List.of("code", "city", "email", "fullName")) {
          any.add(cb.like(cb.lower(root.get(field)), pattern, '\\'));
        }
        String digits = PhoneNumbers.clean(search);
        if (!digits.isEmpty()) {
          any.add(cb.like(root.get("mobile"), "%" + escape(digits) + "%", '\\'));
        }
        if (!matchingUsers.isEmpty()) {
          any.add(root.get("userId").in(matchingUsers));
        }
        all.add(cb.or(any.toArray(Predicate[]::new)));
      }
      return cb.and(all.toArray(Predicate[]::new));
    };
  }

  /** LIKE wildcards typed by the user are matched literally. */
  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}

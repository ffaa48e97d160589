package io.fieldops.jobcard.jobcard;

import io.fieldops.jobcard.rules.JobCardStatus;
import io.fieldops.jobcard.rules.PaymentStatus;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.phone.PhoneNumbers;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/** The list's filters as one query; the organisation (and a technician's own) always first. */
final class JobCardSpecifications {

  static final int MAX_SEARCH = 100;

  private JobCardSpecifications() {}

  static Specification<JobCard> matching(UUID orgId, UUID onlyAssignedTo, JobCardQuery query) {
    String status =
        query.status() == null || query.status().isBlank()
            ? null
            : JobCardStatus.fromValue(query.status())
                .map(JobCardStatus::value)
                .orElseThrow(() -> unknown("status", "jobcard.status.unknown"));
    String paymentStatus =
        query.paymentStatus() == null || query.paymentStatus().isBlank()
            ? null
            : PaymentStatus.fromValue(query.paymentStatus())
                .map(PaymentStatus::value)
                .orElseThrow(() -> unknown("payment_status", "jobcard.payment.unknown"));
    String search = query.search() == null ? null : query.search().strip();
    if (search != null && search.length() > MAX_SEARCH) {
      throw unknown("search", "jobcard.search-too-long");
    }
    return (root, cq, cb) -> {
      List<Predicate> where = new ArrayList<>();
      where.add(cb.equal(root.get("orgId"), orgId));
      if (onlyAssignedTo != null) {
        where.add(cb.equal(root.get("technicianId"), onlyAssignedTo));
      }
      if (status != null) {
        where.add(cb.equal(root.get("status"), status));
      }
      if (paymentStatus != null) {
        where.add(cb.equal(root.get("paymentStatus"), paymentStatus));
      }
      if (query.scheduleDateFrom() != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("scheduleDate"), query.scheduleDateFrom()));
      }
      if (query.scheduleDateTo() != null) {
        where.add(cb.lessThanOrEqualTo(root.get("scheduleDate"), query.scheduleDateTo()));
      }
      if (query.client() != null) {
        where.add(cb.equal(root.get("clientId"), query.client()));
      }
      if (query.technicianId() != null) {
        where.add(cb.equal(root.get("technicianId"), query.technicianId()));
      }
      if (search != null && !search.isEmpty()) {
        String like = "%" + escape(search.toLowerCase(Locale.ROOT)) + "%";
        List<Predicate> any = new ArrayList<>();
        any.add(cb.like(cb.lower(root.get("code")), like, '\\'));
        any.add(cb.like(cb.lower(root.get("clientName")), like, '\\'));
        any.add(cb.like(cb.lower(root.get("serviceType")), like, '\\'));
        any.add(cb.like(root.get("clientMobile"), like, '\\'));
        String digits = PhoneNumbers.clean(search);
        if (!digits.isEmpty() && !digits.equals(search)) {
          any.add(cb.like(root.get("clientMobile"), "%" + escape(digits) + "%", '\\'));
        }
        where.add(cb.or(any.toArray(Predicate[]::new)));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static BadRequestException unknown(String field, String key) {
    return new BadRequestException("fieldops.problem.validation-failed", Map.of(field, key));
  }
}

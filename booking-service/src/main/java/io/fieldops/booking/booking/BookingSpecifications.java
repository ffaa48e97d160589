package io.fieldops.booking.booking;

import io.fieldops.booking.rules.BookingStatus;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/** The list filters as JPA criteria; every one is scoped to one organisation first. */
final class BookingSpecifications {

  private BookingSpecifications() {}

  static Specification<Booking> activeBetween(UUID orgId, Instant from, Instant to) {
    return (root, query, cb) ->
        cb.and(
            cb.equal(root.get("orgId"), orgId),
            cb.equal(root.get("status"), BookingStatus.UPCOMING.value()),
            cb.lessThan(root.get("startsAt"), to),
            cb.greaterThan(root.get("endsAt"), from));
  }

  static Specification<Booking> matching(UUID orgId, BookingQuery q) {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      where.add(cb.equal(root.get("orgId"), orgId));
      if (q.dateFrom() != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("bookingDate"), q.dateFrom()));
      }
      if (q.dateTo() != null) {
        where.add(cb.lessThanOrEqualTo(root.get("bookingDate"), q.dateTo()));
      }
      if (q.status() != null) {
        where.add(cb.equal(root.get("status"), q.status()));
      }
      if (q.serviceName() != null) {
        where.add(
            cb.like(cb.lower(root.get("serviceName")), "%" + like(q.serviceName()) + "%", '\\'));
      }
      if (q.phone() != null) {
        where.add(cb.like(root.get("phone"), "%" + PhoneSearch.nationalDigits(q.phone()) + "%"));
      }
      if (q.customer() != null) {
        String pattern = "%" + like(q.customer()) + "%";
        where.add(
            cb.or(
                cb.like(cb.lower(root.get("firstName")), pattern, '\\'),
                cb.like(cb.lower(root.get("lastName")), pattern, '\\'),
                cb.like(cb.lower(root.get("username")), pattern, '\\'),
                cb.like(cb.lower(root.get("email")), pattern, '\\')));
      }
      if (q.userId() != null) {
        where.add(cb.equal(root.get("userId"), q.userId()));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  private static String like(String text) {
    return text.strip()
        .toLowerCase(Locale.ROOT)
        .replace("\\", "\\\\")
        .replace("%", "\\%")
        .replace("_", "\\_");
  }
}

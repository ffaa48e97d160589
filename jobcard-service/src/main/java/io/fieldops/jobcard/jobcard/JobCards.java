package io.fieldops.jobcard.jobcard;

import io.fieldops.jobcard.jobtype.JobTypes;
import io.fieldops.jobcard.rules.JobCardStatus;
import io.fieldops.jobcard.rules.Payment;
import io.fieldops.jobcard.rules.PaymentStatus;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.error.ForbiddenException;
import io.fieldops.platform.error.NotFoundException;
import io.fieldops.platform.error.ProblemException;
import io.fieldops.platform.events.members.Member;
import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.web.ETags;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and changing job cards. Every query is scoped to the caller's organisation, and a level 0
 * technician's to the job cards assigned to them: anything else is "Job card not found", exactly
 * like a missing one. Staff of level 1 and up change everything; a technician only moves their own
 * job cards to In Progress and Completed.
 */
@Service
public class JobCards {

  static final int MAX_SIZE = 100;

  private final JobCardRepository cards;
  private final JobCardEvents events;
  private final JobCardMapper mapper;
  private final JobTypes jobTypes;
  private final Technicians technicians;
  private final Clock clock;

  JobCards(
      JobCardRepository cards,
      JobCardEvents events,
      JobCardMapper mapper,
      JobTypes jobTypes,
      Technicians technicians,
      Clock clock) {
    this.cards = cards;
    this.events = events;
    this.mapper = mapper;
    this.jobTypes = jobTypes;
    this.technicians = technicians;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public JobCardPage list(CurrentUser caller, JobCardQuery query) {
    caller.requireStaff();
    if (query.page() < 1) {
      throw JobCardFields.invalid("page", "jobcard.page-invalid");
    }
    if (query.size() < 1 || query.size() > MAX_SIZE) {
      throw JobCardFields.invalid("size", "jobcard.size-invalid");
    }
    UUID onlyAssignedTo = caller.worksOrganisationData() ? null : caller.id();
    Page<JobCard> page =
        cards.findAll(
            JobCardSpecifications.matching(caller.orgId(), onlyAssignedTo, query),
            PageRequest.of(
                query.page() - 1,
                query.size(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
    return new JobCardPage(
        page.getTotalElements(),
        query.page(),
        query.size(),
        page.getContent().stream().map(mapper::view).toList());
  }

  @Transactional(readOnly = true)
  public JobCardView get(CurrentUser caller, long id) {
    return mapper.view(visible(caller, id));
  }

  @Transactional
  public JobCardView change(CurrentUser caller, long id, JobCardChange change, String ifMatch) {
    caller.requireWorksOrganisationData();
    Long expected = ETags.version(ifMatch);
    JobCard card = visible(caller, id);
    ETags.requireVersion(expected, card.getVersion());
    List<String> changed = new ArrayList<>();
    if (change.serviceType() != null) {
      String serviceType = JobCardFields.blankToNull(change.serviceType());
      if (serviceType == null) {
        throw JobCardFields.invalid("service_type", "jobcard.field.required");
      }
      if (!serviceType.equals(card.getServiceType())) {
        card.work(serviceType, card.getJobType(), card.getScheduleDate());
        changed.add("service_type");
      }
    }
    if (change.jobType() != null) {
      if (change.jobType().isBlank()) {
        throw JobCardFields.invalid("job_type", "jobcard.field.required");
      }
      String jobType = jobTypes.require(caller.orgId(), change.jobType());
      if (!jobType.equals(card.getJobType())) {
        card.work(card.getServiceType(), jobType, card.getScheduleDate());
        changed.add("job_type");
      }
    }
    if (change.scheduleDate() != null) {
      LocalDate date = JobCardFields.date(change.scheduleDate(), "schedule_date");
      if (!Objects.equals(date, card.getScheduleDate())) {
        card.work(card.getServiceType(), card.getJobType(), date);
        changed.add("schedule_date");
      }
    }
    if (change.technicianId() != null) {
      UUID technicianId = JobCardFields.id(change.technicianId(), "technician_id");
      Member technician =
          technicianId == null ? null : technicians.require(caller.orgId(), technicianId);
      String name =
          change.technicianName() != null
              ? JobCardFields.blankToNull(change.technicianName())
              : technician == null ? card.getTechnicianName() : technician.fullName();
      if (!Objects.equals(technicianId, card.getTechnicianId())
          || !Objects.equals(name, card.getTechnicianName())) {
        card.technician(technicianId, name);
        changed.add("technician_id");
      }
    } else if (change.technicianName() != null) {
      String name = JobCardFields.blankToNull(change.technicianName());
      if (!Objects.equals(name, card.getTechnicianName())) {
        card.technician(card.getTechnicianId(), name);
        changed.add("technician_name");
      }
    }
    if (change.price() != null) {
      BigDecimal price = JobCardFields.price(change.price(), "price");
      if (!sameAmount(price, card.getPrice())) {
        card.price(price);
        changed.add("price");
      }
    }
    if (change.notes() != null || change.reference() != null) {
      String notes =
          change.notes() != null ? JobCardFields.blankToNull(change.notes()) : card.getNotes();
      String reference =
          change.reference() != null
              ? JobCardFields.blankToNull(change.reference())
              : card.getReference();
      if (!Objects.equals(notes, card.getNotes())) {
        changed.add("notes");
      }
      if (!Objects.equals(reference, card.getReference())) {
        changed.add("reference");
      }
      card.notes(notes, reference);
    }
    if (changed.isEmpty()) {
      return mapper.view(card);
    }
    return saved(card, view -> events.updated(view, card.getOrgId(), changed, caller.id()));
  }

  @Transactional
  public JobCardView status(CurrentUser caller, long id, StatusChange change, String ifMatch) {
    caller.requireStaff();
    Long expected = ETags.version(ifMatch);
    JobCardStatus next =
        JobCardStatus.fromValue(change.status())
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "fieldops.problem.validation-failed",
                        Map.of("status", "jobcard.status.unknown")));
    if (!caller.worksOrganisationData() && !JobCardStatus.TECHNICIAN_MAY_SET.contains(next)) {
      throw ForbiddenException.accessDenied();
    }
    JobCard card = visible(caller, id);
    ETags.requireVersion(expected, card.getVersion());
    JobCardStatus from = card.status();
    if (!from.canMoveTo(next)) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "illegal-transition",
          "jobcard.status.illegal",
          Map.of("status", "jobcard.status.illegal-detail"),
          from.value(),
          next.value());
    }
    if (next == JobCardStatus.SCHEDULED && card.getScheduleDate() == null) {
      throw JobCardFields.invalid("schedule_date", "jobcard.status.needs-date");
    }
    card.status(next, clock.instant());
    return saved(
        card, view -> events.statusChanged(view, card.getOrgId(), from.value(), caller.id()));
  }

  @Transactional
  public JobCardView payment(CurrentUser caller, long id, PaymentChange change, String ifMatch) {
    caller.requireWorksOrganisationData();
    Long expected = ETags.version(ifMatch);
    PaymentStatus next =
        PaymentStatus.fromValue(change.paymentStatus())
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "fieldops.problem.validation-failed",
                        Map.of("payment_status", "jobcard.payment.unknown")));
    BigDecimal amount = JobCardFields.price(change.amountPaid(), "amount_paid");
    JobCard card = visible(caller, id);
    ETags.requireVersion(expected, card.getVersion());
    PaymentStatus from = card.paymentStatus();
    if (!from.canMoveTo(next)) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "illegal-transition",
          "jobcard.payment.illegal",
          Map.of("payment_status", "jobcard.payment.illegal-detail"),
          from.value(),
          next.value());
    }
    Payment.Outcome outcome = Payment.apply(next, card.getPrice(), card.getAmountPaid(), amount);
    outcome
        .refused()
        .ifPresent(
            refusal -> {
              throw JobCardFields.invalid(refusal.field(), refusal.messageKey());
            });
    card.payment(next, outcome.amountPaid());
    return saved(
        card, view -> events.paymentChanged(view, card.getOrgId(), from.value(), caller.id()));
  }

  /** The job card if the caller may see it; a 404 otherwise, the same as a missing one. */
  private JobCard visible(CurrentUser caller, long id) {
    caller.requireStaff();
    return cards
        .findByIdAndOrgId(id, caller.orgId())
        .filter(
            card -> caller.worksOrganisationData() || caller.id().equals(card.getTechnicianId()))
        .orElseThrow(() -> new NotFoundException("jobcard.not-found"));
  }

  /** Stamps, flushes (so the new version is known) and publishes the change's event. */
  private JobCardView saved(JobCard card, Consumer<JobCardView> publish) {
    Instant now = clock.instant();
    card.touched(now);
    JobCard saved = cards.saveAndFlush(card);
    JobCardView view = mapper.view(saved);
    publish.accept(view);
    return view;
  }

  private static boolean sameAmount(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}

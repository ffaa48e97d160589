package io.fieldops.jobcard.jobcard;

import io.fieldops.platform.security.CurrentUser;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a new job card with its code and its {@code jobcard.created} event, in one transaction.
 */
@Component
class JobCardStore {

  private final JobCardRepository cards;
  private final JobCardNumbers numbers;
  private final JobCardEvents events;
  private final JobCardMapper mapper;

  JobCardStore(
      JobCardRepository cards, JobCardNumbers numbers, JobCardEvents events, JobCardMapper mapper) {
    this.cards = cards;
    this.numbers = numbers;
    this.events = events;
    this.mapper = mapper;
  }

  @Transactional
  JobCard create(CurrentUser caller, NewJobCard fresh, Instant now) {
    JobCard card =
        new JobCard(caller.orgId(), numbers.next(caller.orgId()), fresh.client(), caller.id(), now);
    card.work(fresh.serviceType(), fresh.jobType(), fresh.scheduleDate());
    card.technician(fresh.technicianId(), fresh.technicianName());
    card.price(fresh.price());
    card.notes(fresh.notes(), fresh.reference());
    JobCard saved = cards.saveAndFlush(card);
    events.created(mapper.view(saved), saved.getOrgId(), caller.id());
    return saved;
  }
}

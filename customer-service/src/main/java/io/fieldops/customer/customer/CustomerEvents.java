package io.fieldops.customer.customer;

import io.fieldops.platform.events.EventEnvelope;
import io.fieldops.platform.events.EventTypes;
import io.fieldops.platform.events.Topics;
import io.fieldops.platform.events.outbox.Outbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The events of topic {@code customers} (key: the customer id, envelope {@code org_id}: its
 * organisation), published through the outbox in the transaction of the change. Today one type,
 * {@code customer.updated}: a standalone customer's (a job card client's) name, mobile or city
 * changed, so the job cards' snapshots of it can follow (README, "Events published").
 */
@Component
class CustomerEvents {

  private final Outbox outbox;

  CustomerEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  /**
   * {@code customer.updated}'s payload: the members as they are now, whether they changed or not,
   * and which of them changed ({@code full_name}, {@code mobile}, {@code city}, in that order).
   * {@code user_id} is null for a client; it is there so that a consumer can tell one from a linked
   * customer if linked customers are ever announced too.
   */
  record Updated(
      UUID id, String fullName, String mobile, String city, UUID userId, List<String> changed) {}

  /** What a job card keeps of its client, taken before a change to compare after it. */
  record ClientFields(String fullName, String mobile, String city) {

    static ClientFields of(Customer customer) {
      return new ClientFields(customer.getFullName(), customer.getMobile(), customer.getCity());
    }

    /** The members that differ from {@code before}, by their JSON names. */
    List<String> changedSince(ClientFields before) {
      List<String> changed = new ArrayList<>(3);
      if (!Objects.equals(before.fullName, fullName)) {
        changed.add("full_name");
      }
      if (!Objects.equals(before.mobile, mobile)) {
        changed.add("mobile");
      }
      if (!Objects.equals(before.city, city)) {
        changed.add("city");
      }
      return changed;
    }
  }

  /**
   * Announces {@code customer} when it is standalone and its name, mobile or city differ from
   * {@code before}; does nothing otherwise. Call it inside the transaction that stores the change.
   *
   * @return whether an event was published
   */
  boolean updated(Customer customer, ClientFields before) {
    if (customer.isLinked()) {
      return false; // a linked customer's name and mobile are auth-service's (topic users)
    }
    List<String> changed = ClientFields.of(customer).changedSince(before);
    if (changed.isEmpty()) {
      return false;
    }
    outbox.publish(
        Topics.CUSTOMERS,
        customer.getId(),
        EventEnvelope.of(
            EventTypes.Customers.UPDATED,
            customer.getOrgId(),
            new Updated(
                customer.getId(),
                customer.getFullName(),
                customer.getMobile(),
                customer.getCity(),
                customer.getUserId(),
                List.copyOf(changed))));
    return true;
  }
}

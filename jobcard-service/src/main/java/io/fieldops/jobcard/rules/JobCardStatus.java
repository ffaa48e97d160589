package io.fieldops.jobcard.rules;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Where a job card is in its work: {@code Enquiry -> Scheduled -> In Progress -> Completed}, and
 * {@code Cancelled} from any open state. Completed and Cancelled are final.
 */
public enum JobCardStatus {
  ENQUIRY("Enquiry"),
  SCHEDULED("Scheduled"),
  IN_PROGRESS("In Progress"),
  COMPLETED("Completed"),
  CANCELLED("Cancelled");

  private final String value;

  JobCardStatus(String value) {
    this.value = value;
  }

  /** The name callers read and write ({@code "In Progress"}). */
  public String value() {
    return value;
  }

  /** By its name, as written in the seed; case and surrounding spaces do not matter. */
  public static Optional<JobCardStatus> fromValue(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip();
    return Arrays.stream(values()).filter(s -> s.value.equalsIgnoreCase(wanted)).findFirst();
  }

  public boolean isOpen() {
    return this != COMPLETED && this != CANCELLED;
  }

  /** The one step forward, or cancelling an open job card. */
  public boolean canMoveTo(JobCardStatus next) {
    if (next == CANCELLED) {
      return isOpen();
    }
    return switch (this) {
      case ENQUIRY -> next == SCHEDULED;
      case SCHEDULED -> next == IN_PROGRESS;
      case IN_PROGRESS -> next == COMPLETED;
      case COMPLETED, CANCELLED -> false;
    };
  }

  /** What a technician (level 0) may set on a job card assigned to them. */
  public static final Set<JobCardStatus> TECHNICIAN_MAY_SET = Set.of(IN_PROGRESS, COMPLETED);

  /** The names, in workflow order, for an error message. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(JobCardStatus::value).toList());
  }
}
